using System.Collections.Concurrent;
using VNetLab.Addressing;
using VNetLab.Analysis.Tracing;
using VNetLab.Model;
using VNetLab.Routing;
using VNetLab.Routing.Bgp;

namespace VNetLab.Analysis.Reachability;

/// <summary>
/// The address atoms of a region (the external sites' ranges) grouped into classes that a walk ignoring filters
/// (<see cref="Tracer.OutcomeIgnoringFilters"/>) treats alike (atomic predicates, Yang and Lam): two atoms are in one
/// class when they lie in exactly the same <see cref="PacketClasses.MembershipSets"/> and, in every route table of the
/// estate, get the same route decision (next hop type, address, route table, route name and source, origin,
/// reachability of the appliance) and, for a gateway next hop, leave by the same gateway, learned route connection,
/// kind, remote VNet, site and local network gateway. A permissive walk to one atom of a class then takes the same
/// hops, steps of the same kinds and the same disposition as a walk to any other (filters do not change its course),
/// so the matrix walks once per class and evaluates only the filters on that path per atom
/// (docs/modeling/reachability.md §4 lists the tracer's address decisions).
/// </summary>
/// <remarks>
/// Route prefixes and rule address sets are not membership sets here on purpose: the 4,000 on-premises prefixes are
/// each a gateway route of every spoke table, and spoke NSG rules name a few of them each, so membership in each would
/// keep them all apart although they lead to the same gateway and site. The classes come from exact partition refinement (split by "in S or not", or by a table's decision), with
/// no hash standing for a set or a decision: every key is compared by value.
/// </remarks>
internal sealed partial class DestinationClasses
{
    private readonly uint[] _firsts;
    private readonly uint[] _lasts;
    private readonly int[] _transitClassOf;
    private readonly ConcurrentDictionary<object, Runs> _filterClasses = new(ReferenceEqualityComparer.Instance);

    // The atoms a stored address set covers (by the identity of its intervals), interned by value, and the classes by the
    // sequence of covered runs that split them. Thousands of spoke NSGs name the same sets (on-premises ranges, ASGs) and
    // differ in sets outside the region (their own ranges, which cover no atom): they split the sites alike, once.
    private readonly ConcurrentDictionary<object, int[]> _coveredByStorage = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentDictionary<int[], int[]> _coveredInterned = new(SequenceComparer.Instance);
    private readonly ConcurrentDictionary<int[][], Runs> _classesBySplits = new(ReferenceSequenceComparer.Instance);

    // The subnets of a spoke share one table and come one after another in the matrix's source order, so a few hundred
    // recent tables serve almost every row; all 10,000 tables of a large estate would hold a class array each.
    private readonly BoundedCache<EffectiveRouteTable, int[]> _senderClasses = new(SenderClassesKept, ReferenceEqualityComparer.Instance);
    private const int SenderClassesKept = 256;

    // Each distinct sender partition once (by value): the arrays ForSender hands out.
    private readonly ConcurrentDictionary<int[], int[]> _senderPartitions = new(SequenceComparer.Instance);
    private readonly RouteDecisions _decisions;

    public DestinationClasses(NetworkAnalysis analysis, Tracer tracer, PacketClasses classes, AddressSet region)
    {
        var atoms = classes.Split(region).ToArray();
        _firsts = [.. atoms.Select(a => a.First.V4Value)];
        var lasts = _lasts = [.. atoms.Select(a => a.Last.V4Value)];
        _decisions = new RouteDecisions(analysis, tracer, _firsts);
        var partition = new Partition(atoms.Length);
        if (atoms.Length > 1)
        {
            var seenSets = new HashSet<int[]>(SequenceComparer.Instance);
            foreach (var set in classes.MembershipSets)
            {
                var covered = Covered(set, _firsts, lasts);
                if (covered.Length > 0 && seenSets.Add(covered))
                {
                    partition.Split(covered);
                }
            }

            var transit = TransitTables(analysis);
            var labelings = new int[transit.Length][];
            Parallel.For(0, transit.Length, i => labelings[i] = _decisions.Label(transit[i]));
            var seenLabelings = new HashSet<int[]>(SequenceComparer.Instance);
            foreach (var labels in labelings)
            {
                if (seenLabelings.Add(labels))
                {
                    partition.Refine(labels);
                }
            }
        }

        _transitClassOf = partition.ClassOf;
    }

    // Scratch for FilterClasses, one per thread (the sets are cleared before use; a class is made by one thread).
    [ThreadStatic]
    private static HashSet<object>? t_seenStorage;

    [ThreadStatic]
    private static HashSet<int[]>? t_seenCovered;

    [ThreadStatic]
    private static List<int>? t_covered;

    // A sender table's labels, one array per thread: read by the refinement and dropped.
    [ThreadStatic]
    private static int[]? t_senderLabels;

    /// <summary>How many atoms the region has.</summary>
    public int AtomCount => _firsts.Length;

    /// <summary>How many classes the region's atoms fall into before any sender's own table is taken into account.</summary>
    public int TransitClassCount => _transitClassOf.Length == 0 ? 0 : _transitClassOf.Max() + 1;

