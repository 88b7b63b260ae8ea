using VNetLab.Model;

namespace VNetLab.Analysis.Policies;

/// <summary>
/// A route, rule or setting that decided a failing packet's fate, so changing it is one way to make the assertion
/// hold (AWS Reachability Analyzer's blocking components, in Azure's words).
/// </summary>
/// <param name="Kind">The step kind that decided (<c>RouteLookup</c>, <c>NsgEvaluation</c>, <c>FirewallRule</c>, <c>IpForwarding</c>, <c>PeeringTransit</c>, <c>Drop</c> …).</param>
/// <param name="ResourceId">The route table, NSG, firewall collection, NIC or peering; null for a system route.</param>
/// <param name="Location">Where the decision was taken: the subnet, NIC, gateway or firewall of the hop.</param>
/// <param name="Description">The decision in words.</param>
public sealed record PolicyBlocker(string Kind, ResourceId? ResourceId, ResourceId? Location, string Description)
{
    public override string ToString() => $"{Location?.Name ?? "Internet"}: {Description}";
}
