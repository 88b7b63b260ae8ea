using FsCheck.Fluent;
using VNetLab.Addressing;
using VNetLab.Core.Tests.Addressing;
using VNetLab.Validation.Facts;

namespace VNetLab.Core.Tests.Validation.Facts;

/// <summary>The sorted-stack overlap finder against comparing every pair.</summary>
public sealed partial class PrefixOverlapsTests
{
    [Fact]
    public void Property_PairsEqualTheBruteForcePairs() =>
        PropertyCheck.Holds(
            Gen.Zip(AddressingGenerators.NestedTable(IpFamily.V4), AddressingGenerators.NestedTable(IpFamily.V6))
                .Select(static t => t.Item1.Prefixes.Concat(t.Item2.Prefixes).ToArray()),
            static prefixes =>
            {
                var expected = new List<(int, int)>();
                for (var later = 0; later < prefixes.Length; later++)
                {
                    for (var earlier = 0; earlier < later; earlier++)
                    {
                        if (prefixes[earlier].Overlaps(prefixes[later]))
                        {
                            expected.Add((earlier, later));
                        }
                    }
                }

                return expected.SequenceEqual(PrefixOverlaps.Pairs(prefixes));
            });

    [Fact]
    public void Property_AnyEqualsFindingAPair() =>
        PropertyCheck.Holds(
            Gen.Zip(AddressingGenerators.NestedTable(IpFamily.V4), AddressingGenerators.NestedTable(IpFamily.V6))
                .Select(static t => t.Item1.Prefixes.Concat(t.Item2.Prefixes).ToArray()),
            static prefixes => PrefixOverlaps.Any([.. prefixes.Select(p => (p.ToString(), p))], []) == (PrefixOverlaps.Pairs(prefixes).Count > 0));

    [Fact]
    public void Any_FindsNothingInDisjointPrefixes()
    {
        List<(string, IpPrefix)> disjoint = [.. new[] { "10.0.0.0/24", "10.0.1.0/24", "192.168.0.0/16" }.Select(t => (t, IpPrefix.Parse(t)))];
        List<(string, IpPrefix)> nested = [.. new[] { "10.0.0.0/16", "192.168.0.0/16", "10.0.1.0/24" }.Select(t => (t, IpPrefix.Parse(t)))];

        Assert.False(PrefixOverlaps.Any(disjoint, []));
        Assert.True(PrefixOverlaps.Any(nested, []));
    }

    [Fact]
    public void Groups_AreNotPairedWithThemselves()
    {
        IpPrefix[] prefixes = [IpPrefix.Parse("10.0.0.0/16"), IpPrefix.Parse("10.0.1.0/24"), IpPrefix.Parse("10.0.1.0/25")];
        Assert.Equal([(0, 2), (1, 2)], PrefixOverlaps.Pairs(prefixes, [0, 0, 1]));
    }
}
