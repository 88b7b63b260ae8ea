using VNetLab.Analysis.Reachability;

namespace VNetLab.Core.Tests.Analysis.Reachability;

/// <summary>
/// The matrix's caches keep two generations of entries: what was added or found in the last <c>bound</c> additions is
/// kept, however the additions fall against the turns; nothing older than two generations is; a value found is the one
/// kept for its key.
/// </summary>
public sealed class BoundedCacheTests
{
    private const int Bound = 8;

    [Fact]
    public void What_was_added_or_found_in_the_last_bound_additions_is_kept()
    {
        var random = new Random(20261122);
        var cache = new BoundedCache<int, string>(Bound);

        // The model: the step at which each key was last added or found, and the values kept.
        var lastUsed = new Dictionary<int, int>();
        var values = new Dictionary<int, string>();
        var step = 0;
        for (var round = 0; round < 5000; round++)
        {
            var key = random.Next(40);
            if (cache.TryGetValue(key, out var found))
            {
                Assert.Equal(values[key], found);
                lastUsed[key] = ++step;
                continue;
            }

            // A key added or found in the last bound additions (a find counts as one) must not be missing.
            Assert.False(lastUsed.TryGetValue(key, out var used) && step - used < Bound,
                $"key {key} was used {step - used} additions ago and is gone (bound {Bound})");
            var value = $"{key}@{round}";
            if (random.Next(2) == 0)
            {
                cache.TryAdd(key, value);
            }
            else
            {
                Assert.Equal(value, cache.GetOrAdd(key, value));
            }

            values[key] = value;
            lastUsed[key] = ++step;
        }

        Assert.True(cache.Turns > 100, "the cache never turned: the test would check nothing");
    }

    [Fact]
    public void Nothing_older_than_two_generations_is_kept()
    {
        var cache = new BoundedCache<int, int>(Bound);
        for (var key = 0; key < 10 * Bound; key++)
        {
            cache.TryAdd(key, key);
        }

        // Keys added without being found again live two generations (at most twice the bound), never more.
        var kept = Enumerable.Range(0, 10 * Bound).Where(key => cache.TryGetValue(key, out _)).ToList();
        Assert.InRange(kept.Count, Bound, 2 * Bound);
        Assert.All(kept, key => Assert.True(key >= 8 * Bound, $"key {key} outlived two generations"));
    }

    [Fact]
    public void An_added_value_does_not_replace_the_one_kept()
    {
        var cache = new BoundedCache<string, string>(Bound, StringComparer.Ordinal);
        cache.TryAdd("a", "first");
        cache.TryAdd("a", "second");
        Assert.Equal("first", cache.GetOrAdd("a", "third"));
        Assert.True(cache.TryGetValue("a", out var value));
        Assert.Equal("first", value);
    }
}
