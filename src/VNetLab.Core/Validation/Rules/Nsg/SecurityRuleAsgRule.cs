using System.Collections.Immutable;
using VNetLab.Diagnostics;
using VNetLab.Model;

namespace VNetLab.Validation.Rules.Nsg;

/// <summary>
/// The application security groups of one rule all belong to one VNet (constraints.md 7.7), and a rule
/// names at most ten in its source and ten in its destination (7.8). An ASG belongs to the VNet of its
/// members' NICs; an ASG without members belongs to none yet.
/// </summary>
internal sealed class SecurityRuleAsgRule(ValidationLimits limits) : ScopedValidationRule<NetworkSecurityGroup>
{
    public override ImmutableArray<DiagnosticDescriptor> Descriptors { get; } =
        [DiagnosticCatalog.Descriptors.AsgsFromSeveralVnetsInRule, DiagnosticCatalog.Descriptors.AsgsPerRuleLimit];

    public override ValidationReads Reads { get; } =
        ValidationReads.Each<NetworkSecurityGroup>(typeof(ApplicationSecurityGroup), typeof(NetworkInterface));

    protected override IEnumerable<Diagnostic> Validate(ValidationPass pass, NetworkSecurityGroup nsg)
    {
        var estate = pass.Estate;
        foreach (var rule in SecurityRuleFields.CustomRules(nsg))
        {
            var asgs = rule.SourceApplicationSecurityGroupIds.Concat(rule.DestinationApplicationSecurityGroupIds);
            // An ASG named by many rules (a tier, in every rule of its spoke) has its members walked once per pass.
            var vnets = asgs.SelectMany(a => pass.Shared(this, a, AsgMembers.VnetsOf)).Distinct().Order().ToList();
            if (vnets.Count > 1)
            {
                yield return DiagnosticCatalog.AsgsFromSeveralVnetsInRule(rule, vnets);
            }

            foreach (var (field, ids) in new[]
            {
                ("SourceApplicationSecurityGroups", rule.SourceApplicationSecurityGroupIds),
                ("DestinationApplicationSecurityGroups", rule.DestinationApplicationSecurityGroupIds),
            })
            {
                if (ids.Length > limits.ApplicationSecurityGroupsPerRuleSide)
                {
                    yield return DiagnosticCatalog.AsgsPerRuleLimit(rule, field, ids.Length, limits.ApplicationSecurityGroupsPerRuleSide);
                }
            }
        }
    }
}
