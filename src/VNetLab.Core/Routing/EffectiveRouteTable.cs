using System.Collections.Immutable;
using System.Runtime.InteropServices;
using VNetLab.Addressing;
using VNetLab.Model;
using VNetLab.Routing.Bgp;

namespace VNetLab.Routing;

/// <summary>
/// The compiled effective routes of one or more subnets (every subnet that sees exactly the same routes shares
/// one instance), and the longest-prefix-match lookup over them (shared/azure/semantics.md §3.1).
/// </summary>
/// <remarks>
/// A table is two layers: the subnet's own routes (system, peering, service endpoint, User), held here, and
/// the gateway routes of its hub, held once in a shared set and filtered on the fly by the VNet's own and
/// directly peered ranges (§3.3). Thousands of on-premises prefixes therefore cost one copy per hub, not one
/// per subnet. A lookup takes the longer of the two layers' matches; on equal length a User or service
/// endpoint route beats the gateway route (§3.2) and the gateway route beats the remaining system routes.
/// </remarks>
public sealed class EffectiveRouteTable
{
    private readonly VirtualNetworkFacts _facts;
    private readonly ImmutableArray<EffectiveRoute> _local;
    private readonly int _insertAt;
    private readonly PrefixTrie<int> _lookup;
    private readonly ImmutableArray<SuppressedRoute> _suppressed;
    private readonly GatewayRouteSet? _gateways;
    private readonly GatewayRouteSet? _notPropagated;
    private readonly IReadOnlyDictionary<int, EffectiveRoute> _overridden;
    private RouteSegments? _segments;
    private int[]? _entriesShortestFirst;

    internal EffectiveRouteTable(VirtualNetworkFacts facts, ImmutableArray<EffectiveRoute> local, int insertAt, PrefixTrie<int> lookup,
        ImmutableArray<SuppressedRoute> suppressed, GatewayRouteSet? gateways, GatewayRouteSet? gatewaysBeforePropagation,
        bool propagationDisabled, IReadOnlyDictionary<int, EffectiveRoute> overridden)
    {
        _facts = facts;
        _local = local;
        _insertAt = insertAt;
        _lookup = lookup;
        _suppressed = suppressed;
        _gateways = gateways;
        _notPropagated = propagationDisabled ? gatewaysBeforePropagation : null;
        _overridden = overridden;
        DisableBgpRoutePropagation = propagationDisabled;
    }

    /// <summary>The VNet of the subnets using this table.</summary>
    public ResourceId VirtualNetworkId => _facts.Id;

    /// <summary>True when the subnets' route table disables gateway route propagation.</summary>
    public bool DisableBgpRoutePropagation { get; }

    /// <summary>How many prefixes the lookup can match: the subnet's own Active prefixes plus the hub's gateway prefixes.</summary>
    public int PrefixCount => _lookup.Count + (_gateways?.Lookup.Count ?? 0);

    /// <summary>
    /// Every prefix the local layer's lookup answers, with the next hop type of the route it answers with; only the
    /// prefixes a route wins are there (an Active route may lose some of its prefixes). Lets an analysis bound the
    /// next hops of whole address ranges without a lookup per address (the reach matrix's pruning).
    /// </summary>
    internal IEnumerable<(IpPrefix Prefix, NextHopType NextHopType)> LocalLookupEntries =>
        _lookup.Entries.Select(e => (e.Key, _local[e.Value].NextHopType));

    /// <summary>The table's own routes (system, peering, service endpoint, User), without the hub's gateway routes.</summary>
    internal ImmutableArray<EffectiveRoute> LocalRoutes => _local;

    /// <summary>The hub's gateway routes this table's lookup consults (shared between tables), or null.</summary>
    internal GatewayRouteSet? GatewayRoutes => _gateways;

    /// <summary>How many rows <see cref="GetRoutes"/> lists (the first call works out which gateway routes are kept).</summary>
    public int RouteCount => Segments.Count;

    /// <summary>
    /// The rows Azure's effective route table lists, in a stable order: VnetLocal, peering, service endpoint,
    /// gateway, Internet, None, then User routes. A fresh array on each call (gateway routes are shared, not
    /// stored per table); to go through every subnet's rows without allocating, use <see cref="EnumerateRoutes"/>.
    /// </summary>
    public ImmutableArray<EffectiveRoute> GetRoutes()
    {
        var segments = Segments;
        var routes = new EffectiveRoute[segments.Count];
        CopyRoutesTo(routes);
        return ImmutableCollectionsMarshal.AsImmutableArray(routes);
    }

