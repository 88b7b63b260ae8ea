namespace VNetLab.Analysis.Diff;

/// <summary>One changed row: its key and its value before and after (default when absent on that side).</summary>
public sealed record RowChange<TKey, TValue>(RowChangeKind Kind, TKey Key, TValue? Before, TValue? After);
