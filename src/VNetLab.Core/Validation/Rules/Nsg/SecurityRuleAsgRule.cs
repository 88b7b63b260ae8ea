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
        List<Diagnostic>? findings = null;
        foreach (var rule in nsg.SecurityRules)
        {
            if (rule.IsDefault)
            {
                continue;
            }

            var (source, destination) = (rule.SourceApplicationSecurityGroupIds, rule.DestinationApplicationSecurityGroupIds);
            if (InSeveralVnets(pass, source, destination))
            {
                // Only a finding names the VNets, so only a finding lists and sorts them.
                var vnets = source.Concat(destination).SelectMany(a => VnetsOf(pass, a)).Distinct().Order().ToList();
                Findings.Add(ref findings, DiagnosticCatalog.AsgsFromSeveralVnetsInRule(rule, vnets));
            }

            if (source.Length > limits.ApplicationSecurityGroupsPerRuleSide)
            {
                Findings.Add(ref findings, DiagnosticCatalog.AsgsPerRuleLimit(rule, "SourceApplicationSecurityGroups", source.Length,
                    limits.ApplicationSecurityGroupsPerRuleSide));
            }

            if (destination.Length > limits.ApplicationSecurityGroupsPerRuleSide)
            {
                Findings.Add(ref findings, DiagnosticCatalog.AsgsPerRuleLimit(rule, "DestinationApplicationSecurityGroups", destination.Length,
                    limits.ApplicationSecurityGroupsPerRuleSide));
            }
        }

        return Findings.OrNone(findings);
    }

    /// <summary>True when the members of the ASGs on both sides sit in more than one VNet.</summary>
    private bool InSeveralVnets(ValidationPass pass, ImmutableArray<ResourceId> source, ImmutableArray<ResourceId> destination)
    {
        ResourceId? first = null;
        return Several(source) || Several(destination);

        bool Several(ImmutableArray<ResourceId> asgs)
        {
            foreach (var asg in asgs)
            {
                foreach (var vnet in VnetsOf(pass, asg))
                {
                    first ??= vnet;
                    if (vnet != first)
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }

    // From what the pass gathered while it walked the NICs when it has; else an ASG named by many rules (a tier, in
    // every rule of its spoke) has its members walked once per pass.
    private ImmutableArray<ResourceId> VnetsOf(ValidationPass pass, ResourceId asg) =>
        pass.AsgVirtualNetworks is { } gathered ? gathered.Of(asg) : pass.Shared(this, asg, AsgMembers.VnetsOf);
}
