using System.Text.Json;
using System.Text.Json.Nodes;
using VNetLab.Analysis.Diff;
using VNetLab.Analysis.Policies;
using VNetLab.Analysis.Reachability;
using VNetLab.Analysis.Tracing;
using VNetLab.Diagnostics;
using VNetLab.Security;

namespace VNetLab.Arm.Contracts;

/// <summary>
/// The JSON shapes of <c>trace</c>, <c>verify</c>, <c>reach</c> and <c>diff</c> (documented in docs/dispositions.md):
/// Azure's field names where a step is an Azure answer (a route lookup is Network Watcher's next hop, an NSG step is
/// IP flow verify's access and ruleName), camelCase elsewhere, enum values in Azure's spelling.
/// </summary>
public static class AnalysisJson
{
    public static JsonObject TraceResult(TraceResult result) => new()
    {
        ["forward"] = Trace(result.Forward),
        ["return"] = result.Return is null ? null : Trace(result.Return),
        ["asymmetric"] = result.IsAsymmetric,
        ["asymmetryReasons"] = Array(result.AsymmetryReasons.Select(r => (JsonNode?)r)),
        ["findings"] = Diagnostics(result.Findings),
    };

    public static JsonObject Trace(Trace trace) => new()
    {
        ["packet"] = Packet(trace.Packet),
        ["source"] = trace.Source.Resource?.Id.Value ?? "Internet",
        ["disposition"] = trace.Disposition.ToString(),
        ["hops"] = Array(trace.Hops.Select(h => (JsonNode?)new JsonObject
        {
            ["kind"] = h.Kind.ToString(),
            ["resourceId"] = h.ResourceId?.Value,
            ["name"] = h.Name,
            ["steps"] = Array(h.Steps.Select(s => (JsonNode?)Step(s))),
        })),
        ["notes"] = Diagnostics(trace.Notes),
    };

    public static JsonObject Packet(Packet packet) => new()
    {
        ["protocol"] = packet.Protocol.ToString(),
        ["sourceAddress"] = packet.Source.ToString(),
        ["sourcePort"] = packet.SourcePort,
        ["destinationAddress"] = packet.Destination.ToString(),
        ["destinationPort"] = packet.DestinationPort,
    };

    public static JsonObject Step(Step step)
    {
        var node = new JsonObject { ["kind"] = step.Kind, ["description"] = step.Describe() };
        switch (step)
        {
            case RouteLookupStep r:
                node["routeTableId"] = r.RouteTableIdText;
                node["routeName"] = r.RouteName;
                node["addressPrefix"] = r.MatchedPrefix?.ToString();
                node["source"] = r.Source?.ToString();
                node["nextHopType"] = r.NextHopType.ToString();
                node["nextHopIpAddress"] = r.NextHopIpAddress?.ToString();
                break;
            case NsgEvaluationStep n:
                node["networkSecurityGroupId"] = n.NetworkSecurityGroupId?.Value;
                node["associatedTo"] = n.AssociatedTo.Value;
                node["ruleName"] = n.RuleName;
                node["access"] = n.Access.ToString();
                node["direction"] = n.Direction.ToString();
                node["decision"] = n.Decision;
                break;
            case PeeringTransitStep p:
                node["peeringId"] = p.PeeringId.Value;
                node["remoteVirtualNetworkId"] = p.RemoteVirtualNetworkId.Value;
                node["forwarded"] = p.Forwarded;
                break;
            case GatewayTransitStep g:
                node["gatewayId"] = g.GatewayId.Value;
                node["learnedPrefix"] = g.LearnedPrefix?.ToString();
                node["connectionId"] = g.ConnectionId?.Value;
                break;
            case TunnelStep t:
                node["connectionId"] = t.ConnectionId.Value;
                node["localNetworkGatewayId"] = t.LocalNetworkGatewayId?.Value;
                break;
            case ExpressRouteCircuitStep e:
                node["connectionId"] = e.ConnectionId.Value;
                node["circuitId"] = e.CircuitId?.Value;
                break;
            case FirewallRuleStep f:
                node["firewallId"] = f.FirewallId.Value;
                node["ruleCollectionId"] = f.RuleCollectionId?.Value;
                node["ruleName"] = f.RuleName;
                node["priority"] = f.Priority;
                node["action"] = f.Action.ToString();
                break;
            case IpForwardingStep i:
                node["networkInterfaceId"] = i.NetworkInterfaceId.Value;
                node["enableIPForwarding"] = i.Enabled;
                break;
            case DeliveredStep d:
                node["resourceId"] = d.ResourceId.Value;
                break;
            case ExitStep x:
                node["externalSiteId"] = x.ExternalSiteId?.Value;
                node["snatAddress"] = x.SnatAddress?.ToString();
                break;
            case DropStep drop:
                node["reason"] = drop.Reason;
                node["causeId"] = drop.Cause?.Value;
                break;
        }

        return node;
    }

