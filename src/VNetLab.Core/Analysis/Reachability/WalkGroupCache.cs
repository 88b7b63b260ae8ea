using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using VNetLab.Routing;

namespace VNetLab.Analysis.Reachability;

/// <summary>
/// Walk groups for one <see cref="ReachabilityMatrix.Rows"/> call, read by every thread. A site's groups depend on the
/// sender only through its table's classes of the sites' atoms (<see cref="DestinationClasses.ForSender"/>, one array per
/// distinct partition), so they are kept by (classes, destination) and shared by every table that classes the atoms
/// alike; other destinations' groups are kept by (sender table, destination). Both are emptied when they grow past a
/// bound: sources come table by table, and a large site's groups hold thousands of atoms.
/// </summary>
internal sealed class WalkGroupCache
{
    private const int KeptByTable = 1024;
    private const int KeptByClasses = 4096;
    private readonly Bounded<EffectiveRouteTable> _byTable = new(KeptByTable);
    private readonly Bounded<int[]> _byClasses = new(KeptByClasses);

    private readonly ConcurrentDictionary<int, int[]?> _siteAtoms = new();

    /// <summary>A destination's site atom indexes (the region atoms it is made of): the same for every sender, found once.</summary>
    public int[]? SiteAtoms(int destination, Func<int[]?> find) =>
        _siteAtoms.TryGetValue(destination, out var known) ? known : _siteAtoms.GetOrAdd(destination, find());

    /// <summary>The groups of a destination for the senders of <paramref name="table"/>.</summary>
    public List<WalkGroup> ForTable(EffectiveRouteTable? table, int destination, Func<List<WalkGroup>> build) =>
        _byTable.GetOrAdd(table, destination, build);

    /// <summary>The groups of a site destination for every sender whose table classes the sites' atoms as <paramref name="siteClasses"/>.</summary>
    public List<WalkGroup> ForSiteClasses(int[] siteClasses, int destination, Func<List<WalkGroup>> build) =>
        _byClasses.GetOrAdd(siteClasses, destination, build);

    /// <summary>Groups by (object compared by identity, destination index), forgotten past a bound.</summary>
    private sealed class Bounded<TKey>(int kept)
        where TKey : class
    {
        private readonly BoundedCache<(TKey? Key, int Destination), List<WalkGroup>> _groups = new(kept, KeyComparer.Instance);

        public List<WalkGroup> GetOrAdd(TKey? key, int destination, Func<List<WalkGroup>> build) =>
            _groups.TryGetValue((key, destination), out var known) ? known : _groups.GetOrAdd((key, destination), build());

        private sealed class KeyComparer : IEqualityComparer<(TKey? Key, int Destination)>
        {
            public static KeyComparer Instance { get; } = new();

            public bool Equals((TKey? Key, int Destination) x, (TKey? Key, int Destination) y) =>
                ReferenceEquals(x.Key, y.Key) && x.Destination == y.Destination;

            public int GetHashCode((TKey? Key, int Destination) key) =>
                HashCode.Combine(key.Key is null ? 0 : RuntimeHelpers.GetHashCode(key.Key), key.Destination);
        }
    }
}
