using System.Collections.Immutable;

namespace VNetLab.Model;

/// <summary>Microsoft.Network/routeTables: user-defined routes for the subnets it is associated with.</summary>
public sealed record RouteTable : TrackedResource
{
    public ImmutableArray<Route> Routes { get; init; } = [];

    /// <summary>True when "Propagate gateway routes" is No: gateway (BGP) routes are not installed in its subnets.</summary>
    public bool DisableBgpRoutePropagation { get; init; }
}
