using System.Collections.Concurrent;
using VNetLab.Addressing;
using VNetLab.Analysis.Tracing;
using VNetLab.Model;
using VNetLab.Routing;
using VNetLab.Routing.Bgp;

namespace VNetLab.Analysis.Reachability;

/// <summary>
/// What a permissive walk reads of one route lookup, per address atom of a region (<see cref="DestinationClasses"/>):
/// the route's next hop (<see cref="NextHopResult"/> without the matched prefix) and, for a gateway next hop, where the
/// packet leaves (<see cref="GatewayExit"/>). Atoms with equal decisions get equal labels.
/// </summary>
/// <remarks>
/// Every spoke table of a large estate is labelled once (10,000 tables, 7,182 site atoms), so nothing per atom is
/// hashed by value: the lookups are one painting pass per table (<see cref="EffectiveRouteTable.GetNextHops"/>); the
/// decision, a record of ids and strings, is built once per local route entry of a table and once per class of a hub's
/// gateway routes; the exit once per gateway, matched prefix and atom for the whole estate, then read by number. A
/// decision is the pair (part read off the route, exit number), and labels are numbered by the first appearance of a
/// pair in atom order: the same array a labelling by decision value gives.
/// </remarks>
internal sealed class RouteDecisions
{
    private readonly NetworkAnalysis _analysis;
    private readonly Tracer _tracer;
    private readonly uint[] _firsts;

    // Where a packet leaves depends on the gateway, the prefix it matched and the address (the learned route and the site
    // holding it), never on the table. Equal exits get one number. A User route to the gateway keeps its exits per
    // (matched prefix, atom) here; a hub's gateway routes keep theirs by atom (_exitNumbersByAtom).
    private readonly Dictionary<GatewayExit, int> _exitNumbers = [];
    private readonly ConcurrentDictionary<VirtualNetworkGateway, ConcurrentDictionary<(IpPrefix? Matched, int Atom), int>> _exits =
        new(ReferenceEqualityComparer.Instance);

    // Per hub's gateway route set: its longest match per atom and its routes' classes; per (set, gateway): the exits by atom.
    private readonly ConcurrentDictionary<GatewayRouteSet, int[]> _gatewayMatches = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentDictionary<GatewayRouteSet, GatewayRouteClasses> _gatewayClasses = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentDictionary<(GatewayRouteSet, VirtualNetworkGateway), int[]> _exitNumbersByAtom = new(SetAndGatewayComparer.Instance);

    // Exit numbers in a decision's key: 0 for a next hop that is not a gateway, 1 for a gateway next hop no gateway serves.
    private const int NoGateway = 1;

    public RouteDecisions(NetworkAnalysis analysis, Tracer tracer, uint[] firsts)
    {
        _analysis = analysis;
        _tracer = tracer;
        _firsts = firsts;
    }

    /// <summary>The table's decision for each atom, numbered by first appearance so equal partitions give equal arrays.</summary>
    public int[] Label(EffectiveRouteTable table)
    {
        var codes = new int[_firsts.Length];
        LabelInto(table, codes);
        return codes;
    }

