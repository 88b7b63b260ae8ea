using VNetLab.Addressing;
using VNetLab.Analysis.Reachability;

namespace VNetLab.Core.Tests.Analysis.Reachability;

/// <summary>
/// The packet classes' address cuts skip the cut points a set shares with the large set added before it: the result
/// must be every cut point of every set, no more and no fewer, whatever the sets and their order.
/// </summary>
public sealed class AddressCutsTests
{
    [Fact]
    public void The_cuts_are_every_cut_point_of_every_set_added()
    {
        var random = new Random(20261122);
        for (var round = 0; round < 300; round++)
        {
            // Sets drawn around a shared base, as the VirtualNetwork tags of many spokes are: most intervals shared, a
            // few added or removed, some touching the ends of IPv4; small sets in between, which are not references.
            var shared = RandomSet(random, 100 + random.Next(100));
            var sets = new List<IntervalSet<uint>>();
            for (var i = 0; i < 12; i++)
            {
                sets.Add(random.Next(3) switch
                {
                    0 => shared.Union(RandomSet(random, 1 + random.Next(3))).Except(RandomSet(random, random.Next(3))),
                    1 => RandomSet(random, 1 + random.Next(4)),
                    _ => shared.Except(RandomSet(random, 2)).Union(random.Next(2) == 0 ? IntervalSet<uint>.Of(0, 5) : IntervalSet<uint>.Of(uint.MaxValue - 5, uint.MaxValue)),
                });
            }

            var cuts = new AddressCuts();
            var expected = new SortedSet<uint> { 0 };
            foreach (var set in sets)
            {
                cuts.Add(set);
                foreach (var interval in set.Intervals)
                {
                    expected.Add(interval.First);
                    if (interval.Last < uint.MaxValue)
                    {
                        expected.Add(interval.Last + 1);
                    }
                }
            }

            Assert.Equal(expected, cuts.ToSortedArray());
        }
    }

    [Fact]
    public void Cuts_collected_apart_and_merged_are_the_cuts_collected_together()
    {
        // The packet classes cut NSGs on every core, each into its own cuts, and merge them: whichever sets each got,
        // and in whatever order, the merged cuts are those of one collector given every set.
        var random = new Random(20261122);
        for (var round = 0; round < 200; round++)
        {
            var shared = RandomSet(random, 100 + random.Next(100));
            var sets = Enumerable.Range(0, 16)
                .Select(_ => random.Next(2) == 0 ? shared.Union(RandomSet(random, 1 + random.Next(3))) : RandomSet(random, 1 + random.Next(4)))
                .ToList();
            var together = new AddressCuts();
            var apart = Enumerable.Range(0, 1 + random.Next(3)).Select(_ => new AddressCuts()).ToArray();
            foreach (var set in sets)
            {
                together.Add(set);
                apart[random.Next(apart.Length)].Add(set);
            }

            var merged = new AddressCuts();
            foreach (var cuts in apart)
            {
                merged.Merge(cuts);
            }

            Assert.Equal(together.ToSortedArray(), merged.ToSortedArray());
        }
    }

    private static IntervalSet<uint> RandomSet(Random random, int intervals) =>
        IntervalSet<uint>.FromIntervals(Enumerable.Range(0, intervals).Select(_ =>
        {
            // Narrow values around a few /16s so that sets meet, nest and touch.
            var first = (uint)(random.Next(4) << 16) + (uint)random.Next(1 << 12);
            return new Interval<uint>(first, first + (uint)random.Next(64));
        }));
}