    /// <summary>
    /// The classes for walks whose first lookup is in <paramref name="senderTable"/>: the transit classes split by that
    /// table's decisions. Indexed like the region's atoms. Tables that class the atoms alike get the same array (equal
    /// partitions are numbered alike, by first appearance), so what depends only on the classes can be kept per array
    /// rather than per table: thousands of spoke tables fall into a few dozen partitions.
    /// </summary>
    public int[] ForSender(EffectiveRouteTable? senderTable)
    {
        if (senderTable is null || _firsts.Length < 2)
        {
            return _transitClassOf;
        }

        if (_senderClasses.TryGetValue(senderTable, out var known))
        {
            return known;
        }

        // Refined in this thread's scratch and copied only when the partition is new: most tables fall into one met before.
        var labels = t_senderLabels is { } scratch && scratch.Length == _firsts.Length ? scratch : t_senderLabels = new int[_firsts.Length];
        _decisions.LabelInto(senderTable, labels);
        var partition = Partition.ScratchOf(_transitClassOf);
        partition.Refine(labels);
        var classOf = _senderPartitions.TryGetValue(partition.ClassOf, out var met) ? met
            : _senderPartitions.GetOrAdd((int[])partition.ClassOf.Clone(), static classOf => classOf);
        _senderClasses.TryAdd(senderTable, classOf);
        return classOf;
    }

    /// <summary>
    /// The region's atoms classed by a filter's address sets (an NSG's rules in one direction, a firewall's rules), kept
    /// by <paramref name="key"/>: two atoms of one class are in exactly the same of those sets, so every rule matches a
    /// packet to one exactly when it matches the same packet to the other, and the filter's verdicts are equal.
    /// </summary>
    public Runs FilterClasses(object key, Func<object, IEnumerable<AddressSet>> sets) => _filterClasses.GetOrAdd(key, k =>
    {
        // This thread's sets, cleared: thousands of NSGs are classed once each, and two sets grown per NSG over its
        // 400 address sets were a twentieth of what the rows allocated.
        var splits = new List<int[]>();
        var seenStorage = t_seenStorage ??= new HashSet<object>(ReferenceEqualityComparer.Instance);
        var seen = t_seenCovered ??= new HashSet<int[]>(ReferenceEqualityComparer.Instance);
        seenStorage.Clear();
        seen.Clear();
        foreach (var set in sets(k))
        {
            if (set.V4.Storage is not { } storage || !seenStorage.Add(storage))
            {
                continue;
            }

            // A set holding every atom of the region (a VirtualNetwork tag) splits nothing. Interned: equal runs, one array.
            var covered = _coveredByStorage.GetOrAdd(storage,
                static (_, state) => state.Self._coveredInterned.GetOrAdd(Covered(state.Set, state.Self._firsts, state.Self._lasts), static c => c),
                (Self: this, Set: set));
            if (covered.Length > 0 && !(covered.Length == 2 && covered[0] == 0 && covered[1] == _firsts.Length - 1) && seen.Add(covered))
            {
                splits.Add(covered);
            }
        }

        return _classesBySplits.GetOrAdd([.. splits], static (splits, atomCount) =>
        {
            // Only the runs are kept: the partition works in this thread's scratch (thousands of NSGs, 7,182 atoms each).
            var partition = Partition.Scratch(atomCount);
            foreach (var covered in splits)
            {
                partition.Split(covered);
            }

            return Runs.Of(partition.ClassOf);
        }, _firsts.Length);
    });

    /// <summary>The addresses of the region's atom at <paramref name="index"/>.</summary>
    public AddressRange AtomRange(int index) => new(IpAddress.FromV4(_firsts[index]), IpAddress.FromV4(_lasts[index]));

    /// <summary>The index of the region's atom starting at <paramref name="first"/>, or -1 when none starts there.</summary>
    public int AtomAt(IpAddress first)
    {
        if (!first.IsV4)
        {
            return -1;
        }

        var index = Array.BinarySearch(_firsts, first.V4Value);
        return index >= 0 ? index : -1;
    }

