using VNetLab.Addressing;
using VNetLab.Model;

namespace VNetLab.Routing;

/// <summary>
/// Network Watcher's next hop answer (NetworkWatchers_GetNextHop, shared/azure/semantics.md §1.3) for one
/// destination, plus the effective route and prefix that decided it. A value built from the compiled
/// tables without allocating.
/// </summary>
public readonly record struct NextHopResult
{
    /// <summary>The route's next hop type, or <c>None</c> when no route matched or a VirtualAppliance next hop is unreachable.</summary>
    public NextHopType NextHopType { get; init; }

    /// <summary>The appliance IP or the first gateway address; null when the route has none (VnetLocal, Internet, None, peering).</summary>
    public IpAddress? NextHopIpAddress { get; init; }

    /// <summary>The route table of the deciding User route; null means Azure's <c>System Route</c>.</summary>
    public ResourceId? RouteTableId { get; init; }

    /// <summary>The effective route that matched; null when nothing matched.</summary>
    public EffectiveRoute? Route { get; init; }

    /// <summary>The matched prefix of <see cref="Route"/> (the longest prefix containing the destination).</summary>
    public IpPrefix? MatchedPrefix { get; init; }

    /// <summary>The literal Network Watcher returns in <c>routeTableId</c> when no user route decided.</summary>
    public const string SystemRoute = "System Route";

    /// <summary>The <c>routeTableId</c> value as Azure prints it.</summary>
    public string RouteTableIdText => RouteTableId?.ToString() ?? SystemRoute;

    /// <summary>The answer for a destination no route covers: the packet is dropped.</summary>
    public static NextHopResult NoRoute => new() { NextHopType = NextHopType.None };

    /// <summary>What Network Watcher answers when <paramref name="route"/> decides, <paramref name="prefix"/> being the prefix that matched.</summary>
    public static NextHopResult For(EffectiveRoute route, IpPrefix prefix) => new()
    {
        // An appliance outside the VNet and its direct peerings is answered as None, with the route's
        // IP and table still reported (recorded real responses, semantics.md §1.3).
        NextHopType = route.NextHopUnreachable ? NextHopType.None : route.NextHopType,
        NextHopIpAddress = route.NextHopIpAddresses.IsDefaultOrEmpty ? null : route.NextHopIpAddresses[0],
        RouteTableId = route.RouteTableId,
        Route = route,
        MatchedPrefix = prefix,
    };
}
