using System.Collections.Immutable;

namespace VNetLab.Analysis.Diff;

/// <summary>
/// The one diff every question uses (batfish's default answer diff): rows keyed by something stable — diagnostics by
/// (code, resource), routes by (subnet, prefix, source), reachability by (source, destination) — compared by value.
/// Only changed rows come out, sorted by key.
/// </summary>
public static class RowDiff
{
    public static ImmutableArray<RowChange<TKey, TValue>> Compare<TKey, TValue>(
        IEnumerable<KeyValuePair<TKey, TValue>> before,
        IEnumerable<KeyValuePair<TKey, TValue>> after,
        IComparer<TKey> order,
        IEqualityComparer<TValue>? values = null)
        where TKey : notnull
    {
        values ??= EqualityComparer<TValue>.Default;
        var old = new Dictionary<TKey, TValue>();
        foreach (var (key, value) in before)
        {
            old.TryAdd(key, value);
        }

        var current = new Dictionary<TKey, TValue>();
        foreach (var (key, value) in after)
        {
            current.TryAdd(key, value);
        }

        var changes = new List<RowChange<TKey, TValue>>();
        foreach (var (key, value) in old)
        {
            if (!current.TryGetValue(key, out var now))
            {
                changes.Add(new RowChange<TKey, TValue>(RowChangeKind.Removed, key, value, default));
            }
            else if (!values.Equals(value, now))
            {
                changes.Add(new RowChange<TKey, TValue>(RowChangeKind.Changed, key, value, now));
            }
        }

        foreach (var (key, value) in current)
        {
            if (!old.ContainsKey(key))
            {
                changes.Add(new RowChange<TKey, TValue>(RowChangeKind.Added, key, default, value));
            }
        }

        return [.. changes.OrderBy(c => c.Key, order).ThenBy(c => c.Kind)];
    }
}
