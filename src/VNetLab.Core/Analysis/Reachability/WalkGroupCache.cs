using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using VNetLab.Routing;

namespace VNetLab.Analysis.Reachability;

/// <summary>
/// Walk groups by (sender table, destination index) for one <see cref="ReachabilityMatrix.Rows"/> call, read by every thread; emptied when
/// it grows past a few tables' worth, since sources come table by table and a large site's groups hold thousands of atoms.
/// </summary>
internal sealed class WalkGroupCache
{
    private const int Kept = 1024;
    private readonly ConcurrentDictionary<(EffectiveRouteTable? Table, int Destination), List<WalkGroup>> _groups = new(KeyComparer.Instance);

    private readonly ConcurrentDictionary<int, int[]?> _siteAtoms = new();

    // How many groups were added since the last clearing. ConcurrentDictionary.Count takes every lock of the table, and
    // both workers asked it on each miss: it was the rows' main lock contention at large. An estimate is enough here.
    private int _added;

    /// <summary>A destination's site atom indexes (the region atoms it is made of): the same for every sender, found once.</summary>
    public int[]? SiteAtoms(int destination, Func<int[]?> find) =>
        _siteAtoms.TryGetValue(destination, out var known) ? known : _siteAtoms.GetOrAdd(destination, find());

    public List<WalkGroup> GetOrAdd(EffectiveRouteTable? table, int destination, Func<List<WalkGroup>> build)
    {
        if (_groups.TryGetValue((table, destination), out var known))
        {
            return known;
        }

        var built = build();
        if (Interlocked.Increment(ref _added) > Kept)
        {
            _groups.Clear();
            Interlocked.Exchange(ref _added, 0);
        }

        return _groups.GetOrAdd((table, destination), built);
    }

    private sealed class KeyComparer : IEqualityComparer<(EffectiveRouteTable? Table, int Destination)>
    {
        public static KeyComparer Instance { get; } = new();

        public bool Equals((EffectiveRouteTable? Table, int Destination) x, (EffectiveRouteTable? Table, int Destination) y) =>
            ReferenceEquals(x.Table, y.Table) && x.Destination == y.Destination;

        public int GetHashCode((EffectiveRouteTable? Table, int Destination) key) =>
            HashCode.Combine(key.Table is null ? 0 : RuntimeHelpers.GetHashCode(key.Table), key.Destination);
    }
}
