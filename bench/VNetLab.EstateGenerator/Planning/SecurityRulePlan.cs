using System.Collections.Immutable;

namespace VNetLab.EstateGenerator.Planning;

/// <summary>
/// One custom NSG rule as it will be written. Each side is either address prefixes (a service tag,
/// <c>*</c> or CIDRs) or application security groups, never both, as Azure requires.
/// </summary>
internal sealed record SecurityRulePlan
{
    public required string Name { get; init; }

    public required string Description { get; init; }

    /// <summary><c>Tcp</c>, <c>Udp</c> or <c>*</c>.</summary>
    public required string Protocol { get; init; }

    public required ImmutableArray<string> DestinationPorts { get; init; }

    public ImmutableArray<string> SourcePrefixes { get; init; } = [];

    public ImmutableArray<string> DestinationPrefixes { get; init; } = [];

    public ImmutableArray<string> SourceApplicationSecurityGroups { get; init; } = [];

    public ImmutableArray<string> DestinationApplicationSecurityGroups { get; init; } = [];

    public required bool Allow { get; init; }

    public required int Priority { get; init; }

    public required bool Inbound { get; init; }
}

/// <summary>One user-defined route as it will be written.</summary>
internal sealed record RoutePlan(string Name, Ipv4Prefix Prefix, string NextHopType, uint? NextHopAddress);
