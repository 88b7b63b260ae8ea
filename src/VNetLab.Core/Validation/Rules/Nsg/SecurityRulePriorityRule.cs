using System.Collections.Immutable;
using VNetLab.Diagnostics;
using VNetLab.Model;

namespace VNetLab.Validation.Rules.Nsg;

/// <summary>
/// Custom rules have priorities from 100 to 4096 (constraints.md 7.1), and no two rules of an NSG share a
/// priority in the same direction (7.2; the later one is refused).
/// </summary>
internal sealed class SecurityRulePriorityRule : ScopedValidationRule<NetworkSecurityGroup>
{
    public override ImmutableArray<DiagnosticDescriptor> Descriptors { get; } =
        [DiagnosticCatalog.Descriptors.SecurityRuleInvalidPriority, DiagnosticCatalog.Descriptors.SecurityRuleConflict];

    public override ValidationReads Reads { get; } = ValidationReads.Each<NetworkSecurityGroup>();

    protected override IEnumerable<Diagnostic> Validate(ValidationPass pass, NetworkSecurityGroup nsg)
    {
        // One table for every NSG of the pass, sized for the largest: a table per NSG was most of this rule's garbage.
        var first = pass.Scratch(this, static () => new Dictionary<(SecurityRuleDirection, int), SecurityRule>());
        first.Clear();
        first.EnsureCapacity(nsg.SecurityRules.Length);
        List<Diagnostic>? findings = null;
        foreach (var rule in nsg.SecurityRules)
        {
            if (rule.IsDefault)
            {
                continue;
            }

            if (rule.Priority is < 100 or > 4096)
            {
                Findings.Add(ref findings, DiagnosticCatalog.SecurityRuleInvalidPriority(rule));
            }

            if (!first.TryAdd((rule.Direction, rule.Priority), rule))
            {
                Findings.Add(ref findings, DiagnosticCatalog.SecurityRuleConflict(rule, first[(rule.Direction, rule.Priority)]));
            }
        }

        return Findings.OrNone(findings);
    }
}
