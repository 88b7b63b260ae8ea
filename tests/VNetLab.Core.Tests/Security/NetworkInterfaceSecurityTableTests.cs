using VNetLab.Model;
using VNetLab.Security;
using static VNetLab.Core.Tests.Security.SecurityEstate;

namespace VNetLab.Core.Tests.Security;

/// <summary>
/// A compile keeps each NIC's security in a slot found by the NIC's ordinal in the estate, and one context per subnet
/// for the NICs without an NSG of their own; NICs the estate does not have are compiled and kept by id as before.
/// </summary>
public class NetworkInterfaceSecurityTableTests
{
    private const SecurityRuleDirection In = SecurityRuleDirection.Inbound;

    private static Estate Estate() => VNetLab.Model.Estate.Create(
    [
        Vnet("vnet1", "10.0.0.0/16", Subnet("vnet1", "web", "10.0.1.0/24", "nsg-web"), Subnet("vnet1", "app", "10.0.2.0/24")),
        Nsg("nsg-web", Inbound("nsg-web", "deny-ssh", 100, SecurityRuleAccess.Deny, "Tcp", destinationPorts: "22")),
        Nsg("nsg-nic", Inbound("nsg-nic", "deny-http", 100, SecurityRuleAccess.Deny, "Tcp", destinationPorts: "80")),
        Nic("web-1", SubnetId("vnet1", "web"), "10.0.1.4"),
        Nic("web-2", SubnetId("vnet1", "web"), "10.0.1.5"),
        Nic("app-1", SubnetId("vnet1", "app"), "10.0.2.4"),
        Nic("app-own-nsg", SubnetId("vnet1", "app"), "10.0.2.5", "nsg-nic"),
    ]);

    [Fact]
    public void Ordinals_are_the_positions_of_the_estates_NICs_and_subnets()
    {
        var estate = Estate();
        var table = new NetworkInterfaceSecurityTable(estate);

        for (var i = 0; i < estate.NetworkInterfaces.Length; i++)
        {
            Assert.Equal(i, table.NetworkInterfaceOrdinal(estate.NetworkInterfaces[i]));
        }

        Assert.Equal(0, table.SubnetOrdinal(estate.Find<Subnet>(SubnetId("vnet1", "web"))!));
        Assert.Equal(1, table.SubnetOrdinal(estate.Find<Subnet>(SubnetId("vnet1", "app"))!));
        Assert.Equal(-1, table.NetworkInterfaceOrdinal(Nic("elsewhere", SubnetId("vnet1", "web"), "10.0.1.9")));
        Assert.Equal(-1, table.SubnetOrdinal(Subnet("vnet1", "elsewhere", "10.0.9.0/24")));
    }

    [Fact]
    public void Asked_in_any_order_or_with_a_copy_a_resource_has_the_ordinal_of_its_id()
    {
        var estate = Estate();
        var table = new NetworkInterfaceSecurityTable(estate);
        var nics = estate.NetworkInterfaces;
        var subnets = estate.AllSubnets.Select(p => p.Subnet).ToArray();

        // Backwards, then forwards from the middle, each NIC and subnet both as itself and as a copy with its id.
        foreach (var i in new[] { 3, 2, 1, 0, 2, 3, 0, 1 })
        {
            Assert.Equal(i, table.NetworkInterfaceOrdinal(nics[i]));
            Assert.Equal(i, table.NetworkInterfaceOrdinal(nics[i] with { EnableIpForwarding = !nics[i].EnableIpForwarding }));
            Assert.Equal(i % 2, table.SubnetOrdinal(subnets[i % 2]));
            Assert.Equal(i % 2, table.SubnetOrdinal(subnets[i % 2] with { NetworkSecurityGroupId = null }));
        }
    }

    [Fact]
    public void With_a_subnet_id_given_twice_both_subnets_have_the_first_ones_ordinal()
    {
        var estate = VNetLab.Model.Estate.Create(
            [Vnet("vnet1", "10.0.0.0/16", Subnet("vnet1", "web", "10.0.1.0/24"), Subnet("vnet1", "web", "10.0.2.0/24"), Subnet("vnet1", "app", "10.0.3.0/24"))]);
        var table = new NetworkInterfaceSecurityTable(estate);
        var subnets = estate.VirtualNetworks[0].Subnets;

        Assert.Equal(0, table.SubnetOrdinal(subnets[0]));
        Assert.Equal(0, table.SubnetOrdinal(subnets[1]));
        Assert.Equal(2, table.SubnetOrdinal(subnets[2]));
    }

