using System.Collections.Immutable;
using VNetLab.Diagnostics;
using VNetLab.Model;

namespace VNetLab.Arm.Import;

/// <summary>What an import produced: the estate (always, even from bad input) and the input diagnostics.</summary>
public sealed record ImportResult(Estate Estate, ImmutableArray<Diagnostic> Diagnostics, ImmutableArray<string> Files)
{
    /// <summary>True when an input error makes the estate unusable (exit code 2).</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
}
