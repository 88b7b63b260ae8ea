using System.Collections.Immutable;
using VNetLab.Diagnostics;
using VNetLab.Security;

namespace VNetLab.Analysis.Tracing;

/// <summary>
/// One packet's path through the estate, hop by hop, and how it ended: batfish's Trace in Azure's words
/// (STYLE.md 6.5). <see cref="Notes"/> holds the VNL98xx notes of every assumption or limit the trace met;
/// an <see cref="FlowDisposition.Unresolved"/> trace always has one.
/// </summary>
public sealed record Trace(Packet Packet, TraceEndpoint Source, FlowDisposition Disposition, ImmutableArray<Hop> Hops, ImmutableArray<Diagnostic> Notes)
{
    /// <summary>Every step of every hop, in order.</summary>
    public IEnumerable<Step> Steps => Hops.SelectMany(h => h.Steps);

    /// <summary>The last hop: where the packet was delivered, exited or dropped.</summary>
    public Hop? LastHop => Hops.IsEmpty ? null : Hops[^1];
}