    /// <summary>
    /// <see cref="Label(EffectiveRouteTable)"/> into <paramref name="codes"/> (one per atom): a sender's labels are read
    /// once and dropped, and an array per table of 7,182 atoms was a twentieth of what the rows allocated.
    /// </summary>
    public void LabelInto(EffectiveRouteTable table, int[] codes)
    {
        var set = table.GatewayRoutes;
        var gatewayMatches = set is null ? default : _gatewayMatches.GetOrAdd(set, s => EffectiveRouteTable.GatewayLongestMatches(s, _firsts));
        table.GetNextHops(_firsts, gatewayMatches, codes);

        // A decision is its part read off the route (numbered by value, once per local entry or class of gateway routes)
        // and, for a gateway next hop, the exit's number: the pair stands for the decision's value.
        var byValue = new Dictionary<Decision, int>();
        var localParts = new Dictionary<int, (int Part, NextHopResult Next)>();
        var gatewayClasses = set is null ? null : _gatewayClasses.GetOrAdd(set, ClassesOf);
        var gatewayParts = gatewayClasses is null ? null : new int[gatewayClasses.Count];

        // A class's routes share their origin, so their gateway, and the exits of a (set, gateway) are kept by atom: both
        // are found once per class here, not once per atom (a concurrent dictionary lookup for each of 7,182 atoms of
        // 10,000 tables was a tenth of the labelling).
        var gatewayExits = gatewayClasses is null ? null : new (VirtualNetworkGateway Gateway, int[] Numbers)?[gatewayClasses.Count];
        var gateways = new Dictionary<ResourceId, VirtualNetworkGateway?>();
        (bool Found, VirtualNetworkGateway? Gateway) withoutOrigin = default;
        var labels = new Dictionary<long, int>();
        var (lastKey, lastLabel) = (-1L, -1);
        for (var i = 0; i < codes.Length; i++)
        {
            var code = codes[i];
            int part;
            var exit = 0;
            if (code < -1 && gatewayClasses is not null && gatewayParts is not null && gatewayExits is not null && set is not null)
            {
                var route = -code - 2;
                var routeClass = gatewayClasses.ClassOf[route];
                if (gatewayParts[routeClass] == 0)
                {
                    var next = table.NextHopOf(code);
                    gatewayParts[routeClass] = PartOf(byValue, next) + 1;
                    if (gatewayClasses.LeavesByGateway[routeClass] && GatewayOf(next) is { } classGateway)
                    {
                        gatewayExits[routeClass] = (classGateway, ExitNumbersByAtom(set, classGateway));
                    }
                }

                part = gatewayParts[routeClass] - 1;
                if (gatewayClasses.LeavesByGateway[routeClass])
                {
                    exit = gatewayExits[routeClass] is { } leaving ? ExitNumber(leaving.Numbers, set, route, leaving.Gateway, i) : NoGateway;
                }
            }
            else
            {
                if (!localParts.TryGetValue(code, out var local))
                {
                    var next = table.NextHopOf(code);
                    local = (PartOf(byValue, next), next);
                    localParts.Add(code, local);
                }

                part = local.Part;
                if (local.Next.NextHopType == NextHopType.VirtualNetworkGateway)
                {
                    exit = GatewayOf(local.Next) is { } gateway ? ExitNumber(gateway, local.Next.MatchedPrefix, i) : NoGateway;
                }
            }

            // Neighbouring atoms mostly share a decision (a site's prefixes behind one gateway): the last label first.
            var key = ((long)part << 32) | (uint)exit;
            if (key != lastKey && !labels.TryGetValue(key, out lastLabel))
            {
                lastLabel = labels.Count;
                labels.Add(key, lastLabel);
            }

            lastKey = key;
            codes[i] = lastLabel;
        }

        // The gateway depends on the route's origin and the table's VNet only: found once per origin, not per atom.
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
    }

    /// <summary>The number of the decision's part read off the route: its next hop, table, name, source, origin, reachability.</summary>
    private static int PartOf(Dictionary<Decision, int> byValue, NextHopResult next)
    {
        var route = next.Route;
        var decision = new Decision(next.NextHopType, next.NextHopIpAddress, next.RouteTableId, route?.Name, route?.Source, route?.Origin,
            route?.NextHopUnreachable ?? false, route is null);
        if (!byValue.TryGetValue(decision, out var number))
        {
            number = byValue.Count;
            byValue.Add(decision, number);
        }

        return number;
    }

    /// <summary>A hub's gateway routes classed by the decision part they give (thousands of on-premises prefixes, a few classes).</summary>
    private static GatewayRouteClasses ClassesOf(GatewayRouteSet set)
    {
        var byValue = new Dictionary<Decision, int>();
        var classOf = new int[set.Routes.Length];
        var leaves = new List<bool>();
        for (var i = 0; i < classOf.Length; i++)
        {
            var route = set.Routes[i];
            var next = NextHopResult.For(route, route.AddressPrefixes[0]);
            classOf[i] = PartOf(byValue, next);
            if (classOf[i] == leaves.Count)
            {
                leaves.Add(next.NextHopType == NextHopType.VirtualNetworkGateway);
            }
        }

        return new GatewayRouteClasses(classOf, [.. leaves]);
    }

