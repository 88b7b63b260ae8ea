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

    protected override IEnumerable<Diagnostic> Validate(Estate estate, NetworkSecurityGroup nsg)
    {
        // Sized for every rule at once: growing it step by step allocated several times its final size per NSG.
        var first = new Dictionary<(SecurityRuleDirection, int), SecurityRule>(nsg.SecurityRules.Length);
        foreach (var rule in SecurityRuleFields.CustomRules(nsg))
        {
            if (rule.Priority is < 100 or > 4096)
            {
                yield return DiagnosticCatalog.SecurityRuleInvalidPriority(rule);
            }

            if (!first.TryAdd((rule.Direction, rule.Priority), rule))
            {
                yield return DiagnosticCatalog.SecurityRuleConflict(rule, first[(rule.Direction, rule.Priority)]);
            }
        }
    }
}
