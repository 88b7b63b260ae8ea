using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace VNetLab.Analysis.Reachability;

/// <summary>
/// A cache the matrix's workers share that keeps about the last <c>bound</c> entries added or found, and at most twice
/// that: sources come table by table, so recent entries serve almost every lookup while the whole estate's would not fit.
/// </summary>
/// <remarks>
/// Entries live in two generations. Additions go to the current one; once about <c>bound</c> were added it becomes the
/// previous one and the one before is dropped whole. An entry found only in the previous generation is added to the
/// current one again, so what the rows in progress use survives the turn. A single table emptied at its bound lost the
/// entries of the rows in progress each time, so it had to be far larger than they need (65,536 walks), and everything
/// it held lived long enough to be promoted and copied by the collector: the larger part of what the rows' collections
/// promoted. The bound is kept small instead.
/// <para>
/// Each generation is made at the bound's size with more lock stripes than workers. With
/// <see cref="ConcurrentDictionary{TKey, TValue}"/>'s defaults (one stripe per core, a few dozen buckets) the two workers
/// queued on each other's adds and took every stripe to grow the table again after each turn; and additions are counted
/// here because its <c>Count</c> takes every stripe too (an estimate is enough for a bound).
/// </para>
/// </remarks>
internal sealed class BoundedCache<TKey, TValue>(int bound, IEqualityComparer<TKey>? comparer = null)
    where TKey : notnull
{
    private const int StripesPerWorker = 4;
    private Generations _generations = new(New(bound, comparer), null);
    private int _added;

    public bool TryGetValue(TKey key, [MaybeNullWhen(false)] out TValue value)
    {
        var generations = Volatile.Read(ref _generations);
        if (generations.Current.TryGetValue(key, out value))
        {
            return true;
        }

        if (generations.Previous is not { } previous || !previous.TryGetValue(key, out value))
        {
            return false;
        }

        // Still in use: kept into the next generation. Another worker's entry for the key, if any, is equal.
        value = Current().GetOrAdd(key, value);
        return true;
    }

    /// <summary>Keeps <paramref name="value"/> unless another worker kept one for the key first.</summary>
    public void TryAdd(TKey key, TValue value) => Current().TryAdd(key, value);

    /// <summary>The value kept for the key: <paramref name="value"/>, or the one another worker kept first.</summary>
    public TValue GetOrAdd(TKey key, TValue value) => Current().GetOrAdd(key, value);

    /// <summary>How many generations have been turned (for tests).</summary>
    internal int Turns { get; private set; }

    // The generation to add to, after a turn when the bound is passed.
    private ConcurrentDictionary<TKey, TValue> Current()
    {
        var added = Interlocked.Increment(ref _added);
        if (added != bound + 1)
        {
            // Past the bound, another worker is turning: the add goes to either generation, both are read.
            return Volatile.Read(ref _generations).Current;
        }

        // One worker turns, the one that passed the bound; the count starts again, at its own add, once the new
        // generation is in place.
        var current = New(bound, comparer);
        Volatile.Write(ref _generations, new Generations(current, Volatile.Read(ref _generations).Current));
        Interlocked.Exchange(ref _added, 1);
        Turns++;
        return current;
    }

    private static ConcurrentDictionary<TKey, TValue> New(int bound, IEqualityComparer<TKey>? comparer) =>
        new(StripesPerWorker * Environment.ProcessorCount, bound, comparer);

    private sealed record Generations(ConcurrentDictionary<TKey, TValue> Current, ConcurrentDictionary<TKey, TValue>? Previous);
}
