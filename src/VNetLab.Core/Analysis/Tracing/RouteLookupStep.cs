using VNetLab.Addressing;
using VNetLab.Model;
using VNetLab.Routing;

namespace VNetLab.Analysis.Tracing;

/// <summary>
/// A longest-prefix-match lookup in a subnet's effective routes, reported as Network Watcher's next hop
/// (shared/azure/semantics.md §1.3): the route table or <c>System Route</c>, the matched prefix, the route's
/// source, its next hop type and IP.
/// </summary>
public sealed record RouteLookupStep(
    ResourceId SubnetId,
    IpAddress Destination,
    ResourceId? RouteTableId,
    string? RouteName,
    IpPrefix? MatchedPrefix,
    EffectiveRouteSource? Source,
    NextHopType NextHopType,
    IpAddress? NextHopIpAddress) : Step
{
    public override string Kind => "RouteLookup";

    /// <summary>The <c>routeTableId</c> as Network Watcher prints it.</summary>
    public string RouteTableIdText => RouteTableId?.ToString() ?? NextHopResult.SystemRoute;

    public override ResourceId? DecidedBy => RouteTableId;

    public override string Describe() => MatchedPrefix is { } prefix
        ? $"route {prefix} ({Source}{(RouteName is null ? string.Empty : " " + RouteName)}, {(RouteTableId is null ? NextHopResult.SystemRoute : RouteTableId.Name)}) -> {NextHopType}{(NextHopIpAddress is { } ip ? " " + ip : string.Empty)}"
        : $"no route covers {Destination} -> {NextHopType}";
}
