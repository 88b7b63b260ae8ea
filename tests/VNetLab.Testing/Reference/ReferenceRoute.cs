using System.Collections.Immutable;
using VNetLab.Addressing;
using VNetLab.Model;

namespace VNetLab.Testing.Reference;

/// <summary>
/// One row of a subnet's effective route table as the reference engine computes it, in Azure's words
/// (semantics.md 1.1): source <c>Default</c>, <c>User</c> or <c>VirtualNetworkGateway</c>, state
/// <c>Active</c> or <c>Invalid</c>, and Azure's next hop type spelling.
/// </summary>
public sealed record ReferenceRoute(
    string Source,
    string State,
    IpPrefix Prefix,
    string NextHopType,
    ImmutableArray<IpAddress> NextHopIpAddresses,
    string? Name = null,
    ResourceId? RouteTableId = null)
{
    public bool IsActive => State == "Active";

    public override string ToString() =>
        $"{Source} {State} {Prefix} {NextHopType}" + (NextHopIpAddresses.IsEmpty ? string.Empty : " " + string.Join(',', NextHopIpAddresses));
}

/// <summary>
/// Network Watcher's next hop answer (semantics.md 1.3): the type, the first next hop IP, and the route
/// table of the deciding User route (null means <c>System Route</c>); <see cref="Route"/> is the row that decided.
/// </summary>
public sealed record ReferenceNextHop(string NextHopType, IpAddress? NextHopIpAddress, ResourceId? RouteTableId, ReferenceRoute? Route);

/// <summary>IP flow verify's answer (semantics.md 1.4): the access and the deciding rule as <c>securityRules/NAME</c> or <c>defaultSecurityRules/NAME</c>.</summary>
public sealed record ReferenceFlowVerdict(SecurityRuleAccess Access, string? RuleName, ResourceId? NetworkSecurityGroupId);
