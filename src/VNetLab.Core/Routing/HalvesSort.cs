namespace VNetLab.Routing;

/// <summary>
/// A sort whose two halves run at once, then merge: for a serial sort with costly comparisons on a machine whose other
/// core would idle (the compile's subnet ids, each comparison writing both ids' text).
/// </summary>
internal static class HalvesSort
{
    /// <summary>
    /// The items of <paramref name="items"/> (reordered in place meanwhile) in a new array, ascending; items that compare
    /// equal keep no set order, as with <see cref="Array.Sort{T}(T[], IComparer{T})"/>.
    /// </summary>
    public static T[] Sorted<T>(T[] items, IComparer<T> comparer, ParallelOptions parallel)
    {
        var middle = items.Length / 2;
        Parallel.Invoke(parallel, () => Array.Sort(items, 0, middle, comparer), () => Array.Sort(items, middle, items.Length - middle, comparer));
        var merged = new T[items.Length];
        int left = 0, right = middle;
        for (var i = 0; i < merged.Length; i++)
        {
            merged[i] = right == items.Length || (left < middle && comparer.Compare(items[left], items[right]) <= 0) ? items[left++] : items[right++];
        }

        return merged;
    }
}
