using VNetLab.Diagnostics;

namespace VNetLab.Validation;

/// <summary>
/// A rule's findings gathered in a list made at the first finding: rules that check millions of subjects and find
/// almost nothing allocate nothing for the subjects that pass.
/// </summary>
internal static class Findings
{
    public static void Add(ref List<Diagnostic>? findings, Diagnostic finding) => (findings ??= []).Add(finding);

    public static IEnumerable<Diagnostic> OrNone(List<Diagnostic>? findings) => findings ?? [];
}
