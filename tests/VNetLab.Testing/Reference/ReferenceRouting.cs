using System.Collections.Immutable;
using VNetLab.Addressing;
using VNetLab.Model;

namespace VNetLab.Testing.Reference;

/// <summary>
/// The straightforward routing engine: for each subnet it walks the estate and builds the effective route
/// list by semantics.md §6 steps 1–6, with no sharing between subnets, no interning and no tries; a next
/// hop is a linear scan of that list. It is the oracle the real engine is checked against in property tests
/// and the baseline its benchmarks are divided by, so it favours being obviously right over being fast.
/// </summary>
/// <remarks>
/// Scope: what a hub-and-spoke estate uses. Service endpoints, private endpoints, Route Server, service-tag
/// UDRs and VNets learning each other over a shared circuit (<c>allowRemoteVnetTraffic</c>) are not modelled.
/// ExpressRoute next hop IPs (MSEE addresses) are not derivable from the configuration and are left empty.
/// </remarks>
public sealed class ReferenceRouting
{
    private readonly Estate _estate;
    private readonly ImmutableArray<IpPrefix> _platformNonePrefixes;

    /// <param name="estate">The snapshot to route in.</param>
    /// <param name="platformNonePrefixes">The platform's None routes; the four documented RFC prefixes when null (semantics.md 2.1, open question 7.1).</param>
    public ReferenceRouting(Estate estate, IEnumerable<IpPrefix>? platformNonePrefixes = null)
    {
        _estate = estate;
        _platformNonePrefixes = platformNonePrefixes?.ToImmutableArray() ?? DocumentedNonePrefixes;
    }

    /// <summary>The None routes the documentation lists for every subnet (semantics.md 2.1).</summary>
    public static ImmutableArray<IpPrefix> DocumentedNonePrefixes { get; } =
        [IpPrefix.Parse("10.0.0.0/8"), IpPrefix.Parse("172.16.0.0/12"), IpPrefix.Parse("192.168.0.0/16"), IpPrefix.Parse("100.64.0.0/10")];

    public Estate Estate => _estate;

    /// <summary>Every subnet's effective routes, computed one subnet at a time.</summary>
    public IEnumerable<(Subnet Subnet, IReadOnlyList<ReferenceRoute> Routes)> AllSubnets() =>
        _estate.AllSubnets.Select(p => (p.Subnet, EffectiveRoutes(p.Subnet)));

    public IReadOnlyList<ReferenceRoute> EffectiveRoutes(NetworkInterface nic) =>
        _estate.SubnetOf(nic) is { } subnet ? EffectiveRoutes(subnet) : [];

    public IReadOnlyList<ReferenceRoute> EffectiveRoutes(Subnet subnet)
    {
        var vnet = _estate.VirtualNetworkOf(subnet.Id) ?? throw new ArgumentException($"{subnet.Id} has no VNet in the estate.", nameof(subnet));
        var ranges = vnet.AddressSpace.Select(a => a.Prefix).Distinct().ToList();
        var peerings = ConnectedPeerings(vnet);
        var routeTable = _estate.Find<RouteTable>(subnet.RouteTableId);
        var candidates = new List<ReferenceRoute>();

        // 1. Default: VnetLocal per range, 0.0.0.0/0 Internet, the platform None set unless a range equals or contains a None prefix.
        candidates.AddRange(ranges.Select(r => Default(r, "VnetLocal")));
        candidates.Add(Default(IpPrefix.Parse("0.0.0.0/0"), "Internet"));
        candidates.AddRange(_platformNonePrefixes.Where(n => !ranges.Any(r => r.Contains(n))).Select(n => Default(n, "None")));

        // 2. Peering: every range of every connected, directly peered VNet.
        var peeredRanges = new List<IpPrefix>();
        foreach (var (peering, remoteRanges, isGlobal) in peerings)
        {
            peeredRanges.AddRange(remoteRanges);
            candidates.AddRange(remoteRanges.Select(r => Default(r, isGlobal ? "VNetGlobalPeering" : "VNetPeering")));
        }

        // 4. Gateway routes, unless the route table stops their propagation (semantics.md 3.7).
        if (routeTable?.DisableBgpRoutePropagation != true)
        {
            var gatewayVnets = new List<ResourceId>();
            if (!_estate.GatewaysOf(vnet.Id).IsEmpty)
            {
                gatewayVnets.Add(vnet.Id);
            }

            gatewayVnets.AddRange(peerings.Select(p => p.Peering).Where(UsesRemoteGateway).Select(p => p.RemoteVirtualNetworkId));
            foreach (var (prefix, nextHops) in GatewayRoutes(gatewayVnets))
            {
                // System routes for the VNet and its peers win over BGP, even over more specific BGP routes (semantics.md 3.3).
                if (!ranges.Any(r => r.Contains(prefix)) && !peeredRanges.Any(r => r.Contains(prefix)))
                {
                    candidates.Add(new ReferenceRoute("VirtualNetworkGateway", "Active", prefix, "VirtualNetworkGateway", nextHops));
                }
            }
        }

        // 5. User routes with a CIDR prefix.
        if (routeTable is not null)
        {
            candidates.AddRange(routeTable.Routes.Where(r => r.Prefix is not null).Select(r => new ReferenceRoute(
                "User", "Active", r.Prefix ?? default, r.NextHopType.ToString(),
                r.NextHopIpAddress is { } ip ? [ip] : [], r.Name, routeTable.Id)));
        }

        return Resolve(candidates);
    }

