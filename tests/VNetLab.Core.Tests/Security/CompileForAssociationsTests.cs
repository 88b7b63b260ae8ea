using VNetLab.Addressing;
using VNetLab.Model;
using VNetLab.Security;
using static VNetLab.Core.Tests.Security.SecurityEstate;

namespace VNetLab.Core.Tests.Security;

/// <summary>
/// An NSG is compiled once per distinct <c>VirtualNetwork</c> tag among the subnets it is associated with: subnets whose
/// tags share an expansion, or whose expansions differ (another route table) but hold the same addresses, share one
/// compilation, the same object their own lookups return.
/// </summary>
public sealed class CompileForAssociationsTests
{
    [Fact]
    [Trait("fact", "semantics.md 4.5")]
    public void An_nsg_is_compiled_once_per_distinct_tag_addresses_in_association_order()
    {
        // web and app have route tables without routes, db has none: three expansions with the same addresses. ops's
        // route adds 172.16.0.0/12 to its tag, vnet-b's tag is its own space: two more compilations.
        var empty1 = RouteTable("rt-empty-1");
        var empty2 = RouteTable("rt-empty-2");
        var udr = RouteTable("rt-udr", false, ("172.16.0.0/12", RouteNextHopType.VirtualAppliance));
        var estate = Estate.Create(
        [
            empty1, empty2, udr,
            Nsg("nsg", Inbound("nsg", "vnet-in", 100, SecurityRuleAccess.Allow, source: "VirtualNetwork 192.168.0.0/16")),
            Vnet("vnet-a", "10.0.0.0/16",
                Subnet("vnet-a", "web", "10.0.1.0/24", "nsg", empty1.Id),
                Subnet("vnet-a", "app", "10.0.2.0/24", "nsg", empty2.Id),
                Subnet("vnet-a", "db", "10.0.3.0/24", "nsg"),
                Subnet("vnet-a", "ops", "10.0.4.0/24", "nsg", udr.Id)),
            Vnet("vnet-b", "10.1.0.0/16", Subnet("vnet-b", "web", "10.1.1.0/24", "nsg")),
        ]);
        var security = SecurityCompiler.Compile(estate);
        var nsg = estate.NetworkSecurityGroups.Single();

        var compiled = security.CompileForAssociations(nsg);

        Assert.Equal(3, compiled.Length);
        var subnets = estate.AllSubnets.Select(p => p.Subnet).ToDictionary(s => $"{s.Id.Parent?.Name}/{s.Name}");
        CompiledNetworkSecurityGroup Own(string subnet) => security.SubnetNetworkSecurityGroup(subnets[subnet]) ?? throw new InvalidOperationException(subnet);
        Assert.Same(compiled[0], Own("vnet-a/web"));
        Assert.Same(compiled[0], Own("vnet-a/app"));
        Assert.Same(compiled[0], Own("vnet-a/db"));
        Assert.Same(compiled[1], Own("vnet-a/ops"));
        Assert.Same(compiled[2], Own("vnet-b/web"));

        // The rule's source is the tag of each compilation, with the rule's own prefix.
        bool Source(int i, string address) => compiled[i].Inbound[0].Sources.Contains(IpAddress.Parse(address));
        Assert.True(Source(0, "10.0.9.9") && Source(0, "192.168.1.1") && !Source(0, "172.16.0.1") && !Source(0, "10.1.1.4"));
        Assert.True(Source(1, "10.0.9.9") && Source(1, "172.16.0.1"));
        Assert.True(Source(2, "10.1.1.4") && Source(2, "192.168.1.1") && !Source(2, "10.0.9.9"));
    }

    [Fact]
    public void An_nsg_associated_with_nothing_is_compiled_once_for_no_subnet()
    {
        var estate = Estate.Create([Nsg("nsg", Inbound("nsg", "vnet-in", 100, SecurityRuleAccess.Allow, source: "VirtualNetwork"))]);

        var compiled = SecurityCompiler.Compile(estate).CompileForAssociations(estate.NetworkSecurityGroups.Single());

        var only = Assert.Single(compiled);
        Assert.Null(only.VirtualNetworkTag.SubnetId);
        Assert.True(only.Inbound[0].Sources.Contains(IpAddress.Parse("168.63.129.16")));
    }

    [Fact]
    [Trait("fact", "semantics.md 4.5")]
    public void Nic_and_subnet_associations_in_any_order_compile_once_per_distinct_tag_in_first_association_order()
    {
        // An NSG on the subnets of forty VNets (forty tags, more than a short list holds) and on NICs met out of their
        // subnets' order, twice in a row, and with no subnet: one compilation per VNet in the order its first
        // association comes, one for no subnet, each the object the subnet's own lookup returns.
        var vnets = Enumerable.Range(0, 40).Select(i => Vnet($"vnet-{i}", $"10.{i}.0.0/16", Subnet($"vnet-{i}", "web", $"10.{i}.1.0/24", "nsg"))).ToList();
        NetworkInterface NicIn(int vnet, int n) => Nic($"nic-{vnet}-{n}", SubnetId($"vnet-{vnet}", "web"), $"10.{vnet}.1.{4 + n}", "nsg");
        var nics = new List<NetworkInterface> { NicIn(39, 0), NicIn(39, 1), NicIn(3, 0), NicIn(39, 2), Nic("nic-nowhere", SubnetId("vnet-none", "web"), "10.99.1.4", "nsg") };
        var estate = Estate.Create(
        [
            Nsg("nsg", Inbound("nsg", "vnet-in", 100, SecurityRuleAccess.Allow, source: "VirtualNetwork")),
            .. vnets,
            .. nics,
        ]);
        var security = SecurityCompiler.Compile(estate);
        var nsg = estate.NetworkSecurityGroups.Single();

        var compiled = security.CompileForAssociations(nsg);

        // The reference: distinct subnets (none for a NIC without one) in association order, their tags, the first of
        // each distinct address set.
        var expected = estate.AssociationsOf(nsg.Id)
            .Select(r => r switch { Subnet s => s, NetworkInterface n => estate.SubnetOf(n), _ => null })
            .Distinct()
            .Select(security.VirtualNetworkTagOf)
            .DistinctBy(t => t.Addresses)
            .Select(t => security.Compile(nsg, t))
            .ToList();
        Assert.Equal(41, compiled.Length);
        Assert.Equal(expected.Count, compiled.Length);
        for (var i = 0; i < compiled.Length; i++)
        {
            Assert.Same(expected[i], compiled[i]);
        }

        var subnets = estate.AllSubnets.ToDictionary(p => p.VirtualNetwork.Name, p => p.Subnet);
        Assert.Contains(compiled, c => c.VirtualNetworkTag.SubnetId is null);
        foreach (var (vnet, subnet) in subnets)
        {
            Assert.Contains(security.SubnetNetworkSecurityGroup(subnet), compiled);
        }
    }
}
