using System.Collections.Immutable;
using VNetLab.Addressing;
using VNetLab.Model;
using VNetLab.Routing;
using VNetLab.Security;

namespace VNetLab.Analysis.Policies;

/// <summary>
/// One named claim about every packet from <see cref="From"/> to <see cref="To"/> with the given protocols and
/// destination ports. Each expectation given must hold for all of them: <see cref="Expect"/> (all get through, or
/// none does), <see cref="Via"/> (all get through and pass every waypoint), <see cref="NotVia"/> (none passes any
/// of these waypoints), <see cref="NextHopType"/> (the source subnet's route for every destination has this next
/// hop type).
/// </summary>
public sealed record PolicyAssertion
{
    public required string Name { get; init; }

    public required EndpointSelector From { get; init; }

    public required EndpointSelector To { get; init; }

    public ProtocolSet Protocols { get; init; } = ProtocolSet.All;

    public PortSet Ports { get; init; } = PortSet.All;

    public ReachabilityExpectation? Expect { get; init; }

    public ImmutableArray<Waypoint> Via { get; init; } = [];

    public ImmutableArray<Waypoint> NotVia { get; init; } = [];

    public NextHopType? NextHopType { get; init; }

    /// <summary>Where the assertion was read from (file and YAML path), for messages.</summary>
    public SourceLocation? Source { get; init; }
}
