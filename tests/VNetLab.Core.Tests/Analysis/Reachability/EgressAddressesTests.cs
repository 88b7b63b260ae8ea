using VNetLab.Addressing;
using VNetLab.Analysis.Reachability;

namespace VNetLab.Core.Tests.Analysis.Reachability;

/// <summary>The egress set's batched union unites exactly what uniting one set after another does.</summary>
public sealed class EgressAddressesTests
{
    [Fact]
    public void Uniting_in_batches_gives_the_union_of_every_part()
    {
        var random = new Random(20261122);
        for (var round = 0; round < 300; round++)
        {
            // Parts of a few intervals are sorted together, larger ones merged pairwise: both ways are asked.
            var size = round % 2 == 0 ? 6 : 60;
            var start = RandomSet(random, 60);
            var parts = Enumerable.Range(0, random.Next(12)).Select(_ => RandomSet(random, size)).ToList();
            var expected = parts.Aggregate(start, (set, part) => set.Union(part));

            var pending = new List<AddressSet>(parts);
            Assert.Equal(expected, EgressAddresses.UnionAll(start, pending));
            Assert.Empty(pending);
        }
    }

    private static AddressSet RandomSet(Random random, int size) =>
        AddressSet.FromPrefixes(Enumerable.Range(0, random.Next(size))
            .Select(_ => IpPrefix.Create(IpAddress.FromV4(((uint)random.Next(0, 64) << 24) | ((uint)random.Next(256) << 16)), 8 + random.Next(17))));
}
