using System.Collections.Immutable;
using VNetLab.Addressing;
using VNetLab.Model;
using VNetLab.Security;
using static VNetLab.Core.Tests.Security.SecurityEstate;

namespace VNetLab.Core.Tests.Security;

/// <summary>
/// The tag's addresses are made from the VNet's own contributions and a gateway set shared between VNets that learn
/// the same prefixes; its contributions and listed prefixes are made only when read. Both must say what the
/// contributions say.
/// </summary>
public class VirtualNetworkTagSharingTests
{
    [Fact]
    [Trait("fact", "semantics.md 4.5")]
    public void Addresses_are_the_union_of_the_contributions_and_rules_list_the_same_prefixes_as_the_tag()
    {
        var random = new Random(20261122);
        for (var round = 0; round < 40; round++)
        {
            // Learned prefixes overlapping each other and the VNets (as other hubs' spokes do), some shared, some not.
            var shared = RandomPrefixes(random, random.Next(0, 40));
            var routeTable = RouteTable("rt", random.Next(2) == 0, ("10.8.0.0/16", RouteNextHopType.VirtualAppliance),
                ("10.1.2.0/24", RouteNextHopType.VirtualAppliance));
            var estate = Estate.Create(
            [
                routeTable,
                Nsg("nsg", Inbound("nsg", "vnet-in", 100, SecurityRuleAccess.Allow, source: "VirtualNetwork 10.200.0.0/16")),
                Vnet("vnet1", "10.1.0.0/16", Subnet("vnet1", "s1", "10.1.1.0/24", "nsg"), Subnet("vnet1", "s2", "10.1.2.0/24", "nsg", routeTable.Id)),
                Vnet("vnet2", "10.2.0.0/16", Subnet("vnet2", "s1", "10.2.1.0/24", "nsg")),
                Vnet("vnet3", "10.3.0.0/16", Subnet("vnet3", "s1", "10.3.1.0/24", "nsg")),
            ]);
            var gateway = new Dictionary<ResourceId, ImmutableArray<IpPrefix>>
            {
                [VnetId("vnet1")] = shared,
                [VnetId("vnet2")] = [.. shared],
                [VnetId("vnet3")] = RandomPrefixes(random, random.Next(0, 40)),
            };
            var security = SecurityCompiler.Compile(estate, new SecurityOptions { GatewayPrefixes = gateway });

            foreach (var (_, subnet) in estate.AllSubnets)
            {
                var tag = security.VirtualNetworkTagOf(subnet);
                Assert.Equal(AddressSet.FromPrefixes(tag.Prefixes.Select(p => p.Prefix)), tag.Addresses);
                Assert.Equal(tag.Addresses, AddressSet.FromPrefixes(tag.ExpandedPrefixes));

                // An NSG is shared by tags with equal addresses, so its terms list the prefixes of the tag it was compiled with.
                var nsg = security.SubnetNetworkSecurityGroup(subnet);
                var rule = nsg?.Inbound.Single(r => r.Rule.Name == "vnet-in");
                var term = Assert.Single(rule?.SourceTerms ?? [], t => t.IsVirtualNetworkTag);
                Assert.Equal(tag.Addresses, term.Addresses);
                Assert.Equal(nsg?.VirtualNetworkTag.ExpandedPrefixes.ToArray(), term.ExpandedPrefixes.ToArray());
                Assert.Equal(tag.Addresses, AddressSet.FromPrefixes(term.ExpandedPrefixes));
            }
        }
    }

    private static ImmutableArray<IpPrefix> RandomPrefixes(Random random, int count) =>
        [.. Enumerable.Range(0, count)
            .Select(_ => IpPrefix.Create(IpAddress.FromV4((uint)random.Next(10 << 24, 11 << 24)), random.Next(14, 29)))
            .Distinct()
            .Order()];
}
