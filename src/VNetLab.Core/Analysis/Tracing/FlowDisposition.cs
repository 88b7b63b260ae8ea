namespace VNetLab.Analysis.Tracing;

/// <summary>
/// How a traced packet's journey ended, for the whole trace (docs/dispositions.md defines each value exactly).
/// The success values are <see cref="Delivered"/>, <see cref="ExitedToInternet"/> and <see cref="ExitedToExternalSite"/>;
/// every other value is a failure (<see cref="FlowDispositionExtensions.IsSuccess"/>).
/// </summary>
public enum FlowDisposition
{
    /// <summary>The packet reached the NIC (or subnet) that holds the destination address and its inbound NSGs allowed it.</summary>
    Delivered,

    /// <summary>A route with next hop <c>Internet</c> took the packet out of Azure, from a NIC or through an Azure Firewall's SNAT.</summary>
    ExitedToInternet,

    /// <summary>A gateway handed the packet to an external site over an ExpressRoute circuit or an IPsec tunnel.</summary>
    ExitedToExternalSite,

    /// <summary>The longest matching route has next hop <c>None</c> (or no route matched): Azure drops the packet.</summary>
    DroppedByNoneRoute,

    /// <summary>An NSG on the sending NIC or its subnet (or on an appliance's NIC, on the way out) denied the packet.</summary>
    DeniedByNsgOutbound,

    /// <summary>An NSG on the receiving subnet or NIC (or on an appliance's NIC, on the way in) denied the packet.</summary>
    DeniedByNsgInbound,

    /// <summary>An Azure Firewall denied the packet: a Deny network rule collection matched, or no rule collection allowed it.</summary>
    DeniedByFirewall,

    /// <summary>A VirtualAppliance route sent the packet to a NIC that does not have IP forwarding enabled.</summary>
    NoIpForwarding,

    /// <summary>A peering refused the packet: remote VNet access is off, or forwarded traffic is not allowed in.</summary>
    DeniedByPeering,

    /// <summary>The packet came back to a subnet whose routes it had already followed: it would circle until its TTL ran out.</summary>
    Loop,

    /// <summary>The twin cannot say what Azure does next; the trace carries a VNL98xx note with the reason.</summary>
    Unresolved,
}
