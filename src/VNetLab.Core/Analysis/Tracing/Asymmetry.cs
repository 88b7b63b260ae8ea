using System.Collections.Immutable;
using VNetLab.Model;

namespace VNetLab.Analysis.Tracing;

/// <summary>
/// Compares a request's trace with its reply's: a reply that crosses a stateful device (Azure Firewall, or an NVA
/// forwarding with IP forwarding) the request did not cross, or skips one it did, or leaves through a different
/// edge (another circuit, a tunnel or the Internet instead of ExpressRoute), or ends somewhere else, is asymmetric; stateful devices then drop the reply
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
        else if (!EndsAt(reply, request.Source))
        {
            reasons.Add($"the reply ends at {reply.LastHop?.Name} ({reply.Disposition}) instead of {request.Source.Name}");
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
            ExitStep { ExternalSiteId: null } => "the Internet",
            _ => null,
        }).OfType<string>(),
    ];

    /// <summary>True when the reply reached the place the request came from.</summary>
    private static bool EndsAt(Trace reply, TraceEndpoint requestSource) =>
        requestSource.Kind == TraceEndpointKind.Internet
            ? reply.Disposition == FlowDisposition.ExitedToInternet
            : reply.LastHop?.ResourceId is { } id && id == requestSource.Resource?.Id;

    private static string Describe(HashSet<string> edges) => edges.Count == 0 ? "no gateway" : string.Join(", ", edges.Order(StringComparer.Ordinal));
}
