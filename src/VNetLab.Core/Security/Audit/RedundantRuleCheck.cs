using VNetLab.Diagnostics;
using VNetLab.Model;

namespace VNetLab.Security.Audit;

/// <summary>
/// VNL6101: a custom rule whose removal changes no verdict: every packet it decides would get the same access from
/// the rules after it (an allow inside what later rules allow anyway, a deny of what they deny anyway).
/// </summary>
internal static class RedundantRuleCheck
{
    public static IEnumerable<Diagnostic> Run(NsgAuditContext context)
    {
        foreach (var audited in context.CustomRules())
        {
            var (first, i) = (audited.First, audited.Index);
            if (audited.Analyses.Any(a => a.Decided[i].IsEmpty || !SameWithout(a, i)))
            {
                continue;
            }

            var example = context.Example(first.Decided[i], audited.Nsg, audited.Direction);
            yield return DiagnosticCatalog.RedundantSecurityRule(audited.Rule.Rule,
                NsgAuditor.Names(first.RulesDeciding(first.Decided[i], i)), example.ToString());
        }
    }

    private static bool SameWithout(RuleListAnalysis analysis, int index)
    {
        var decided = analysis.Decided[index];
        var laterAllowed = analysis.AllowedFrom(index + 1);
        return analysis.Rules[index].Access == SecurityRuleAccess.Allow
            ? decided.IsSubsetOf(laterAllowed)
            : !decided.Overlaps(laterAllowed);
    }
}
