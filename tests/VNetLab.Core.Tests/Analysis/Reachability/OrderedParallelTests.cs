using VNetLab.Analysis.Reachability;

namespace VNetLab.Core.Tests.Analysis.Reachability;

/// <summary>
/// <see cref="OrderedParallel"/>, the reach matrix's row pipeline: results come in item order whatever order the workers
/// finish in, the workers stay within their window ahead of the reader, a failure reaches the reader, and a reader that
/// stops early stops the workers.
/// </summary>
public sealed class OrderedParallelTests
{
    [Fact]
    public void Results_come_in_item_order_whatever_order_they_finish_in()
    {
        // Later items finish first: without ordering the reader would see them first.
        var results = OrderedParallel.Run(200, i =>
        {
            Thread.SpinWait((200 - i) * 200);
            return new[] { i };
        }, workers: 4, window: 16).Select(r => r[0]).ToList();

        Assert.Equal(Enumerable.Range(0, 200), results);
    }

    [Fact]
    public void Workers_stay_within_the_window_ahead_of_the_reader()
    {
        var started = 0;
        var read = 0;
        var furthest = 0;
        foreach (var result in OrderedParallel.Run(300, i =>
        {
            var ahead = Interlocked.Increment(ref started) - Volatile.Read(ref read);
            InterlockedMax(ref furthest, ahead);
            return new[] { i };
        }, workers: 3, window: 8))
        {
            Thread.SpinWait(2000);
            Interlocked.Increment(ref read);
            Assert.True(result.Length == 1);
        }

        // A slot is given back just before the reader gets an item, so at most window + 1 items are started beyond those read.
        Assert.InRange(furthest, 1, 9);
    }

    [Fact]
    public void A_failing_item_reaches_the_reader()
    {
        var exception = Assert.Throws<InvalidOperationException>(() =>
            OrderedParallel.Run(50, i => i == 17 ? throw new InvalidOperationException("item 17") : new[] { i }, workers: 2, window: 4).ToList());

        Assert.Equal("item 17", exception.Message);
    }

    [Fact]
    public void A_reader_that_stops_early_stops_the_workers()
    {
        var done = 0;
        var first = OrderedParallel.Run(100_000, i =>
        {
            Interlocked.Increment(ref done);
            return new[] { i };
        }, workers: 2, window: 4).Take(3).ToList();

        Assert.Equal([0, 1, 2], first.Select(r => r[0]));

        // Disposing the enumerator waited for the workers, which stopped within the window.
        var after = Volatile.Read(ref done);
        Thread.Sleep(50);
        Assert.Equal(after, Volatile.Read(ref done));
        Assert.InRange(after, 3, 3 + 4 + 2);
    }

    [Fact]
    public void No_items_give_no_results()
    {
        Assert.Empty(OrderedParallel.Run<int[]>(0, i => [i], workers: 2, window: 4));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
