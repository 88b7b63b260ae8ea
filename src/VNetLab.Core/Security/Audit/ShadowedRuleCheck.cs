using VNetLab.Diagnostics;

namespace VNetLab.Security.Audit;

/// <summary>
/// VNL6100: a custom rule that can never match, because higher-priority rules match every packet it would
/// (semantics.md §4.1, first match wins). Rules that match nothing on their own (an unknown tag, an empty ASG) are
/// left to VNL9102 and VNL6105.
/// </summary>
internal static class ShadowedRuleCheck
{
    public static IEnumerable<Diagnostic> Run(NsgAuditContext context)
    {
        foreach (var audited in context.CustomRules())
        {
            var (first, i, rule) = (audited.First, audited.Index, audited.Rule);
            if (rule.Packets.IsEmpty || !audited.Analyses.All(a => a.Decided[i].IsEmpty))
            {
                continue;
            }

            var example = context.Example(rule.Packets, audited.Nsg, audited.Direction);
            var decider = first.Rules[first.IndexOfFirstMatch(example)];
            yield return DiagnosticCatalog.ShadowedSecurityRule(rule.Rule,
                NsgAuditor.Names(first.EarlierRulesOverlapping(i)), example.ToString(), decider.Name);
        }
    }
}
