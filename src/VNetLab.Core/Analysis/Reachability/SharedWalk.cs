using VNetLab.Analysis.Tracing;

namespace VNetLab.Analysis.Reachability;

/// <summary>A walk kept for the senders of one table and VNet, with the filters on it once asked (<see cref="PathFilters"/>).</summary>
internal sealed class SharedWalk(Trace walk)
{
    private PathFilters.OnPath? _filters;
    private bool _filtersKnown;

    public Trace Walk { get; } = walk;

    /// <summary>The filters on the walk's hops as its own sender's (null: not modelled), found once; every reader finds the same.</summary>
    public PathFilters.OnPath? Filters(PathFilters pathFilters)
    {
        // Two workers may both find them first: they find equal filters, and either may be kept.
        if (!Volatile.Read(ref _filtersKnown))
        {
            _filters = pathFilters.FiltersOnHops(Walk.Source, Walk.Hops);
            Volatile.Write(ref _filtersKnown, true);
        }

        return _filters;
    }
}
