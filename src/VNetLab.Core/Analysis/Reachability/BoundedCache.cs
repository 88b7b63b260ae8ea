using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace VNetLab.Analysis.Reachability;

/// <summary>
/// A cache the matrix's workers share that forgets everything once about <c>bound</c> entries were added: sources come
/// table by table, so recent entries serve almost every lookup while the whole estate's would not fit.
/// </summary>
/// <remarks>
/// Past the bound the table is replaced, not cleared, by one made at the bound's size with more lock stripes than
/// workers. With <see cref="ConcurrentDictionary{TKey, TValue}"/>'s defaults (one stripe per core, a few dozen buckets)
/// the two workers queued on each other's adds and took every stripe to grow the table again after each clearing; and
/// additions are counted here because its <c>Count</c> takes every stripe too (an estimate is enough for a bound).
/// </remarks>
internal sealed class BoundedCache<TKey, TValue>(int bound, IEqualityComparer<TKey>? comparer = null)
    where TKey : notnull
{
    private const int StripesPerWorker = 4;
    private ConcurrentDictionary<TKey, TValue> _entries = New(bound, comparer);
    private int _added;

    public bool TryGetValue(TKey key, [MaybeNullWhen(false)] out TValue value) => Volatile.Read(ref _entries).TryGetValue(key, out value);

    /// <summary>Keeps <paramref name="value"/> unless another worker kept one for the key first.</summary>
    public void TryAdd(TKey key, TValue value) => Entries().TryAdd(key, value);

    /// <summary>The value kept for the key: <paramref name="value"/>, or the one another worker kept first.</summary>
    public TValue GetOrAdd(TKey key, TValue value) => Entries().GetOrAdd(key, value);

    // The table to add to, a new one when the bound is passed.
    private ConcurrentDictionary<TKey, TValue> Entries()
    {
        if (Interlocked.Increment(ref _added) <= bound)
        {
            return Volatile.Read(ref _entries);
        }

        var entries = New(bound, comparer);
        Volatile.Write(ref _entries, entries);
        Interlocked.Exchange(ref _added, 0);
        return entries;
    }

    private static ConcurrentDictionary<TKey, TValue> New(int bound, IEqualityComparer<TKey>? comparer) =>
        new(StripesPerWorker * Environment.ProcessorCount, bound, comparer);
}
