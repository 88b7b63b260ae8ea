using VNetLab.Routing;

namespace VNetLab.Core.Tests.Routing;

/// <summary>The compile's two-halves sort gives what one sort gives, at every length and with repeated keys.</summary>
public sealed class HalvesSortTests
{
    [Fact]
    public void Sorting_the_halves_and_merging_gives_the_sorted_items()
    {
        var random = new Random(20261122);
        var comparer = Comparer<string>.Create(static (a, b) => StringComparer.OrdinalIgnoreCase.Compare(a, b));
        for (var round = 0; round < 200; round++)
        {
            // Few distinct values in some rounds, so equal keys fall in both halves.
            var distinct = round % 3 == 0 ? 4 : 1000;
            var items = Enumerable.Range(0, random.Next(0, 300)).Select(_ => $"/subnets/S{random.Next(distinct)}").ToArray();
            var expected = items.Order(StringComparer.OrdinalIgnoreCase).ToArray();

            var sorted = HalvesSort.Sorted((string[])items.Clone(), comparer, new ParallelOptions());

            Assert.Equal(expected, sorted, StringComparer.OrdinalIgnoreCase);
            Assert.Equal(items.Order(StringComparer.Ordinal), sorted.Order(StringComparer.Ordinal));
        }
    }
}