    /// <summary>Copies the rows <see cref="GetRoutes"/> lists into <paramref name="destination"/>, which holds at least <see cref="RouteCount"/>.</summary>
    public void CopyRoutesTo(Span<EffectiveRoute> destination)
    {
        var segments = Segments;
        if (destination.Length < segments.Count)
        {
            throw new ArgumentException($"the destination holds {destination.Length} routes, the table lists {segments.Count}", nameof(destination));
        }

        var at = 0;
        var gatewayRoutes = _gateways is null ? [] : _gateways.Routes.AsSpan();
        foreach (var (kind, start, end) in segments.Runs)
        {
            var length = end - start;
            switch (kind)
            {
                case RouteSegmentKind.Local:
                    _local.AsSpan(start, length).CopyTo(destination[at..]);
                    break;
                case RouteSegmentKind.Gateway:
                    gatewayRoutes.Slice(start, length).CopyTo(destination[at..]);
                    break;
                default:
                    destination[at] = _overridden[start];
                    break;
            }

            at += length;
        }
    }

    /// <summary>
    /// The distinct prefixes of the <c>VirtualNetworkGateway</c> rows <see cref="GetRoutes"/> lists (Active, or
    /// Invalid where a User route with the same prefix overrides one), sorted. Only the hub's shared gateway routes
    /// have that source, and an overridden row keeps its prefix, so these are the prefixes of the shared routes the
    /// VNet does not hide (§3.3).
    /// </summary>
    /// <remarks>
    /// Every spoke of a hub lists the same thousands of on-premises prefixes: a table that hides none of them returns
    /// the hub's one array, found with a binary search per own or peered range instead of a test per route.
    /// </remarks>
    public ImmutableArray<IpPrefix> GetGatewayPrefixes()
    {
        if (_gateways is null)
        {
            return [];
        }

        var hidesAny = false;
        foreach (var (range, _) in _facts.Exclusions)
        {
            var (start, end) = _gateways.RoutesInside(range);
            hidesAny |= end > start;
        }

        if (!hidesAny)
        {
            return _gateways.Prefixes;
        }

        var prefixes = ImmutableArray.CreateBuilder<IpPrefix>();
        var routes = _gateways.Routes.AsSpan();
        foreach (var (kind, start, end) in Segments.Runs)
        {
            if (kind == RouteSegmentKind.Local)
            {
                continue;
            }

            // Runs are in the set's order, which is by prefix: a repeated prefix (one route per next hop address) is adjacent.
            for (var i = start; i < end; i++)
            {
                var prefix = routes[i].AddressPrefixes[0];
                if (prefixes.Count == 0 || prefixes[^1] != prefix)
                {
                    prefixes.Add(prefix);
                }
            }
        }

        return prefixes.DrainToImmutable();
    }

    /// <summary>The rows <see cref="GetRoutes"/> lists, in the same order, without allocating.</summary>
    public RouteEnumerable EnumerateRoutes() => new(this);

    /// <summary>
    /// Which rows the table lists, as runs over its local routes and its hub's shared gateway routes: worked out
    /// once per table (every subnet sharing it then lists its rows by copying runs), not once per subnet and call.
    /// </summary>
    private RouteSegments Segments
    {
        get
        {
            var segments = Volatile.Read(ref _segments);
            if (segments is null)
            {
                // Two threads may both build it: the results are equal, and either may be kept.
                segments = BuildSegments();
                Interlocked.CompareExchange(ref _segments, segments, null);
            }

            return segments;
        }
    }

    private RouteSegments BuildSegments()
    {
        var runs = new List<(RouteSegmentKind Kind, int Start, int End)>();
        if (_insertAt > 0)
        {
            runs.Add((RouteSegmentKind.Local, 0, _insertAt));
        }

        if (_gateways is not null)
        {
            var routes = _gateways.Routes;
            var runStart = -1;
            for (var i = 0; i < routes.Length; i++)
            {
                // A gateway route equal to or inside the VNet's own or a directly peered range is not listed (§3.3).
                var listed = !_facts.TryFindCoveringRange(routes[i].AddressPrefixes[0], out _);
                var overridden = listed && _overridden.ContainsKey(i);
                if (runStart >= 0 && (!listed || overridden))
                {
                    runs.Add((RouteSegmentKind.Gateway, runStart, i));
                    runStart = -1;
                }

                if (overridden)
                {
                    runs.Add((RouteSegmentKind.Overridden, i, i + 1));
                }
                else if (listed && runStart < 0)
                {
                    runStart = i;
                }
            }

            if (runStart >= 0)
            {
                runs.Add((RouteSegmentKind.Gateway, runStart, routes.Length));
            }
        }

        if (_insertAt < _local.Length)
        {
            runs.Add((RouteSegmentKind.Local, _insertAt, _local.Length));
        }

        return new RouteSegments([.. runs], runs.Sum(r => r.End - r.Start));
    }

