using System.Collections.Immutable;
using VNetLab.Addressing;

namespace VNetLab.Routing;

/// <summary>Choices the routing compiler cannot read from the estate: which Azure era to mimic, and service tag data.</summary>
public sealed record RoutingOptions
{
    public static RoutingOptions Default { get; } = new();

    /// <summary>The platform None routes every subnet starts with; the four documented prefixes unless set.</summary>
    public PlatformNoneRouteSet PlatformNoneRoutes { get; init; } = PlatformNoneRouteSet.Documented;

    /// <summary>How active-active gateway routes list their two next hop addresses.</summary>
    public GatewayNextHopShape GatewayNextHopShape { get; init; } = GatewayNextHopShape.OneEntryWithAllAddresses;

    /// <summary>
    /// Service tag name → prefixes (from a service tags file), used for service-tag UDR destinations and for
    /// service endpoint routes. Null when no file was given: such routes are then reported in a fidelity note.
    /// Names compare case-insensitively.
    /// </summary>
    public IReadOnlyDictionary<string, ImmutableArray<IpPrefix>>? ServiceTags { get; init; }

    /// <summary>How many VNets compile at once; null lets the runtime decide.</summary>
    public int? MaxDegreeOfParallelism { get; init; }
}