    /// <summary>Longest prefix match over the Active routes, by scanning them all.</summary>
    public static ReferenceRoute? Lookup(IReadOnlyList<ReferenceRoute> routes, IpAddress destination)
    {
        ReferenceRoute? best = null;
        for (var i = 0; i < routes.Count; i++)
        {
            var route = routes[i];
            if (route.IsActive && route.Prefix.Contains(destination) && (best is null || route.Prefix.Length > best.Prefix.Length))
            {
                best = route;
            }
        }

        return best;
    }

    /// <summary>
    /// Network Watcher's next hop from <paramref name="subnet"/>: a VirtualAppliance whose address is neither
    /// in the VNet nor in a directly peered VNet gives <c>None</c> with the route's IP and table (semantics.md 3.12).
    /// </summary>
    public ReferenceNextHop NextHop(Subnet subnet, IpAddress destination) => NextHop(subnet, EffectiveRoutes(subnet), destination);

    public ReferenceNextHop NextHop(Subnet subnet, IReadOnlyList<ReferenceRoute> routes, IpAddress destination)
    {
        var route = Lookup(routes, destination);
        if (route is null)
        {
            return new ReferenceNextHop("None", null, null, null);
        }

        var nextHopIp = route.NextHopIpAddresses.IsEmpty ? (IpAddress?)null : route.NextHopIpAddresses[0];
        if (route.NextHopType == "VirtualAppliance" && nextHopIp is { } appliance)
        {
            var vnet = _estate.VirtualNetworkOf(subnet.Id);
            var reachable = vnet is not null
                && (vnet.AddressSpace.Any(a => a.Prefix.Contains(appliance))
                    || ConnectedPeerings(vnet).Any(p => p.RemoteRanges.Any(r => r.Contains(appliance))));
            if (!reachable)
            {
                return new ReferenceNextHop("None", appliance, route.RouteTableId, route);
            }
        }

        return new ReferenceNextHop(route.NextHopType, nextHopIp, route.RouteTableId, route);
    }

    /// <summary>The peerings that install routes: allowed, connected (or both sides present when the input gives no state), remote ranges known.</summary>
    internal List<(VirtualNetworkPeering Peering, List<IpPrefix> RemoteRanges, bool IsGlobal)> ConnectedPeerings(VirtualNetwork vnet)
    {
        var result = new List<(VirtualNetworkPeering, List<IpPrefix>, bool)>();
        foreach (var peering in vnet.Peerings)
        {
            var back = _estate.RemotePeeringOf(peering);
            var connected = peering.PeeringState == PeeringState.Connected
                || (peering.PeeringState is null && back is not null && back.PeeringState is null or PeeringState.Connected);
            if (!peering.AllowVirtualNetworkAccess || !connected)
            {
                continue;
            }

            var remote = _estate.Find<VirtualNetwork>(peering.RemoteVirtualNetworkId);
            var remoteRanges = (remote?.AddressSpace ?? peering.RemoteAddressSpace).Select(a => a.Prefix).Distinct().ToList();
            var isGlobal = remote?.Location is { } there && vnet.Location is { } here && !SameRegion(here, there);
            result.Add((peering, remoteRanges, isGlobal));
        }

        return result;
    }

    /// <summary>Gateway transit: this side uses remote gateways, the other side allows transit, and the remote VNet has a gateway (semantics.md 3.8).</summary>
    private bool UsesRemoteGateway(VirtualNetworkPeering peering) =>
        peering.UseRemoteGateways
        && _estate.RemotePeeringOf(peering)?.AllowGatewayTransit == true
        && !_estate.GatewaysOf(peering.RemoteVirtualNetworkId).IsEmpty;

