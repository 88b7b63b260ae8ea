namespace VNetLab.Routing.Bgp;

/// <summary>
/// How a gateway came to know a route, in the vocabulary of Azure's gateway learned-routes list
/// (<c>Get-AzVirtualNetworkGatewayLearnedRoute</c>, shared/azure/semantics.md §3.9).
/// </summary>
public enum GatewayRouteOrigin
{
    /// <summary>Configured, not learned: a local network gateway's address prefixes and the host route to its BGP peer.</summary>
    Network,

    /// <summary>Learned over an external BGP session (a VPN peer, or the ExpressRoute edge routers).</summary>
    EBgp,
}
