using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using VNetLab.Routing;

namespace VNetLab.Analysis.Reachability;

/// <summary>
/// Walk groups for one <see cref="ReachabilityMatrix.Rows"/> call, read by every thread. A site's groups depend on the
/// sender only through its table's classes of the sites' atoms (<see cref="DestinationClasses.ForSender"/>, one array per
/// distinct partition), so they are kept by (classes, destination) and shared by every table that classes the atoms
/// alike; other destinations' groups are kept by (sender table, destination). Both keep only the recent ones
/// (<see cref="BoundedCache{TKey, TValue}"/>): sources come table by table, and a large site's groups hold thousands of atoms.
/// </summary>
internal sealed class WalkGroupCache
{
    // Per generation (BoundedCache keeps two): enough for the tables in progress, small enough that few survive collections.
    private const int KeptByTable = 256;
    private const int KeptByClasses = 1024;
    private readonly Bounded<EffectiveRouteTable> _byTable = new(KeptByTable);
    private readonly Bounded<int[]> _byClasses = new(KeptByClasses);

    private readonly ConcurrentDictionary<int, int[]?> _siteAtoms = new();

    /// <summary>A destination's site atom indexes (the region atoms it is made of, null when not only those), when known.</summary>
    public bool TryGetSiteAtoms(int destination, out int[]? siteAtoms) => _siteAtoms.TryGetValue(destination, out siteAtoms);

    /// <summary>Keeps a destination's site atom indexes: the same for every sender, so the first found is kept.</summary>
    public int[]? AddSiteAtoms(int destination, int[]? siteAtoms) => _siteAtoms.GetOrAdd(destination, siteAtoms);

    /// <summary>The groups of a destination for the senders of <paramref name="table"/>, when known.</summary>
    public bool TryGetForTable(EffectiveRouteTable? table, int destination, [MaybeNullWhen(false)] out List<WalkGroup> groups) =>
        _byTable.TryGetValue(table, destination, out groups);

    /// <summary>Keeps the groups of a destination for the senders of <paramref name="table"/>; another worker's, when it kept them first.</summary>
    public List<WalkGroup> AddForTable(EffectiveRouteTable? table, int destination, List<WalkGroup> groups) => _byTable.GetOrAdd(table, destination, groups);

    /// <summary>The groups of a site destination for every sender whose table classes the sites' atoms as <paramref name="siteClasses"/>, when known.</summary>
    public bool TryGetForSiteClasses(int[] siteClasses, int destination, [MaybeNullWhen(false)] out List<WalkGroup> groups) =>
        _byClasses.TryGetValue(siteClasses, destination, out groups);

    /// <summary>Keeps the groups of a site destination for the tables that class the sites' atoms as <paramref name="siteClasses"/>.</summary>
    public List<WalkGroup> AddForSiteClasses(int[] siteClasses, int destination, List<WalkGroup> groups) => _byClasses.GetOrAdd(siteClasses, destination, groups);

    /// <summary>Groups by (object compared by identity, destination index), forgotten past a bound.</summary>
    private sealed class Bounded<TKey>(int kept)
        where TKey : class
    {
        private readonly BoundedCache<(TKey? Key, int Destination), List<WalkGroup>> _groups = new(kept, KeyComparer.Instance);

        public bool TryGetValue(TKey? key, int destination, [MaybeNullWhen(false)] out List<WalkGroup> groups) =>
            _groups.TryGetValue((key, destination), out groups);

        public List<WalkGroup> GetOrAdd(TKey? key, int destination, List<WalkGroup> groups) => _groups.GetOrAdd((key, destination), groups);

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