    /// <summary>Routes the subnets would have had but Azure does not list, with the reason (for <c>--explain</c>).</summary>
    public ImmutableArray<SuppressedRoute> GetSuppressedRoutes()
    {
        var builder = ImmutableArray.CreateBuilder<SuppressedRoute>();
        foreach (var set in new[] { _gateways, _notPropagated })
        {
            if (set is null)
            {
                continue;
            }

            foreach (var route in set.Routes)
            {
                var prefix = route.AddressPrefixes[0];
                if (_facts.TryFindCoveringRange(prefix, out var covering))
                {
                    builder.Add(covering.Peer is { } peer
                        ? new SuppressedRoute(route, RouteSuppressionReason.InsidePeeredRange,
                            $"{prefix} is equal to or inside {covering.Range} of directly peered VNet {peer.RemoteVirtualNetworkId.Name}; a gateway route cannot override a peering route")
                        : new SuppressedRoute(route, RouteSuppressionReason.InsideVirtualNetworkRange,
                            $"{prefix} is equal to or inside the VNet's address range {covering.Range}"));
                }
                else if (ReferenceEquals(set, _notPropagated))
                {
                    builder.Add(new SuppressedRoute(route, RouteSuppressionReason.GatewayRoutePropagationDisabled,
                        "the subnet's route table disables gateway route propagation"));
                }
            }
        }

        builder.AddRange(_suppressed);
        return builder.ToImmutable();
    }

    /// <summary>The next hop for a destination, as Network Watcher answers it; allocates nothing.</summary>
    public NextHopResult GetNextHop(IpAddress destination)
    {
        var hasLocal = _lookup.TryLongestMatch(destination, out var localPrefix, out var localIndex);
        if (_gateways is { } gateways
            && gateways.Lookup.TryLongestMatch(destination, out var gatewayPrefix, out var gatewayIndex)
            && GatewayRouteWins(gatewayPrefix, hasLocal, localPrefix, localIndex))
        {
            return NextHopResult.For(gateways.Routes[gatewayIndex], gatewayPrefix);
        }

        return hasLocal ? NextHopResult.For(_local[localIndex], localPrefix) : NextHopResult.NoRoute;
    }

    /// <summary>
    /// What <see cref="GetNextHop"/> answers for each of <paramref name="addresses"/> (IPv4, sorted ascending), as a code
    /// for <see cref="NextHopOf"/>. The local layer's longest match is found by painting each of its prefixes over the
    /// addresses it holds, shorter prefixes first, instead of a trie walk per address; <paramref name="gatewayMatches"/>
    /// holds the gateway layer's longest match per address (an index into its routes, or -1), the same for every table of
    /// a hub (<see cref="GatewayLongestMatches"/>). The reach matrix labels the 7,182 site atoms of a large estate for
    /// each of its 10,000 tables this way.
    /// </summary>
    internal void GetNextHops(ReadOnlySpan<uint> addresses, ReadOnlySpan<int> gatewayMatches, Span<int> codes)
    {
        // The codes first hold each address's longest local entry (-1: none), then the answer once the layers are ranked.
        var entries = _lookup.Entries;
        codes.Fill(-1);
        foreach (var entry in LocalEntriesShortestFirst)
        {
            var prefix = entries[entry].Key;
            if (!prefix.IsV4)
            {
                continue;
            }

            var last = prefix.Last.V4Value;
            for (var i = LowerBound(addresses, prefix.Network.V4Value); i < addresses.Length && addresses[i] <= last; i++)
            {
                codes[i] = entry;
            }
        }

        for (var i = 0; i < codes.Length; i++)
        {
            var entry = codes[i];
            var hasLocal = entry >= 0;
            var (localPrefix, localIndex) = hasLocal ? (entries[entry].Key, entries[entry].Value) : (default, -1);
            if (_gateways is { } gateways && gatewayMatches[i] is var gatewayIndex and >= 0
                && GatewayRouteWins(gateways.Routes[gatewayIndex].AddressPrefixes[0], hasLocal, localPrefix, localIndex))
            {
                codes[i] = -gatewayIndex - 2;
            }
            else
            {
                codes[i] = hasLocal ? entry : -1;
            }
        }
    }

