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
internal sealed class DestinationClasses
{
    private readonly NetworkAnalysis _analysis;
    private readonly Tracer _tracer;
    private readonly uint[] _firsts;
    private readonly uint[] _lasts;
    private readonly int[] _transitClassOf;
    private readonly ConcurrentDictionary<object, Runs> _filterClasses = new(ReferenceEqualityComparer.Instance);

    // The subnets of a spoke share one table and come one after another in the matrix's source order, so a few hundred
    // recent tables serve almost every row; all 10,000 tables of a large estate would hold a class array each.
    private readonly ConcurrentDictionary<EffectiveRouteTable, int[]> _senderClasses = new(ReferenceEqualityComparer.Instance);
    private const int SenderClassesKept = 256;
    private readonly ConcurrentDictionary<VirtualNetworkGateway, ConcurrentDictionary<(IpPrefix? Matched, int Atom), GatewayExit>> _exits =
        new(ReferenceEqualityComparer.Instance);

    public DestinationClasses(NetworkAnalysis analysis, Tracer tracer, PacketClasses classes, AddressSet region)
    {
        _analysis = analysis;
        _tracer = tracer;
        var atoms = classes.Split(region).ToArray();
        _firsts = [.. atoms.Select(a => a.First.V4Value)];
        var lasts = _lasts = [.. atoms.Select(a => a.Last.V4Value)];
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
            Parallel.For(0, transit.Length, i => labelings[i] = Decisions(transit[i]));
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

    /// <summary>How many atoms the region has.</summary>
    public int AtomCount => _firsts.Length;

    /// <summary>How many classes the region's atoms fall into before any sender's own table is taken into account.</summary>
    public int TransitClassCount => _transitClassOf.Length == 0 ? 0 : _transitClassOf.Max() + 1;

    /// <summary>The table of the first route lookup of every walk from <paramref name="source"/> (its subnet's), or null.</summary>
    public EffectiveRouteTable? SenderTable(TraceEndpoint source)
    {
        var subnet = source.Resource switch
        {
            NetworkInterface nic => _analysis.Estate.SubnetOf(nic),
            Subnet own => own,
            _ => null,
        };
        return subnet is null ? null : _analysis.Routing.RouteTableOf(subnet.Id);
    }

    /// <summary>
    /// The classes for walks whose first lookup is in <paramref name="senderTable"/>: the transit classes split by that
    /// table's decisions. Indexed like the region's atoms.
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

        var partition = new Partition(_transitClassOf);
        partition.Refine(Decisions(senderTable));
        if (_senderClasses.Count >= SenderClassesKept)
        {
            _senderClasses.Clear();
        }

        _senderClasses.TryAdd(senderTable, partition.ClassOf);
        return partition.ClassOf;
    }

    /// <summary>
    /// The region's atoms classed by a filter's address sets (an NSG's rules in one direction, a firewall's rules), kept
    /// by <paramref name="key"/>: two atoms of one class are in exactly the same of those sets, so every rule matches a
    /// packet to one exactly when it matches the same packet to the other, and the filter's verdicts are equal.
    /// </summary>
    public Runs FilterClasses(object key, Func<object, IEnumerable<AddressSet>> sets) => _filterClasses.GetOrAdd(key, k =>
    {
        var partition = new Partition(_firsts.Length);
        var seenStorage = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var seen = new HashSet<int[]>(SequenceComparer.Instance);
        foreach (var set in sets(k))
        {
            if (set.V4.Storage is not { } storage || !seenStorage.Add(storage))
            {
                continue;
            }

            // A set holding every atom of the region (a VirtualNetwork tag) splits nothing.
            var covered = Covered(set, _firsts, _lasts);
            if (covered.Length > 0 && !(covered.Length == 2 && covered[0] == 0 && covered[1] == _firsts.Length - 1) && seen.Add(covered))
            {
                partition.Split(covered);
            }
        }

        return Runs.Of(partition.ClassOf);
    });

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
        var covered = new List<int>();
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

    /// <summary>The table's decision for each atom, numbered by first appearance so equal partitions give equal arrays.</summary>
    private int[] Decisions(EffectiveRouteTable table)
    {
        var ids = new Dictionary<Decision, int>();
        var labels = new int[_firsts.Length];

        // The gateway depends on the route's origin and the table's VNet only: found once per origin, not per atom.
        var gateways = new Dictionary<ResourceId, VirtualNetworkGateway?>();
        (bool Found, VirtualNetworkGateway? Gateway) withoutOrigin = default;
        VirtualNetworkGateway? GatewayOf(NextHopResult next)
        {
            if (next.Route?.Origin is not { } origin)
            {
                if (!withoutOrigin.Found)
                {
                    withoutOrigin = (true, _tracer.GatewayFor(table.VirtualNetworkId, next));
                }

                return withoutOrigin.Gateway;
            }

            if (!gateways.TryGetValue(origin, out var gateway))
            {
                gateway = _tracer.GatewayFor(table.VirtualNetworkId, next);
                gateways.Add(origin, gateway);
            }

            return gateway;
        }

        for (var i = 0; i < _firsts.Length; i++)
        {
            var destination = IpAddress.FromV4(_firsts[i]);
            var next = table.GetNextHop(destination);
            var route = next.Route;
            GatewayExit? exit = null;
            if (next.NextHopType == NextHopType.VirtualNetworkGateway)
            {
                exit = GatewayOf(next) is { } gateway
                    ? _exits.GetOrAdd(gateway, static _ => new()).GetOrAdd((next.MatchedPrefix, i), key => Exit(gateway, key.Matched, destination))
                    : default(GatewayExit);
            }

            var decision = new Decision(next.NextHopType, next.NextHopIpAddress, next.RouteTableId, route?.Name, route?.Source, route?.Origin,
                route?.NextHopUnreachable ?? false, route is null, exit);
            if (!ids.TryGetValue(decision, out var id))
            {
                id = ids.Count;
                ids.Add(decision, id);
            }

            labels[i] = id;
        }

        return labels;
    }

