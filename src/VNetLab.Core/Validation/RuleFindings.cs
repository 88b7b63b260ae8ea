using System.Collections.Immutable;
using VNetLab.Diagnostics;
using VNetLab.Model;

namespace VNetLab.Validation;

/// <summary>
/// One rule's findings in one run: all of them, in the order the rule yields them, and for a scoped rule the same
/// findings divided by subject (only subjects with findings, in the estate's order) plus the estate-wide rest.
/// </summary>
internal sealed record RuleFindings(
    ImmutableArray<Diagnostic> All,
    ImmutableArray<(ResourceId Subject, ImmutableArray<Diagnostic> Findings)> BySubject,
    ImmutableArray<Diagnostic> EstateWide)
{
    public static RuleFindings Unscoped(IEnumerable<Diagnostic> all) => new([.. all], [], []);

    public static RuleFindings Scoped(ImmutableArray<(ResourceId Subject, ImmutableArray<Diagnostic> Findings)> bySubject, ImmutableArray<Diagnostic> estateWide) =>
        new([.. bySubject.SelectMany(s => s.Findings), .. estateWide], bySubject, estateWide);
}
