using System.Collections.Immutable;
using VNetLab.Addressing;
using VNetLab.Model;

namespace VNetLab.Routing.Bgp;

/// <summary>
/// A prefix a gateway offers to the network behind one of its connections: its VNet's ranges and those of
/// the spokes that use it, plus, for VPN, the other local network gateways' prefixes and routes learned from
/// other BGP sessions except default routes and VNet overlaps (shared/azure/semantics.md §3.8, §5.2). This is
/// what an external site learns about Azure.
/// </summary>
public sealed record GatewayAdvertisedRoute
{
    public required IpPrefix Prefix { get; init; }

    public required ResourceId GatewayId { get; init; }

    public required ResourceId ConnectionId { get; init; }

    /// <summary>The AS path the remote side receives, nearest AS first.</summary>
    public ImmutableArray<long> AsPath { get; init; } = [];

    /// <summary>
    /// False for a connection without BGP: nothing is advertised, and the twin assumes the remote device has
    /// static routes for these prefixes (a VNL9017 note says so).
    /// </summary>
    public required bool ViaBgp { get; init; }

    public override string ToString() => $"{Prefix} via {ConnectionId.Name}" + (AsPath.IsEmpty ? string.Empty : " AS " + string.Join(' ', AsPath));
}