    [Fact]
    public void A_slot_keeps_what_was_published_first()
    {
        var estate = Estate();
        var table = new NetworkInterfaceSecurityTable(estate);
        var security = SecurityCompiler.Compile(estate);
        var first = security.For(estate.NetworkInterfaces[0]);
        var other = security.For(estate.NetworkInterfaces[1]);

        Assert.Null(table.NetworkInterface(0));
        Assert.Same(first, table.Publish(0, first));
        Assert.Same(first, table.Publish(0, other));
        Assert.Same(first, table.NetworkInterface(0));
        Assert.Null(table.NetworkInterface(1));

        Assert.Null(table.SubnetContext(1));
        Assert.Same(first.Context, table.PublishSubnetContext(1, first.Context));
        Assert.Same(first.Context, table.PublishSubnetContext(1, other.Context));
        Assert.Same(first.Context, table.SubnetContext(1));
    }

    [Fact]
    public void Asking_again_for_a_NIC_gives_the_same_compiled_security()
    {
        var estate = Estate();
        var security = SecurityCompiler.Compile(estate);

        foreach (var nic in estate.NetworkInterfaces)
        {
            Assert.Same(security.For(nic), security.For(nic));
            Assert.Same(nic, security.For(nic).NetworkInterface);
        }
    }

    [Fact]
    public void NICs_asked_for_from_many_threads_get_one_compiled_security_each()
    {
        var estate = Estate();
        var security = SecurityCompiler.Compile(estate);
        var nics = Enumerable.Range(0, 64).Select(i => estate.NetworkInterfaces[i % estate.NetworkInterfaces.Length]).ToArray();
        var compiled = new NetworkInterfaceSecurity[nics.Length];

        Parallel.For(0, nics.Length, i => compiled[i] = security.For(nics[i]));

        for (var i = 0; i < nics.Length; i++)
        {
            Assert.Same(security.For(nics[i]), compiled[i]);
        }

        Assert.Same(security.For(estate.NetworkInterfaces[0]).Context, security.For(estate.NetworkInterfaces[1]).Context);
    }

    [Fact]
    public void A_NIC_with_its_own_NSG_and_one_without_in_the_same_subnet_get_different_contexts()
    {
        var estate = Estate();
        var security = SecurityCompiler.Compile(estate);
        var plain = security.For(estate.NetworkInterfaces.Single(n => n.Name == "app-1"));
        var own = security.For(estate.NetworkInterfaces.Single(n => n.Name == "app-own-nsg"));

        Assert.NotSame(plain.Context, own.Context);
        Assert.Empty(plain.Associations);
        Assert.Single(own.Associations);
        Assert.Equal(FlowDecision.NoNetworkSecurityGroup, plain.Evaluate(In, Tcp("10.0.1.4", 50000, "10.0.2.4", 80)).Decision);
        Assert.Equal("securityRules/deny-http", own.Evaluate(In, Tcp("10.0.1.4", 50000, "10.0.2.5", 80)).RuleName);
    }

    [Fact]
    public void A_NIC_the_estate_does_not_have_is_compiled_and_kept_by_its_id()
    {
        var estate = Estate();
        var security = SecurityCompiler.Compile(estate);
        var outsider = Nic("outsider", SubnetId("vnet1", "web"), "10.0.1.9");

        var compiled = security.For(outsider);

        Assert.Same(compiled, security.For(outsider));
        Assert.Same(compiled, security.For(Nic("outsider", SubnetId("vnet1", "web"), "10.0.1.9")));
        Assert.Same(security.For(estate.NetworkInterfaces[0]).Context, compiled.Context);
        Assert.Equal("securityRules/deny-ssh", compiled.Evaluate(In, Tcp("10.0.2.4", 50000, "10.0.1.9", 22)).RuleName);
    }

    [Fact]
    public void A_NIC_given_as_another_object_with_an_estate_NICs_id_gets_that_NICs_compiled_security()
    {
        var estate = Estate();
        var security = SecurityCompiler.Compile(estate);
        var first = security.For(estate.NetworkInterfaces[0]);

        Assert.Same(first, security.For(Nic("web-1", SubnetId("vnet1", "web"), "10.0.1.4")));
    }
}
