using VNetLab.Diagnostics;
using VNetLab.Model;

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
        foreach (var nsg in context.Estate.NetworkSecurityGroups)
        {
            foreach (var direction in Enum.GetValues<SecurityRuleDirection>())
            {
                var analyses = context.Analyses(nsg, direction);
                var first = analyses[0];
                for (var i = 0; i < first.Rules.Length; i++)
                {
                    var rule = first.Rules[i];
                    if (rule.Rule.IsDefault || rule.Packets.IsEmpty || !analyses.All(a => a.Decided[i].IsEmpty))
                    {
                        continue;
                    }

                    var example = context.Example(rule.Packets, nsg, direction);
                    var decider = first.Rules[first.IndexOfFirstMatch(example)];
                    yield return DiagnosticCatalog.ShadowedSecurityRule(rule.Rule,
                        NsgAuditor.Names(first.EarlierRulesOverlapping(i)), example.ToString(), decider.Name);
                }
            }
        }
    }
}