    /// <summary>
    /// The tables a walk can look up after its first one: those of the subnets it re-enters routing from (a gateway's
    /// GatewaySubnet, an appliance NIC's subnet, a firewall's subnet). The tracer routes from no other subnet.
    /// </summary>
    private static EffectiveRouteTable[] TransitTables(NetworkAnalysis analysis)
    {
        var estate = analysis.Estate;
        var subnets = new List<ResourceId>();
        subnets.AddRange(estate.VirtualNetworkGateways.SelectMany(g => g.IpConfigurations).Select(c => c.SubnetId).OfType<ResourceId>());
        subnets.AddRange(estate.AzureFirewalls.SelectMany(f => f.IpConfigurations).Select(c => c.SubnetId).OfType<ResourceId>());
        var tables = analysis.Routing.Subnets.Select(s => s.Table).Distinct(ReferenceEqualityComparer.Instance).Cast<EffectiveRouteTable>();

        // Thousands of tables share one hub's gateway routes (4,000 on-premises prefixes at large): each shared set is
        // read once, where its first table reads it, so the subnets are found in the same order.
        var gatewayRouteSets = new HashSet<GatewayRouteSet>(ReferenceEqualityComparer.Instance);
        foreach (var route in tables.SelectMany(t => t.LocalRoutes.AsEnumerable()
            .Concat(t.GatewayRoutes is { } shared && gatewayRouteSets.Add(shared) ? shared.Routes : [])))
        {
            if (route.NextHopType == NextHopType.VirtualAppliance && !route.NextHopIpAddresses.IsDefaultOrEmpty
                && analysis.Addresses.NetworkInterfaceAt(route.NextHopIpAddresses[0]) is { } nic && estate.SubnetOf(nic) is { } subnet)
            {
                subnets.Add(subnet.Id);
            }
        }

        return [.. subnets.Select(analysis.Routing.RouteTableOf).OfType<EffectiveRouteTable>().Distinct(ReferenceEqualityComparer.Instance).Cast<EffectiveRouteTable>()];
    }

    /// <summary>The atoms (indexes, as inclusive pairs) inside <paramref name="set"/>: each atom is wholly in or out, since every set was cut.</summary>
    private static int[] Covered(AddressSet set, uint[] firsts, uint[] lasts)
    {
        // This thread's list, cleared: every address set of thousands of NSGs is covered once, most of them by no atom.
        var covered = t_covered ??= [];
        covered.Clear();
        foreach (var interval in set.V4.Intervals)
        {
            // The first atom ending at or after the interval's start, and the last starting at or before its end.
            var low = LowerBound(lasts, interval.First);
            var high = LowerBound(firsts, interval.Last);
            high = high < firsts.Length && firsts[high] == interval.Last ? high : high - 1;
            if (low <= high)
            {
                if (covered.Count > 0 && covered[^1] == low - 1)
                {
                    covered[^1] = high;
                }
                else
                {
                    covered.Add(low);
                    covered.Add(high);
                }
            }
        }

        return [.. covered];
    }

    private static int LowerBound(uint[] values, uint value)
    {
        var index = Array.BinarySearch(values, value);
        return index >= 0 ? index : ~index;
    }

    /// <summary>A class per atom index, stored as runs: a filter singles out few atoms of the region.</summary>
    internal sealed class Runs
    {
        private readonly int[] _starts;
        private readonly int[] _classes;

        private Runs(int[] starts, int[] classes)
        {
            _starts = starts;
            _classes = classes;
        }

        public static Runs Of(ReadOnlySpan<int> classOf)
        {
            var count = 0;
            for (var i = 0; i < classOf.Length; i++)
            {
                if (i == 0 || classOf[i] != classOf[i - 1])
                {
                    count++;
                }
            }

            // Counted first, so the two arrays are made at their size.
            var starts = new int[count];
            var classes = new int[count];
            var run = 0;
            for (var i = 0; i < classOf.Length; i++)
            {
                if (i == 0 || classOf[i] != classOf[i - 1])
                {
                    starts[run] = i;
                    classes[run] = classOf[i];
                    run++;
                }
            }

            return new Runs(starts, classes);
        }

        /// <summary>The classes of <paramref name="atoms"/> (ascending indexes) into <paramref name="classes"/>, by one pass over the runs.</summary>
        public void ClassesAt(int[] atoms, Span<int> classes)
        {
            var run = 0;
            for (var i = 0; i < atoms.Length; i++)
            {
                while (run + 1 < _starts.Length && _starts[run + 1] <= atoms[i])
                {
                    run++;
                }

                classes[i] = _classes.Length == 0 ? 0 : _classes[run];
            }
        }
    }

    private sealed class SequenceComparer : IEqualityComparer<int[]>
    {
        public static SequenceComparer Instance { get; } = new();

        public bool Equals(int[]? x, int[]? y) => ReferenceEquals(x, y) || (x is not null && y is not null && x.AsSpan().SequenceEqual(y));

        public int GetHashCode(int[] values)
        {
            var hash = new HashCode();
            hash.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()));
            return hash.ToHashCode();
        }
    }

    /// <summary>Sequences of interned arrays, equal when they hold the same arrays in the same order.</summary>
    private sealed class ReferenceSequenceComparer : IEqualityComparer<int[][]>
    {
        public static ReferenceSequenceComparer Instance { get; } = new();

        public bool Equals(int[][]? x, int[][]? y)
        {
            if (ReferenceEquals(x, y))
            {
                return true;
            }

            if (x is null || y is null || x.Length != y.Length)
            {
                return false;
            }

            for (var i = 0; i < x.Length; i++)
            {
                if (!ReferenceEquals(x[i], y[i]))
                {
                    return false;
                }
            }

            return true;
        }

        public int GetHashCode(int[][] arrays)
        {
            var hash = new HashCode();
            foreach (var array in arrays)
            {
                hash.Add(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(array));
            }

            return hash.ToHashCode();
        }
    }
}
