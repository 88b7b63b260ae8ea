using System.Collections.Immutable;
using VNetLab.Diagnostics;
using VNetLab.Model;

namespace VNetLab.Validation.Rules.Nsg;

/// <summary>
/// NSG quotas (constraints.md 7.8, 7.13): rules per NSG, addresses and ranges on each side across an NSG,
/// ASGs across an NSG, NSGs per subscription and region.
/// </summary>
internal sealed class NsgLimitsRule(ValidationLimits limits) : ScopedValidationRule<NetworkSecurityGroup>
{
    public override ImmutableArray<DiagnosticDescriptor> Descriptors { get; } =
    [
        DiagnosticCatalog.Descriptors.RulesPerNsgLimit,
        DiagnosticCatalog.Descriptors.AddressesPerNsgLimit,
        DiagnosticCatalog.Descriptors.AsgsPerNsgLimit,
        DiagnosticCatalog.Descriptors.NsgsPerSubscriptionLimit,
    ];

    public override ValidationReads Reads { get; } = ValidationReads.Each<NetworkSecurityGroup>();

    protected override IEnumerable<Diagnostic> Validate(Estate estate, NetworkSecurityGroup nsg)
    {
        var rules = SecurityRuleFields.CustomRules(nsg).ToList();
        if (rules.Count > limits.SecurityRulesPerNetworkSecurityGroup)
        {
            yield return DiagnosticCatalog.RulesPerNsgLimit(nsg, rules.Count, limits.SecurityRulesPerNetworkSecurityGroup);
        }

        foreach (var (side, count) in new[]
        {
            ("source", rules.Sum(r => r.SourceAddressPrefixes.Length)),
            ("destination", rules.Sum(r => r.DestinationAddressPrefixes.Length)),
        })
        {
            if (count > limits.AddressesPerNetworkSecurityGroupSide)
            {
                yield return DiagnosticCatalog.AddressesPerNsgLimit(nsg, side, count, limits.AddressesPerNetworkSecurityGroupSide);
            }
        }

        var asgs = rules.SelectMany(r => r.SourceApplicationSecurityGroupIds.Concat(r.DestinationApplicationSecurityGroupIds)).Distinct().Count();
        if (asgs > limits.ApplicationSecurityGroupsPerNetworkSecurityGroup)
        {
            yield return DiagnosticCatalog.AsgsPerNsgLimit(nsg, asgs, limits.ApplicationSecurityGroupsPerNetworkSecurityGroup);
        }
    }

    public override IEnumerable<Diagnostic> ValidateEstateWide(Estate estate)
    {
        foreach (var (nsg, count, region) in Quota.FirstBeyondPerSubscriptionRegion(estate.NetworkSecurityGroups, limits.NetworkSecurityGroupsPerSubscriptionRegion))
        {
            yield return DiagnosticCatalog.NsgsPerSubscriptionLimit(nsg, region, count, limits.NetworkSecurityGroupsPerSubscriptionRegion);
        }
    }
}