    private GatewayExit Exit(VirtualNetworkGateway gateway, IpPrefix? matched, IpAddress destination)
    {
        if (_tracer.LearnedRouteFor(gateway.Id, matched, destination) is not { } learned)
        {
            return new GatewayExit(gateway.Id, gateway.VirtualNetworkId, null, default, null, false, null, null);
        }

        var connection = _analysis.Estate.Find<VirtualNetworkGatewayConnection>(learned.ConnectionId);
        var site = _tracer.SiteFor(learned, connection, destination);
        return new GatewayExit(gateway.Id, gateway.VirtualNetworkId, learned.ConnectionId, learned.Kind, learned.SourceVirtualNetworkId,
            learned.IsExpressRoute, site?.Id, learned.LocalNetworkGatewayId ?? connection?.LocalNetworkGateway2Id);
    }

    /// <summary>What the tracer reads of a route lookup (everything but the matched prefix, which only a gateway's choice reads: <see cref="GatewayExit"/>).</summary>
    private readonly record struct Decision(NextHopType NextHopType, IpAddress? NextHopIpAddress, ResourceId? RouteTableId, string? RouteName,
        EffectiveRouteSource? Source, ResourceId? Origin, bool Unreachable, bool NoRoute, GatewayExit? Exit);

    /// <summary>What the tracer does at a gateway: which one, which learned route's connection and kind, and where the packet ends up.</summary>
    private readonly record struct GatewayExit(ResourceId? GatewayId, ResourceId? GatewayVirtualNetworkId, ResourceId? ConnectionId, GatewayRouteKind Kind,
        ResourceId? SourceVirtualNetworkId, bool IsExpressRoute, ResourceId? SiteId, ResourceId? LocalNetworkGatewayId);

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

        public static Runs Of(int[] classOf)
        {
            var starts = new List<int>();
            var classes = new List<int>();
            for (var i = 0; i < classOf.Length; i++)
            {
                if (i == 0 || classOf[i] != classOf[i - 1])
                {
                    starts.Add(i);
                    classes.Add(classOf[i]);
                }
            }

            return new Runs([.. starts], [.. classes]);
        }

        public int ClassAt(int atom)
        {
            var index = Array.BinarySearch(_starts, atom);
            return _classes.Length == 0 ? 0 : _classes[index >= 0 ? index : ~index - 1];
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

    /// <summary>Partition refinement over atom indexes: classes only ever split.</summary>
    private sealed class Partition
    {
        private readonly int[] _hits;
        private readonly int[] _splitTo;
        private readonly List<int> _sizes;

        public Partition(int count)
        {
            ClassOf = new int[count];
            _hits = new int[Math.Max(count, 1)];
            _splitTo = new int[Math.Max(count, 1)];
            _sizes = [count];
        }

        /// <summary>A partition to refine further, starting from <paramref name="classOf"/> (which is not changed).</summary>
        public Partition(int[] classOf)
        {
            ClassOf = (int[])classOf.Clone();
            _hits = new int[Math.Max(classOf.Length, 1)];
            _splitTo = new int[Math.Max(classOf.Length, 1)];
            var count = classOf.Length == 0 ? 0 : classOf.Max() + 1;
            _sizes = [.. new int[count]];
            foreach (var c in classOf)
            {
                _sizes[c]++;
            }
        }

        public int[] ClassOf { get; }

        /// <summary>Splits every class by "inside <paramref name="covered"/> or not"; costs the atoms covered, not all atoms.</summary>
        public void Split(int[] covered)
        {
            var touched = new List<int>();
            for (var p = 0; p < covered.Length; p += 2)
            {
                for (var k = covered[p]; k <= covered[p + 1]; k++)
                {
                    var c = ClassOf[k];
                    if (_hits[c]++ == 0)
                    {
                        touched.Add(c);
                    }
                }
            }

            foreach (var c in touched)
            {
                // A class wholly inside the set does not split.
                _splitTo[c] = _hits[c] < _sizes[c] ? NewClass() : -1;
            }

            for (var p = 0; p < covered.Length; p += 2)
            {
                for (var k = covered[p]; k <= covered[p + 1]; k++)
                {
                    var c = ClassOf[k];
                    if (_splitTo[c] is var to and >= 0)
                    {
                        ClassOf[k] = to;
                        _sizes[c]--;
                        _sizes[to]++;
                    }
                }
            }

            foreach (var c in touched)
            {
                _hits[c] = 0;
                _splitTo[c] = -1;
            }
        }

        /// <summary>Splits every class by <paramref name="labels"/>: atoms stay together only if their labels are equal.</summary>
        public void Refine(int[] labels)
        {
            var to = new Dictionary<(int Class, int Label), int>();
            var kept = new HashSet<int>();
            for (var k = 0; k < ClassOf.Length; k++)
            {
                var c = ClassOf[k];
                if (!to.TryGetValue((c, labels[k]), out var target))
                {
                    // The first label met in a class keeps the class's number; every other label gets a new class.
                    target = kept.Add(c) ? c : NewClass();
                    to.Add((c, labels[k]), target);
                }

                if (target != c)
                {
                    ClassOf[k] = target;
                    _sizes[c]--;
                    _sizes[target]++;
                }
            }
        }

        private int NewClass()
        {
            _sizes.Add(0);
            return _sizes.Count - 1;
        }
    }
}
