namespace VNetLab.Analysis.Reachability;

/// <summary>One worker's buffers for splitting a walk group by the filters on its path: each split keeps only its representatives.</summary>
internal sealed class FilterSplitScratch
{
    private int[] _subgroupOf = [];
    private int[] _classes = [];

    public Dictionary<long, int> Split { get; } = [];

    /// <summary>Every atom in subgroup 0.</summary>
    public Span<int> SubgroupOf(int count)
    {
        if (_subgroupOf.Length < count)
        {
            _subgroupOf = new int[count];
        }

        var subgroupOf = _subgroupOf.AsSpan(0, count);
        subgroupOf.Clear();
        return subgroupOf;
    }

    public Span<int> Classes(int count)
    {
        if (_classes.Length < count)
        {
            _classes = new int[count];
        }

        return _classes.AsSpan(0, count);
    }
}
