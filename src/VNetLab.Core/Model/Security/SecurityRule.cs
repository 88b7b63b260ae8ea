using System.Collections.Immutable;

namespace VNetLab.Model;

/// <summary>
/// A security rule (<c>securityRules/*</c> or <c>defaultSecurityRules/*</c>). Protocol, ports and address
/// prefixes are kept as the text the user wrote (singular and plural fields merged, as Azure merges
/// them): service tags, <c>*</c>, CIDRs and ranges are interpreted by the security engine, and invalid
/// values are reported by validation with Azure's own codes, so nothing is lost at import.
/// </summary>
public sealed record SecurityRule : Resource
{
    /// <summary><c>Tcp</c>, <c>Udp</c>, <c>Icmp</c>, <c>Esp</c>, <c>Ah</c> or <c>*</c>, as given.</summary>
    public required string Protocol { get; init; }

    public ImmutableArray<string> SourcePortRanges { get; init; } = [];

    public ImmutableArray<string> DestinationPortRanges { get; init; } = [];

    public ImmutableArray<string> SourceAddressPrefixes { get; init; } = [];

    public ImmutableArray<string> DestinationAddressPrefixes { get; init; } = [];

    public ImmutableArray<ResourceId> SourceApplicationSecurityGroupIds { get; init; } = [];

    public ImmutableArray<ResourceId> DestinationApplicationSecurityGroupIds { get; init; } = [];

    public required SecurityRuleAccess Access { get; init; }

    public required int Priority { get; init; }

    public required SecurityRuleDirection Direction { get; init; }

    public string? Description { get; init; }

    /// <summary>True for one of the platform's <c>defaultSecurityRules</c>.</summary>
    public bool IsDefault { get; init; }

    /// <summary>The NSG this rule belongs to.</summary>
    public ResourceId NetworkSecurityGroupId => Id.Parent ?? Id;
}

public enum SecurityRuleAccess
{
    Allow,
    Deny,
}

public enum SecurityRuleDirection
{
    Inbound,
    Outbound,
}
