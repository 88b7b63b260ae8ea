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
        var (rules, sources, destinations, asgReferences) = (0, 0, 0, 0);
        foreach (var rule in nsg.SecurityRules)
        {
            if (!rule.IsDefault)
            {
                rules++;
                sources += rule.SourceAddressPrefixes.Length;
                destinations += rule.DestinationAddressPrefixes.Length;
                asgReferences += rule.SourceApplicationSecurityGroupIds.Length + rule.DestinationApplicationSecurityGroupIds.Length;
            }
        }

        List<Diagnostic>? findings = null;
        if (rules > limits.SecurityRulesPerNetworkSecurityGroup)
        {
            Findings.Add(ref findings, DiagnosticCatalog.RulesPerNsgLimit(nsg, rules, limits.SecurityRulesPerNetworkSecurityGroup));
        }

        if (sources > limits.AddressesPerNetworkSecurityGroupSide)
        {
            Findings.Add(ref findings, DiagnosticCatalog.AddressesPerNsgLimit(nsg, "source", sources, limits.AddressesPerNetworkSecurityGroupSide));
        }

        if (destinations > limits.AddressesPerNetworkSecurityGroupSide)
        {
            Findings.Add(ref findings, DiagnosticCatalog.AddressesPerNsgLimit(nsg, "destination", destinations, limits.AddressesPerNetworkSecurityGroupSide));
        }

        // Distinct ASGs are never more than the references to them: count them only when the references exceed the limit.
        if (asgReferences > limits.ApplicationSecurityGroupsPerNetworkSecurityGroup
            && DistinctAsgs(nsg) is var asgs && asgs > limits.ApplicationSecurityGroupsPerNetworkSecurityGroup)
        {
            Findings.Add(ref findings, DiagnosticCatalog.AsgsPerNsgLimit(nsg, asgs, limits.ApplicationSecurityGroupsPerNetworkSecurityGroup));
        }

        return Findings.OrNone(findings);
    }

    // A 200-rule NSG names its few tier ASGs hundreds of times: a set of the distinct ones stays small.
    private static int DistinctAsgs(NetworkSecurityGroup nsg)
    {
        var asgs = new HashSet<ResourceId>();
        foreach (var rule in nsg.SecurityRules)
        {
            if (!rule.IsDefault)
            {
                asgs.UnionWith(rule.SourceApplicationSecurityGroupIds);
                asgs.UnionWith(rule.DestinationApplicationSecurityGroupIds);
            }
        }

        return asgs.Count;
    }

    public override IEnumerable<Diagnostic> ValidateEstateWide(Estate estate)
    {
        foreach (var (nsg, count, region) in Quota.FirstBeyondPerSubscriptionRegion(estate.NetworkSecurityGroups, limits.NetworkSecurityGroupsPerSubscriptionRegion))
        {
            yield return DiagnosticCatalog.NsgsPerSubscriptionLimit(nsg, region, count, limits.NetworkSecurityGroupsPerSubscriptionRegion);
        }
    }
}
