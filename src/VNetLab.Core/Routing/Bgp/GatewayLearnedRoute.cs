using System.Collections.Immutable;
using VNetLab.Addressing;
using VNetLab.Model;

namespace VNetLab.Routing.Bgp;

/// <summary>
/// One route a virtual network gateway knows from one of its connections, before best-path selection: the
/// twin's equivalent of a row of the gateway's learned-routes list. The best route per prefix among a hub's
/// gateways becomes the <c>VirtualNetworkGateway</c> effective route of its subnets and transit spokes.
/// </summary>
public sealed record GatewayLearnedRoute
{
    public required IpPrefix Prefix { get; init; }

    public required ResourceId GatewayId { get; init; }

    /// <summary>True when <see cref="GatewayId"/> is an ExpressRoute gateway, preferred over VPN for the same prefix (semantics.md §3.9).</summary>
    public required bool IsExpressRoute { get; init; }

    public required GatewayRouteOrigin Origin { get; init; }

    public required GatewayRouteKind Kind { get; init; }

    /// <summary>The connection the route came over.</summary>
    public required ResourceId ConnectionId { get; init; }

    /// <summary>The external site that advertised it, for <see cref="GatewayRouteKind.ExternalSiteAdvertisement"/>.</summary>
    public ResourceId? ExternalSiteId { get; init; }

    /// <summary>The local network gateway, for LNG prefixes and BGP peer host routes.</summary>
    public ResourceId? LocalNetworkGatewayId { get; init; }

    /// <summary>The VNet whose range this is, for <see cref="GatewayRouteKind.RemoteVirtualNetwork"/>.</summary>
    public ResourceId? SourceVirtualNetworkId { get; init; }

    /// <summary>The AS path as the gateway sees it, nearest AS first (e.g. 12076 65010 for an on-premises prefix over ExpressRoute).</summary>
    public ImmutableArray<long> AsPath { get; init; } = [];

    /// <summary>The connection's routing weight, considered before AS path length (semantics.md §3.9).</summary>
    public int Weight { get; init; }

    /// <summary>The next hop addresses the gateway's effective routes show (semantics.md §3.10); empty when unknown.</summary>
    public ImmutableArray<IpAddress> NextHopIpAddresses { get; init; } = [];

    /// <summary>True when this route won best-path selection for its prefix among the gateways of its VNet.</summary>
    public bool IsBest { get; init; }

    public override string ToString() =>
        $"{Prefix} {Origin} {Kind} via {ConnectionId.Name}" + (AsPath.IsEmpty ? string.Empty : " AS " + string.Join(' ', AsPath)) + (IsBest ? " best" : string.Empty);
}
