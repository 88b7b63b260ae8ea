using VNetLab.Analysis.Tracing;
using VNetLab.Model;

namespace VNetLab.Analysis.Policies;

/// <summary>Whether a trace passes a waypoint.</summary>
public static class Waypoints
{
    public static bool Passes(Trace trace, Waypoint waypoint, Estate estate) => waypoint.Kind switch
    {
        WaypointKind.Internet => trace.Hops.Any(h => h.Kind == HopKind.Internet && h.Steps.OfType<ExitStep>().Any()),
        WaypointKind.ExpressRoute => trace.Steps.OfType<ExpressRouteCircuitStep>()
            .Any(s => Named(waypoint.Pattern, s.CircuitId) || Named(waypoint.Pattern, s.ConnectionId)),
        WaypointKind.Tunnel => trace.Steps.OfType<TunnelStep>()
            .Any(s => Named(waypoint.Pattern, s.ConnectionId) || Named(waypoint.Pattern, s.LocalNetworkGatewayId)),
        WaypointKind.Gateway => trace.Hops.Any(h => h.Kind == HopKind.VirtualNetworkGateway && Named(waypoint.Pattern, h.ResourceId)),
        WaypointKind.Firewall => trace.Hops.Any(h => h.Kind == HopKind.AzureFirewall && h.Steps.OfType<FirewallRuleStep>().Any() && Named(waypoint.Pattern, h.ResourceId)),
        WaypointKind.Appliance => trace.Steps.OfType<IpForwardingStep>().Any(s => s.Enabled
            && (Named(waypoint.Pattern, s.NetworkInterfaceId) || Named(waypoint.Pattern, estate.Find<NetworkInterface>(s.NetworkInterfaceId)?.VirtualMachineId))),
        _ => trace.Hops.Any(h => h.Kind is HopKind.ExternalSite or HopKind.LocalNetworkGateway && Named(waypoint.Pattern, h.ResourceId)),
    };

    /// <summary>The waypoints a trace passes, in words, for failure messages.</summary>
    public static string Summary(Trace trace)
    {
        var parts = trace.Hops
            .Where(h => h.Kind is HopKind.VirtualNetworkGateway or HopKind.AzureFirewall or HopKind.ExternalSite or HopKind.LocalNetworkGateway or HopKind.Internet)
            .Select(h => h.Kind == HopKind.Internet ? "Internet" : $"{h.Kind} {h.Name}")
            .ToList();
        return parts.Count == 0 ? $"{trace.Disposition} with no waypoint" : $"{trace.Disposition} via " + string.Join(" -> ", parts);
    }

    private static bool Named(string pattern, ResourceId? id) =>
        id is not null && (NamePattern.Matches(pattern, id.Name) || string.Equals(pattern, id.Value, StringComparison.OrdinalIgnoreCase));
}
