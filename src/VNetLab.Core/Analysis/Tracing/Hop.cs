using System.Collections.Immutable;
using VNetLab.Model;

namespace VNetLab.Analysis.Tracing;

/// <summary>
/// One place a packet passes through (a NIC, a subnet's routing, a gateway, a firewall, an external site, the
/// Internet) and the decisions taken there, in order.
/// </summary>
/// <param name="Kind">What the place is.</param>
/// <param name="ResourceId">The resource; null only for the Internet.</param>
/// <param name="Steps">The decisions taken at this place, in the order Azure takes them.</param>
public sealed record Hop(HopKind Kind, ResourceId? ResourceId, ImmutableArray<Step> Steps)
{
    /// <summary>The resource's name, or <c>Internet</c>.</summary>
    public string Name => ResourceId?.Name ?? "Internet";
}