    /// <summary>
    /// What the gateways of these VNets learned: local network gateway prefixes (static), BGP peers' /32s and
    /// advertised prefixes over BGP VPN connections, and ExpressRoute sites' prefixes. One route per prefix;
    /// ExpressRoute wins over VPN for the same prefix (semantics.md 3.9).
    /// </summary>
    private List<(IpPrefix Prefix, ImmutableArray<IpAddress> NextHops)> GatewayRoutes(IEnumerable<ResourceId> gatewayVnets)
    {
        var learned = new List<(IpPrefix Prefix, bool ExpressRoute, ImmutableArray<IpAddress> NextHops)>();
        foreach (var vnetId in gatewayVnets)
        {
            foreach (var gateway in _estate.GatewaysOf(vnetId))
            {
                var nextHops = GatewayNextHops(gateway);
                foreach (var connection in _estate.ConnectionsOf(gateway.Id))
                {
                    if (connection.ConnectionType == VirtualNetworkGatewayConnectionType.ExpressRoute)
                    {
                        learned.AddRange(_estate.SitesOf(connection).SelectMany(s => s.AdvertisedPrefixes).Select(p => (p, true, ImmutableArray<IpAddress>.Empty)));
                    }
                    else if (connection.ConnectionType == VirtualNetworkGatewayConnectionType.IPsec
                        && _estate.Find<LocalNetworkGateway>(connection.LocalNetworkGateway2Id) is { } local)
                    {
                        learned.AddRange(local.AddressPrefixes.Select(p => (p.Prefix, false, nextHops)));
                        if (connection.EnableBgp && gateway.EnableBgp)
                        {
                            learned.AddRange((local.BgpSettings?.BgpPeeringAddresses ?? []).Select(a => (IpPrefix.Host(a), false, nextHops)));
                            learned.AddRange(_estate.SitesOf(connection).SelectMany(s => s.AdvertisedPrefixes).Select(p => (p, false, nextHops)));
                        }
                    }
                }
            }
        }

        // First occurrence fixes the order; an ExpressRoute route replaces a VPN one for the same prefix.
        var order = new List<IpPrefix>();
        var chosen = new Dictionary<IpPrefix, (bool ExpressRoute, ImmutableArray<IpAddress> NextHops)>();
        foreach (var (prefix, expressRoute, nextHops) in learned)
        {
            if (!chosen.TryGetValue(prefix, out var existing))
            {
                order.Add(prefix);
                chosen[prefix] = (expressRoute, nextHops);
            }
            else if (expressRoute && !existing.ExpressRoute)
            {
                chosen[prefix] = (expressRoute, nextHops);
            }
        }

        var result = order.Select(p => (p, chosen[p].NextHops)).ToList();
        return result;
    }

    /// <summary>Active-standby VPN: the gateway's public IP; active-active: its BGP (instance) addresses (semantics.md 3.10).</summary>
    private ImmutableArray<IpAddress> GatewayNextHops(VirtualNetworkGateway gateway)
    {
        if (gateway.GatewayType != VirtualNetworkGatewayType.Vpn)
        {
            return [];
        }

        if (gateway.ActiveActive)
        {
            return gateway.BgpSettings?.BgpPeeringAddresses ?? [];
        }

        return [.. gateway.IpConfigurations.Select(c => _estate.Find<PublicIpAddress>(c.PublicIpAddressId)?.IpAddress).OfType<IpAddress>().Take(1)];
    }

    /// <summary>Source precedence for equal prefixes: User, then gateway, then Default; losers Invalid, None rows removed (semantics.md 3.2, 3.6).</summary>
    private static List<ReferenceRoute> Resolve(List<ReferenceRoute> candidates)
    {
        var userDefault = candidates.Any(r => r.Source == "User" && r.Prefix.Length == 0 && r.NextHopType is "VirtualAppliance" or "VirtualNetworkGateway");
        var gatewayDefault = candidates.Any(r => r.Source == "VirtualNetworkGateway" && r.Prefix.Length == 0);
        var byPrefix = new Dictionary<IpPrefix, List<ReferenceRoute>>();
        foreach (var route in candidates)
        {
            if (!byPrefix.TryGetValue(route.Prefix, out var list))
            {
                byPrefix[route.Prefix] = list = [];
            }

            list.Add(route);
        }

        var result = new List<ReferenceRoute>();
        foreach (var route in candidates)
        {
            var samePrefix = byPrefix[route.Prefix];
            var hasUser = samePrefix.Any(r => r.Source == "User");
            var hasGateway = samePrefix.Any(r => r.Source == "VirtualNetworkGateway");
            var isPlatformNone = route.Source == "Default" && route.NextHopType == "None";
            if (isPlatformNone && (hasUser || userDefault || gatewayDefault))
            {
                continue;
            }

            if (route.Source == "Default" && route.Prefix.Length == 0 && route.NextHopType == "Internet" && gatewayDefault && !hasUser)
            {
                continue;
            }

            var wins = route.Source switch
            {
                "User" => ReferenceEquals(samePrefix.First(r => r.Source == "User"), route),
                "VirtualNetworkGateway" => !hasUser,
                _ => !hasUser && !hasGateway,
            };
            result.Add(wins ? route : route with { State = "Invalid" });
        }

        return result;
    }

    private static ReferenceRoute Default(IpPrefix prefix, string nextHopType) => new("Default", "Active", prefix, nextHopType, []);

    private static bool SameRegion(string left, string right) =>
        string.Equals(left.Replace(" ", string.Empty, StringComparison.Ordinal), right.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
}
