using System.Collections.Immutable;
using VNetLab.Model;

namespace VNetLab.Analysis.Tracing;

/// <summary>
/// Compares a request's trace with its reply's: a reply that crosses a stateful device (Azure Firewall, or an NVA
/// forwarding with IP forwarding) the request did not cross, or skips one it did, or leaves through a different
/// edge (another circuit, a tunnel instead of ExpressRoute), is asymmetric; stateful devices then drop the reply
/// (semantics.md §5.5; https://learn.microsoft.com/azure/architecture/networking/guide/network-virtual-appliance-high-availability).
/// </summary>
internal static class Asymmetry
{
    public static ImmutableArray<string> Compare(Trace request, Trace reply)
    {
        var reasons = ImmutableArray.CreateBuilder<string>();
        var requestDevices = StatefulDevices(request);
        var replyDevices = StatefulDevices(reply);
        foreach (var device in requestDevices.Except(replyDevices).Order())
        {
            reasons.Add($"the reply bypasses {device.Name}, which the request crossed");
        }

        foreach (var device in replyDevices.Except(requestDevices).Order())
        {
            reasons.Add($"the reply crosses {device.Name}, which the request did not");
        }

        var requestEdges = Edges(request);
        var replyEdges = Edges(reply);
        if (!requestEdges.SetEquals(replyEdges) && (requestEdges.Count > 0 || replyEdges.Count > 0))
        {
            reasons.Add($"the request leaves over {Describe(requestEdges)} but the reply comes back over {Describe(replyEdges)}");
        }

        if (!reply.Disposition.IsSuccess())
        {
            reasons.Add($"the reply does not get back: {reply.Disposition}");
        }

        return reasons.ToImmutable();
    }

    private static HashSet<ResourceId> StatefulDevices(Trace trace) =>
    [
        .. trace.Hops.Where(h => h.Kind == HopKind.AzureFirewall && h.Steps.OfType<FirewallRuleStep>().Any()).Select(h => h.ResourceId).OfType<ResourceId>(),
        .. trace.Steps.OfType<IpForwardingStep>().Select(s => s.NetworkInterfaceId),
    ];

    private static HashSet<string> Edges(Trace trace) =>
    [
        .. trace.Steps.Select(s => s switch
        {
            ExpressRouteCircuitStep er => "ExpressRoute circuit " + (er.CircuitId?.Name ?? er.ConnectionId.Name),
            TunnelStep tunnel => "IPsec tunnel " + tunnel.ConnectionId.Name,
            _ => null,
        }).OfType<string>(),
    ];

    private static string Describe(HashSet<string> edges) => edges.Count == 0 ? "no gateway" : string.Join(", ", edges.Order(StringComparer.Ordinal));
}