    /// <summary>The exit numbers of a hub's gateway routes leaving by <paramref name="gateway"/>, by atom (0 where not found yet).</summary>
    /// <remarks>The route is the set's longest match for the atom whatever the table, so the exit is fixed per (set, gateway, atom).</remarks>
    private int[] ExitNumbersByAtom(GatewayRouteSet set, VirtualNetworkGateway gateway) =>
        _exitNumbersByAtom.GetOrAdd((set, gateway), static (_, count) => new int[count], _firsts.Length);

    /// <summary>The number of the exit by which <paramref name="gateway"/> sends atom <paramref name="atom"/>, matched by route <paramref name="route"/> of <paramref name="set"/>.</summary>
    private int ExitNumber(int[] numbers, GatewayRouteSet set, int route, VirtualNetworkGateway gateway, int atom)
    {
        var number = Volatile.Read(ref numbers[atom]);
        if (number == 0)
        {
            number = NumberOf(Exit(gateway, set.Routes[route].AddressPrefixes[0], IpAddress.FromV4(_firsts[atom])));
            Volatile.Write(ref numbers[atom], number);
        }

        return number;
    }

    /// <summary>The number of the exit by which <paramref name="gateway"/> sends atom <paramref name="atom"/> matched by <paramref name="matched"/> (a route of the table's own).</summary>
    private int ExitNumber(VirtualNetworkGateway gateway, IpPrefix? matched, int atom)
    {
        var exits = _exits.GetOrAdd(gateway, static _ => new());
        return exits.TryGetValue((matched, atom), out var known)
            ? known
            : exits.GetOrAdd((matched, atom), NumberOf(Exit(gateway, matched, IpAddress.FromV4(_firsts[atom]))));
    }

    /// <summary>The exit's number: equal exits, equal numbers, above the two that stand for no exit.</summary>
    private int NumberOf(GatewayExit exit)
    {
        lock (_exitNumbers)
        {
            if (!_exitNumbers.TryGetValue(exit, out var number))
            {
                number = _exitNumbers.Count + NoGateway + 1;
                _exitNumbers.Add(exit, number);
            }

            return number;
        }
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

    /// <summary>What the tracer reads of a route lookup but the gateway's choice (<see cref="GatewayExit"/>) and the matched prefix, which only that choice reads.</summary>
    private readonly record struct Decision(NextHopType NextHopType, IpAddress? NextHopIpAddress, ResourceId? RouteTableId, string? RouteName,
        EffectiveRouteSource? Source, ResourceId? Origin, bool Unreachable, bool NoRoute);

    /// <summary>What the tracer does at a gateway: which one, which learned route's connection and kind, and where the packet ends up.</summary>
    private readonly record struct GatewayExit(ResourceId? GatewayId, ResourceId? GatewayVirtualNetworkId, ResourceId? ConnectionId, GatewayRouteKind Kind,
        ResourceId? SourceVirtualNetworkId, bool IsExpressRoute, ResourceId? SiteId, ResourceId? LocalNetworkGatewayId);

    /// <summary>A gateway route set's routes by decision part (<see cref="ClassOf"/>), and per class whether its next hop is a gateway.</summary>
    private sealed record GatewayRouteClasses(int[] ClassOf, bool[] LeavesByGateway)
    {
        public int Count => LeavesByGateway.Length;
    }

    private sealed class SetAndGatewayComparer : IEqualityComparer<(GatewayRouteSet Set, VirtualNetworkGateway Gateway)>
    {
        public static SetAndGatewayComparer Instance { get; } = new();

        public bool Equals((GatewayRouteSet Set, VirtualNetworkGateway Gateway) x, (GatewayRouteSet Set, VirtualNetworkGateway Gateway) y) =>
            ReferenceEquals(x.Set, y.Set) && ReferenceEquals(x.Gateway, y.Gateway);

        public int GetHashCode((GatewayRouteSet Set, VirtualNetworkGateway Gateway) key) =>
            HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(key.Set), System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(key.Gateway));
    }
}
