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
        foreach (var nsg in context.Estate.NetworkSecurityGroups)
        {
            foreach (var direction in Enum.GetValues<SecurityRuleDirection>())
            {
                var analyses = context.Analyses(nsg, direction);
                var first = analyses[0];
                for (var i = 0; i < first.Rules.Length; i++)
                {
                    var rule = first.Rules[i];
                    if (rule.Rule.IsDefault || analyses.Any(a => a.Decided[i].IsEmpty || !SameWithout(a, i)))
                    {
                        continue;
                    }

                    var example = context.Example(first.Decided[i], nsg, direction);
                    yield return DiagnosticCatalog.RedundantSecurityRule(rule.Rule,
                        NsgAuditor.Names(first.RulesDeciding(first.Decided[i], i)), example.ToString());
                }
            }
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
