using System.Collections.Immutable;

namespace VNetLab.Model;

/// <summary>Microsoft.Network/networkSecurityGroups.</summary>
public sealed record NetworkSecurityGroup : TrackedResource
{
    public ImmutableArray<SecurityRule> SecurityRules { get; init; } = [];

    /// <summary>
    /// The platform's default rules. Azure creates the same six in every NSG; when the input omits them
    /// (a template or a design) the importer fills them in from <see cref="DefaultSecurityRules"/>.
    /// </summary>
    public ImmutableArray<SecurityRule> DefaultSecurityRules { get; init; } = [];
}
