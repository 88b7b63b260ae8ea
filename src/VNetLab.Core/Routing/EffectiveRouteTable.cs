using System.Collections.Immutable;
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

    /// <summary>
    /// The rows Azure's effective route table lists, in a stable order: VnetLocal, peering, service endpoint,
    /// gateway, Internet, None, then User routes. Built on each call (gateway routes are shared, not stored per table).
    /// </summary>
    public ImmutableArray<EffectiveRoute> GetRoutes()
    {
        var builder = ImmutableArray.CreateBuilder<EffectiveRoute>(_local.Length + (_gateways?.Routes.Length ?? 0));
        builder.AddRange(_local.AsSpan(0, _insertAt));
        if (_gateways is not null)
        {
            var routes = _gateways.Routes;
            for (var i = 0; i < routes.Length; i++)
            {
                if (!_facts.TryFindCoveringRange(routes[i].AddressPrefixes[0], out _))
                {
                    builder.Add(_overridden.TryGetValue(i, out var invalid) ? invalid : routes[i]);
                }
            }
        }

        builder.AddRange(_local.AsSpan(_insertAt, _local.Length - _insertAt));
        return builder.ToImmutable();
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
            && !_facts.TryFindCoveringRange(gatewayPrefix, out _)
            && (!hasLocal || gatewayPrefix.Length > localPrefix.Length
                || (gatewayPrefix.Length == localPrefix.Length && !BeatsGatewayRoute(_local[localIndex]))))
        {
            return NextHopResult.For(gateways.Routes[gatewayIndex], gatewayPrefix);
        }

        return hasLocal ? NextHopResult.For(_local[localIndex], localPrefix) : NextHopResult.NoRoute;
    }

    /// <summary>The longest-prefix-match route for a destination; false when no route covers it (the packet is dropped).</summary>
    public bool TryGetRoute(IpAddress destination, out NextHopResult result)
    {
        result = GetNextHop(destination);
        return result.Route is not null;
    }

    private static bool BeatsGatewayRoute(EffectiveRoute route) =>
        route.Source == EffectiveRouteSource.User || route.NextHopType == NextHopType.VirtualNetworkServiceEndpoint;
}
