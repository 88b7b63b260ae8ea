using System.Collections.Immutable;
using System.Text.Json.Serialization;
using VNetLab.Diagnostics;
using VNetLab.Routing;

namespace VNetLab.Arm.Contracts;

/// <summary>
/// <c>routes --format json</c>: Azure's <c>EffectiveRouteListResult</c> (NetworkInterfaces_GetEffectiveRouteTable,
/// shared/azure/semantics.md §1.1) — <c>{ "value": [...] }</c> — plus VNetLab's fidelity notes.
/// </summary>
public sealed record EffectiveRouteListResult(
    ImmutableArray<EffectiveRouteEntry> Value,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ImmutableArray<DiagnosticEntry>? Notes)
{
    /// <param name="routes">The subnet's effective routes.</param>
    /// <param name="notes">The VNL9xxx notes behind them; null leaves the field out (JSON lines of <c>routes --all</c>).</param>
    /// <param name="explain">Adds each route's reason and explanation.</param>
    public static EffectiveRouteListResult From(IEnumerable<EffectiveRoute> routes, IEnumerable<Diagnostic>? notes, bool explain) =>
        new([.. routes.Select(r => EffectiveRouteEntry.From(r, explain))], notes is null ? null : [.. notes.Select(DiagnosticEntry.From)]);
}

/// <summary>
/// One effective route with Azure's field names and spellings, in Azure's order. <c>reason</c> and
/// <c>explanation</c> are VNetLab's, written only with <c>--explain</c>.
/// </summary>
public sealed record EffectiveRouteEntry(
    string? Name,
    bool DisableBgpRoutePropagation,
    string Source,
    string State,
    ImmutableArray<string> AddressPrefix,
    ImmutableArray<string> NextHopIpAddress,
    string NextHopType,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Explanation = null)
{
    public static EffectiveRouteEntry From(EffectiveRoute route, bool explain) => new(
        route.Name,
        route.DisableBgpRoutePropagation,
        route.Source.ToString(),
        route.State.ToString(),
        [.. route.AddressPrefixes.Select(p => p.ToString())],
        [.. route.NextHopIpAddresses.Select(a => a.ToString())],
        route.NextHopType.ToString(),
        explain ? route.Reason.ToString() : null,
        explain ? route.Explanation : null);
}

/// <summary>One line of <c>routes --all</c>: <c>{ "subnetId": ..., "value": [...] }</c> (CONTRACT.md).</summary>
public sealed record SubnetEffectiveRoutes(string SubnetId, ImmutableArray<EffectiveRouteEntry> Value);
