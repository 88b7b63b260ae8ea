namespace VNetLab.Routing.Bgp;

/// <summary>What a learned gateway route stands for (shared/azure/semantics.md §2.2 "Virtual network gateway").</summary>
public enum GatewayRouteKind
{
    /// <summary>An address prefix of a connected local network gateway (a static route).</summary>
    LocalNetworkGatewayPrefix,

    /// <summary>The /32 host route to a local network gateway's BGP peer address.</summary>
    BgpPeerAddress,

    /// <summary>A prefix an external site advertises over BGP (VPN with BGP, or ExpressRoute private peering).</summary>
    ExternalSiteAdvertisement,

    /// <summary>An address range of another VNet: over a VNet-to-VNet connection, or linked to the same ExpressRoute circuit.</summary>
    RemoteVirtualNetwork,
}
