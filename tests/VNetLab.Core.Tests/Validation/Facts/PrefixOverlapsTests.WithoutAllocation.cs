using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using VNetLab.Addressing;
using VNetLab.Core.Tests.Addressing;
using VNetLab.Model;
using VNetLab.Validation.Facts;

namespace VNetLab.Core.Tests.Validation.Facts;

/// <summary>The checks that answer "is there any overlap" without building lists, against the finders that build them.</summary>
public sealed partial class PrefixOverlapsTests
{
    private static readonly Gen<IpPrefix[]> NestedPrefixes =
        Gen.Zip(AddressingGenerators.NestedTable(IpFamily.V4), AddressingGenerators.NestedTable(IpFamily.V6))
            .Select(static t => t.Item1.Prefixes.Concat(t.Item2.Prefixes).ToArray());

    [Fact]
    public void Property_AnyBetweenEqualsOverlappingBetweenFindingSome() =>
        PropertyCheck.Holds(
            Gen.Zip(NestedPrefixes, Gen.Choose(0, 24)),
            static t =>
            {
                var split = Math.Min(t.Item2, t.Item1.Length);
                var left = t.Item1[..split].Select(AddressPrefix.Of).ToArray();
                var right = t.Item1[split..].Select(AddressPrefix.Of).ToArray();
                return PrefixOverlaps.AnyBetween(left, right) == (PrefixOverlaps.OverlappingBetween(left, right, p => p.Prefix).Count > 0);
            });

    [Fact]
    public void Property_AnySortedEqualsPairsFindingOne() =>
        PropertyCheck.Holds(NestedPrefixes, static prefixes =>
        {
            var buffer = new List<IpPrefix>();
            List<(string, IpPrefix)> listed = [.. prefixes.Select(p => (p.ToString(), p))];
            return PrefixOverlaps.AnySorted(listed, buffer) == (PrefixOverlaps.Pairs(prefixes).Count > 0)
                && listed.Select(p => p.Item2).SequenceEqual(prefixes);
        });

    [Fact]
    public void AnySorted_TellsALongDisjointListFromOneWithANestedPrefix()
    {
        // Forty /24s in shuffled order (a management rule's on-premises networks), then the same with a /16 over one of them.
        List<(string, IpPrefix)> disjoint = [.. Enumerable.Range(0, 40).Select(i => $"10.{(i * 7) % 40}.{i}.0/24").Select(t => (t, IpPrefix.Parse(t)))];
        List<(string, IpPrefix)> nested = [.. disjoint, ("10.13.0.0/16", IpPrefix.Parse("10.13.0.0/16"))];

        Assert.False(PrefixOverlaps.AnySorted(disjoint, []));
        Assert.True(PrefixOverlaps.AnySorted(nested, []));
    }

    [Fact]
    public void Property_AnyAmongSubnetsEqualsPairsFindingOneAcrossSubnets() =>
        PropertyCheck.Holds(
            Gen.Zip(NestedPrefixes, Gen.ArrayOf(Gen.Choose(0, 5), 48)),
            static t =>
            {
                var (prefixes, owners) = (t.Item1, t.Item2[..t.Item1.Length]);
                var subnets = Enumerable.Range(0, 6)
                    .Select(s => new Subnet
                    {
                        Id = EstateBuilder.SubnetId("vnet", $"s{s}"),
                        AddressPrefixes = [.. prefixes.Where((_, i) => owners[i] == s).Select(AddressPrefix.Of)],
                    })
                    .ToImmutableArray();

                // The finder's entries, subnet by subnet, grouped by subnet, as SubnetRangesOverlapRule lists them.
                var entries = subnets.SelectMany((subnet, order) => subnet.AddressPrefixes.Select(p => (p.Prefix, Order: order))).ToList();
                var found = PrefixOverlaps.Pairs([.. entries.Select(e => e.Prefix)], [.. entries.Select(e => e.Order)]).Count > 0;
                return PrefixOverlaps.AnyAmongSubnets(subnets) == (entries.Count > 32 || found);
            });

    [Fact]
    public void AnyAmongSubnets_IgnoresOverlapsInsideOneSubnet()
    {
        ImmutableArray<Subnet> subnets =
        [
            new Subnet { Id = EstateBuilder.SubnetId("vnet", "a"), AddressPrefixes = EstateBuilder.Prefixes("10.0.0.0/16,10.0.1.0/24") },
            new Subnet { Id = EstateBuilder.SubnetId("vnet", "b"), AddressPrefixes = EstateBuilder.Prefixes("10.1.0.0/24") },
        ];

        Assert.False(PrefixOverlaps.AnyAmongSubnets(subnets));
        Assert.True(PrefixOverlaps.AnyAmongSubnets(subnets.Add(new Subnet { Id = EstateBuilder.SubnetId("vnet", "c"), AddressPrefixes = EstateBuilder.Prefixes("10.0.1.128/25") })));
    }

    [Fact]
    public void Property_SameSetEqualsComparingHashSets() =>
        PropertyCheck.Holds(
            Gen.Zip(Gen.Choose(0, 20).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 5), n)), Gen.Choose(0, 20).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 5), n))),
            static t =>
            {
                // Few distinct prefixes, so that equal sets (with repeats, in any order) come up often; up to 20 entries,
                // so that lists past the pairwise comparison's length are checked too.
                var pool = new[] { "10.0.0.0/16", "10.0.0.0/24", "10.1.0.0/16", "192.168.0.0/16", "fd00::/8", "10.0.0.0/8" };
                ImmutableArray<AddressPrefix> left = [.. t.Item1.Select(i => EstateBuilder.Prefix(pool[i]))];
                ImmutableArray<AddressPrefix> right = [.. t.Item2.Select(i => EstateBuilder.Prefix(pool[i]))];
                return PrefixOverlaps.SameSet(left, right) == left.Select(p => p.Prefix).ToHashSet().SetEquals(right.Select(p => p.Prefix));
            });
}
