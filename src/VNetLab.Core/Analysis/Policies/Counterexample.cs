using VNetLab.Analysis.Reachability;
using VNetLab.Analysis.Tracing;

namespace VNetLab.Analysis.Policies;

/// <summary>A concrete packet that breaks an assertion, the class of packets it stands for, and its trace.</summary>
public sealed record Counterexample(SourceEndpoint Source, DestinationGroup Destination, PacketClass Class, Trace Trace, string Violation);
