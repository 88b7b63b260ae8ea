using System.Collections.Immutable;

namespace VNetLab.Analysis.Diff;

/// <summary>The changed rows of a diff.</summary>
public sealed record EstateDiffResult(
    ImmutableArray<RowChange<DiagnosticKey, string>> Diagnostics,
    ImmutableArray<RowChange<RouteKey, string>> Routes,
    ImmutableArray<RowChange<ReachKey, string>> Reachability)
{
    public bool IsEmpty => Diagnostics.IsEmpty && Routes.IsEmpty && Reachability.IsEmpty;
}
