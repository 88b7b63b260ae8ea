using System.Collections.Immutable;

namespace VNetLab.Analysis.Reachability;

/// <summary>One (source, destination) pair of the reach matrix and what gets through, per protocol; no row when nothing does.</summary>
public sealed record ReachRow(string Source, string Destination, ImmutableArray<ReachCell> Cells)
{
    /// <summary>The cells in one line, e.g. <c>Tcp 25,80,443; Udp * (partial)</c>: the value the diff compares.</summary>
    public string Summary => string.Join("; ", Cells.Select(c => c.ToString()));
}