    public static JsonObject Verify(PolicyResult result) => new()
    {
        ["passed"] = result.Passed,
        ["assertions"] = Array(result.Results.Select(r => (JsonNode?)new JsonObject
        {
            ["name"] = r.Assertion.Name,
            ["passed"] = r.Passed,
            ["classesChecked"] = r.ClassesChecked,
            ["classesFailed"] = r.ClassesFailed,
            ["reason"] = r.Reason,
            ["counterexample"] = r.Counterexample is not { } c ? null : new JsonObject
            {
                ["source"] = c.Source.Endpoint.Resource?.Id.Value ?? "Internet",
                ["destination"] = c.Destination.Label,
                ["packet"] = Packet(c.Class.Representative),
                ["class"] = c.Class.ToString(),
                ["violation"] = c.Violation,
                ["trace"] = Trace(c.Trace),
            },
            ["blockers"] = Array(r.Blockers.Select(b => (JsonNode?)new JsonObject
            {
                ["kind"] = b.Kind,
                ["resourceId"] = b.ResourceId?.Value,
                ["location"] = b.Location?.Value,
                ["description"] = b.Description,
            })),
            ["notes"] = Diagnostics(r.Notes),
        })),
    };

    /// <summary>
    /// The reach matrix, <c>{ "value": [ row, ... ] }</c>, written row by row with <see cref="ContractJson.Options"/>,
    /// calling <paramref name="afterRow"/> after each so the caller can pass the text on: the rows are never all held.
    /// </summary>
    public static void WriteReach(Utf8JsonWriter writer, IEnumerable<ReachRow> rows, Action afterRow)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("value");
        writer.WriteStartArray();
        foreach (var row in rows)
        {
            ReachRow(row).WriteTo(writer, ContractJson.Options);
            afterRow();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static JsonObject ReachRow(ReachRow r) => new()
    {
        ["source"] = r.Source,
        ["destination"] = r.Destination,
        ["reachable"] = Array(r.Cells.Select(c => (JsonNode?)new JsonObject
        {
            ["protocol"] = c.Protocol.ToString(),
            ["ports"] = c.Protocol.HasPorts() ? c.PortsText : null,
            ["complete"] = c.Complete,
            ["exits"] = c.Exits,
        })),
    };

    public static JsonObject Diff(EstateDiffResult diff) => new()
    {
        ["diagnostics"] = Array(diff.Diagnostics.Select(c => (JsonNode?)new JsonObject
        {
            ["change"] = c.Kind.ToString(),
            ["code"] = c.Key.Code,
            ["resourceId"] = c.Key.ResourceId,
            ["before"] = c.Before,
            ["after"] = c.After,
        })),
        ["routes"] = Array(diff.Routes.Select(c => (JsonNode?)new JsonObject
        {
            ["change"] = c.Kind.ToString(),
            ["subnetId"] = c.Key.SubnetId,
            ["addressPrefix"] = c.Key.AddressPrefix,
            ["source"] = c.Key.Source,
            ["before"] = c.Before,
            ["after"] = c.After,
        })),
        ["reachability"] = Array(diff.Reachability.Select(c => (JsonNode?)new JsonObject
        {
            ["change"] = c.Kind.ToString(),
            ["source"] = c.Key.Source,
            ["destination"] = c.Key.Destination,
            ["before"] = c.Before,
            ["after"] = c.After,
        })),
    };

    private static JsonArray Diagnostics(IEnumerable<Diagnostic> diagnostics) =>
        Array(diagnostics.Select(d => (JsonNode?)JsonSerializerNode(DiagnosticEntry.From(d))));

    private static JsonNode? JsonSerializerNode(DiagnosticEntry entry) =>
        System.Text.Json.JsonSerializer.SerializeToNode(entry, ContractJson.Options);

    private static JsonArray Array(IEnumerable<JsonNode?> items) => [.. items];

}