    /// <summary>The gateway layer's longest match (an index into its routes, or -1) for each address, the input <see cref="GetNextHops"/> takes.</summary>
    internal static int[] GatewayLongestMatches(GatewayRouteSet gateways, ReadOnlySpan<uint> addresses)
    {
        var matches = new int[addresses.Length];
        for (var i = 0; i < addresses.Length; i++)
        {
            matches[i] = gateways.Lookup.TryLongestMatch(IpAddress.FromV4(addresses[i]), out _, out var index) ? index : -1;
        }

        return matches;
    }

    /// <summary>The answer a code of <see cref="GetNextHops"/> stands for: a local lookup entry (≥ 0), a gateway route (≤ -2) or no route (-1).</summary>
    internal NextHopResult NextHopOf(int code)
    {
        if (code >= 0)
        {
            var (prefix, index) = _lookup.Entries[code];
            return NextHopResult.For(_local[index], prefix);
        }

        if (code == -1 || _gateways is not { } gateways)
        {
            return NextHopResult.NoRoute;
        }

        var route = gateways.Routes[-code - 2];
        return NextHopResult.For(route, route.AddressPrefixes[0]);
    }

    // Azure's precedence between the layers (§3.2, §3.3): a gateway route inside the VNet's own or a directly peered range
    // is not used; otherwise the longer prefix wins, and on equal length a User or service endpoint route beats it.
    private bool GatewayRouteWins(IpPrefix gatewayPrefix, bool hasLocal, IpPrefix localPrefix, int localIndex) =>
        !_facts.TryFindCoveringRange(gatewayPrefix, out _)
        && (!hasLocal || gatewayPrefix.Length > localPrefix.Length
            || (gatewayPrefix.Length == localPrefix.Length && !BeatsGatewayRoute(_local[localIndex])));

    /// <summary>The local lookup's entries by prefix length, shortest first (painting order for <see cref="GetNextHops"/>).</summary>
    private int[] LocalEntriesShortestFirst
    {
        get
        {
            var order = Volatile.Read(ref _entriesShortestFirst);
            if (order is null)
            {
                var entries = _lookup.Entries;
                order = [.. Enumerable.Range(0, entries.Length).OrderBy(i => entries[i].Key.Length)];
                Interlocked.CompareExchange(ref _entriesShortestFirst, order, null);
            }

            return order;
        }
    }

    private static int LowerBound(ReadOnlySpan<uint> values, uint value)
    {
        var index = values.BinarySearch(value);
        return index >= 0 ? index : ~index;
    }

    /// <summary>The longest-prefix-match route for a destination; false when no route covers it (the packet is dropped).</summary>
    public bool TryGetRoute(IpAddress destination, out NextHopResult result)
    {
        result = GetNextHop(destination);
        return result.Route is not null;
    }

    private static bool BeatsGatewayRoute(EffectiveRoute route) =>
        route.Source == EffectiveRouteSource.User || route.NextHopType == NextHopType.VirtualNetworkServiceEndpoint;

    /// <summary>The rows of one table, for <c>foreach</c> without allocating (a struct enumerator over the runs).</summary>
    public readonly struct RouteEnumerable
    {
        private readonly EffectiveRouteTable _table;

        internal RouteEnumerable(EffectiveRouteTable table) => _table = table;

        public RouteEnumerator GetEnumerator() => new(_table);
    }

    /// <summary>Walks the runs of a table's rows: its local routes and the shared gateway routes it lists.</summary>
    public struct RouteEnumerator
    {
        private readonly EffectiveRouteTable _table;
        private readonly (RouteSegmentKind Kind, int Start, int End)[] _runs;
        private readonly ImmutableArray<EffectiveRoute> _gatewayRoutes;
        private EffectiveRoute? _current;
        private int _run;
        private int _next;
        private int _end;

        internal RouteEnumerator(EffectiveRouteTable table)
        {
            _table = table;
            _runs = table.Segments.Runs;
            _gatewayRoutes = table._gateways?.Routes ?? [];
            _current = null;
            _run = -1;
            _next = 0;
            _end = 0;
        }

        public readonly EffectiveRoute Current => _current ?? throw new InvalidOperationException("MoveNext has not returned true");

        public bool MoveNext()
        {
            while (_next >= _end)
            {
                if (++_run >= _runs.Length)
                {
                    return false;
                }

                (_, _next, _end) = _runs[_run];
            }

            var index = _next++;
            _current = _runs[_run].Kind switch
            {
                RouteSegmentKind.Local => _table._local[index],
                RouteSegmentKind.Gateway => _gatewayRoutes[index],
                _ => _table._overridden[index],
            };
            return true;
        }
    }

    private enum RouteSegmentKind
    {
        Local,
        Gateway,
        Overridden,
    }

    private sealed record RouteSegments((RouteSegmentKind Kind, int Start, int End)[] Runs, int Count);
}
