using System.Collections.Immutable;
using VNetLab.Diagnostics;
using VNetLab.Model;

namespace VNetLab.Validation.Rules.Nsg;

/// <summary>
/// NSG quotas (constraints.md 7.8, 7.13): rules per NSG, addresses and ranges on each side across an NSG,
/// ASGs across an NSG, NSGs per subscription and region.
/// </summary>
internal sealed class NsgLimitsRule(ValidationLimits limits) : IValidationRule
{
    public ImmutableArray<DiagnosticDescriptor> Descriptors { get; } =
    [
        DiagnosticCatalog.Descriptors.RulesPerNsgLimit,
        DiagnosticCatalog.Descriptors.AddressesPerNsgLimit,
        DiagnosticCatalog.Descriptors.AsgsPerNsgLimit,
        DiagnosticCatalog.Descriptors.NsgsPerSubscriptionLimit,
    ];

    public ValidationReads Reads { get; } = ValidationReads.EstateWide(typeof(NetworkSecurityGroup));

    public IEnumerable<Diagnostic> Validate(Estate estate)
    {
        foreach (var nsg in estate.NetworkSecurityGroups)
        {
            var rules = nsg.SecurityRules.Where(r => !r.IsDefault).ToList();
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

        foreach (var (nsg, count, region) in Quota.FirstBeyondPerSubscriptionRegion(estate.NetworkSecurityGroups, limits.NetworkSecurityGroupsPerSubscriptionRegion))
        {
            yield return DiagnosticCatalog.NsgsPerSubscriptionLimit(nsg, region, count, limits.NetworkSecurityGroupsPerSubscriptionRegion);
        }
    }
}
