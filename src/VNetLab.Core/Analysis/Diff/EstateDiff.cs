using VNetLab.Analysis.Reachability;
using VNetLab.Diagnostics;

namespace VNetLab.Analysis.Diff;

/// <summary>
/// What a change does: the diagnostics added or removed (keyed by code and resource), the effective route rows that
/// changed per subnet (keyed by subnet, prefix and source), and the reachability pairs gained, lost or changed
/// (keyed by source and destination). Two snapshots in, three lists of changed rows out.
/// </summary>
public static class EstateDiff
{
    public static EstateDiffResult Compare(NetworkAnalysis before, IEnumerable<Diagnostic> diagnosticsBefore, NetworkAnalysis after, IEnumerable<Diagnostic> diagnosticsAfter)
    {
        var diagnostics = RowDiff.Compare(DiagnosticRows(diagnosticsBefore), DiagnosticRows(diagnosticsAfter), Comparer<DiagnosticKey>.Create(Compare));
        var routes = RowDiff.Compare(RouteRows(before), RouteRows(after), Comparer<RouteKey>.Create(Compare));
        var reach = RowDiff.Compare(ReachRows(before), ReachRows(after), Comparer<ReachKey>.Create(Compare));
        return new EstateDiffResult(diagnostics, routes, reach);
    }

    private static IEnumerable<KeyValuePair<DiagnosticKey, string>> DiagnosticRows(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics
            .GroupBy(d => new DiagnosticKey(d.Code, d.ResourceId?.Value ?? string.Empty))
            .Select(g => KeyValuePair.Create(g.Key, string.Join(" | ", g.Select(d => d.Message).Order(StringComparer.Ordinal))));

    private static IEnumerable<KeyValuePair<RouteKey, string>> RouteRows(NetworkAnalysis analysis) =>
        analysis.Routing.Subnets.SelectMany(s => analysis.Routing.EffectiveRoutesOf(s.SubnetId)
            .GroupBy(r => new RouteKey(s.SubnetId.Value, string.Join(",", r.AddressPrefixes), r.Source.ToString()))
            .Select(g => KeyValuePair.Create(g.Key, string.Join(" | ", g.Select(r =>
                $"{r.State} {r.NextHopType}{(r.NextHopIpAddresses.IsEmpty ? string.Empty : " " + string.Join(",", r.NextHopIpAddresses))}{(r.Name is null ? string.Empty : " (" + r.Name + ")")}")))));

    private static IEnumerable<KeyValuePair<ReachKey, string>> ReachRows(NetworkAnalysis analysis) =>
        new ReachabilityMatrix(analysis).Compute()
            .Select(r => KeyValuePair.Create(new ReachKey(r.Source, r.Destination), r.Summary + " -> " + string.Join(",", r.Cells.Select(c => c.Exits).Distinct())));

    private static int Compare(DiagnosticKey a, DiagnosticKey b) =>
        Then(StringComparer.OrdinalIgnoreCase.Compare(a.ResourceId, b.ResourceId), StringComparer.Ordinal.Compare(a.Code, b.Code));

    private static int Compare(RouteKey a, RouteKey b) =>
        Then(StringComparer.OrdinalIgnoreCase.Compare(a.SubnetId, b.SubnetId),
            Then(StringComparer.Ordinal.Compare(a.AddressPrefix, b.AddressPrefix), StringComparer.Ordinal.Compare(a.Source, b.Source)));

    private static int Compare(ReachKey a, ReachKey b) =>
        Then(StringComparer.Ordinal.Compare(a.Source, b.Source), StringComparer.Ordinal.Compare(a.Destination, b.Destination));

    private static int Then(int first, int second) => first != 0 ? first : second;
}
