using System.Collections.Immutable;
using System.Text.Json.Serialization;
using VNetLab.Diagnostics;
using VNetLab.Routing;

namespace VNetLab.Arm.Contracts;

/// <summary>
/// <c>next-hop --format json</c>: Azure's <c>NextHopResult</c> (NetworkWatchers_GetNextHop, semantics.md §1.3):
/// <c>routeTableId</c> is the deciding route table or the literal <c>System Route</c>; <c>nextHopIpAddress</c> is
/// null when the route has none. VNetLab adds its fidelity notes.
/// </summary>
public sealed record NextHopResultDocument(
    string NextHopType,
    string? NextHopIpAddress,
    string RouteTableId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ImmutableArray<DiagnosticEntry>? Notes)
{
    public static NextHopResultDocument From(NextHopResult result, IEnumerable<Diagnostic>? notes) => new(
        result.NextHopType.ToString(),
        result.NextHopIpAddress?.ToString(),
        result.RouteTableIdText,
        notes is null ? null : [.. notes.Select(DiagnosticEntry.From)]);
}
