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

    [Fact]
    [Trait("fact", "semantics.md 4.5")]
    public void Rules_match_the_tags_whole_set_though_they_keep_its_learned_part_apart_and_other_rules_never_match_it()
    {
        var random = new Random(20261123);
        for (var round = 0; round < 40; round++)
        {
            var learned = RandomPrefixes(random, random.Next(1, 40));
            var estate = Estate.Create(
            [
                Nsg("nsg",
                    Inbound("nsg", "vnet-in", 100, SecurityRuleAccess.Deny, source: "VirtualNetwork", destination: "10.1.0.0/16"),
                    Inbound("nsg", "vnet-or-range-in", 110, SecurityRuleAccess.Deny, source: "VirtualNetwork 10.200.0.0/16",
                        destination: "VirtualNetwork"),
                    Inbound("nsg", "ranges-in", 120, SecurityRuleAccess.Deny, source: "10.200.0.0/16 10.201.0.0/16"),
                    Inbound("nsg", "any-to-range-in", 130, SecurityRuleAccess.Deny, destination: "10.202.0.0/16")),
                Vnet("vnet1", "10.1.0.0/16", Subnet("vnet1", "s1", "10.1.1.0/24", "nsg")),
                Vnet("vnet2", "10.2.0.0/16", Subnet("vnet2", "s1", "10.2.1.0/24", "nsg")),
            ]);
            var gateway = new Dictionary<ResourceId, ImmutableArray<IpPrefix>>
            {
                [VnetId("vnet1")] = learned,
                [VnetId("vnet2")] = [.. learned],
            };
            var security = SecurityCompiler.Compile(estate, new SecurityOptions { GatewayPrefixes = gateway });
            var subnets = estate.AllSubnets.Select(p => p.Subnet).ToArray();
            var tags = subnets.Select(security.VirtualNetworkTagOf).ToArray();

            // The spokes of one hub learn the same list: they hold one learned set between them, apart from their own.
            Assert.Same(tags[0].Expansion.Learned.V4.Storage, tags[1].Expansion.Learned.V4.Storage);
            Assert.Equal(AddressSet.FromPrefixes(learned), tags[0].Expansion.Learned);

            foreach (var (subnet, tag) in subnets.Zip(tags))
            {
                var nsg = security.SubnetNetworkSecurityGroup(subnet)!;
                var rules = nsg.Inbound;
                var sides = rules.Select(r => (Sources: Union(r.SourceTerms), Destinations: Union(r.DestinationTerms))).ToArray();
                for (var k = 0; k < rules.Length; k++)
                {
                    Assert.Equal(sides[k].Sources, rules[k].Sources);
                    Assert.Equal(sides[k].Destinations, rules[k].Destinations);
                }

                Assert.Equal(tag.Addresses, sides[0].Sources);

                // Addresses on both sides of every boundary of every rule's sets and of the learned set, from and to each
                // other; every rule allows every port, so a rule matches exactly when both of its sides hold the packet.
                var boundaries = sides.SelectMany(s => new[] { s.Sources, s.Destinations }).Append(tag.Expansion.Learned)
                    .SelectMany(set => set.V4.Intervals.ToArray())
                    .SelectMany(i => new[] { i.First - 1, i.First, i.Last, i.Last + 1 })
                    .Distinct().Select(IpAddress.FromV4).ToArray();
                foreach (var address in boundaries)
                {
                    foreach (var other in new[] { address, IpAddress.Parse("10.1.1.4"), IpAddress.Parse("10.202.0.9") })
                    {
                        var packet = Packet.Create(SecurityProtocol.Tcp, address, 1000, other, 443);
                        var expected = -1;
                        for (var k = 0; k < rules.Length; k++)
                        {
                            var matches = sides[k].Sources.Contains(address) && sides[k].Destinations.Contains(other);
                            Assert.Equal(matches, rules[k].Matches(packet));
                            Assert.Equal(sides[k].Sources.Contains(address), rules[k].HoldsSource(address));
                            Assert.Equal(sides[k].Destinations.Contains(other), rules[k].HoldsDestination(other));
                            expected = expected < 0 && matches ? k : expected;
                        }

                        Assert.Equal(expected, nsg.IndexOfFirstMatch(SecurityRuleDirection.Inbound, packet));
                    }
                }
            }
        }
    }

    private static AddressSet Union(ImmutableArray<RuleAddress> terms) =>
        terms.Aggregate(AddressSet.Empty, (set, term) => set.Union(term.Addresses));

    private static ImmutableArray<IpPrefix> RandomPrefixes(Random random, int count) =>
        [.. Enumerable.Range(0, count)
            .Select(_ => IpPrefix.Create(IpAddress.FromV4((uint)random.Next(10 << 24, 11 << 24)), random.Next(14, 29)))
            .Distinct()
            .Order()];
}
