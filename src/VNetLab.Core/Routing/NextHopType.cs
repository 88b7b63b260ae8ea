namespace VNetLab.Routing;

/// <summary>
/// Where a route sends traffic, spelled exactly as the ARM API returns it in effective routes and in
/// Network Watcher's next hop (shared/azure/semantics.md §1.2, §1.3), so serialisation never translates.
/// </summary>
public enum NextHopType
{
    /// <summary>The VNet's own address space ("Virtual network" in the portal).</summary>
    VnetLocal,

    /// <summary>A directly peered VNet in the same region.</summary>
    VNetPeering,

    /// <summary>A directly peered VNet in another region.</summary>
    VNetGlobalPeering,

    /// <summary>A VPN or ExpressRoute gateway: learned or static gateway routes, and UDRs naming the gateway.</summary>
    VirtualNetworkGateway,

    /// <summary>A UDR to a private IP (an NVA's NIC or an internal load balancer frontend).</summary>
    VirtualAppliance,

    Internet,

    /// <summary>Traffic is dropped.</summary>
    None,

    /// <summary>The public prefixes of a service reached through a subnet's service endpoint.</summary>
    VirtualNetworkServiceEndpoint,
}
