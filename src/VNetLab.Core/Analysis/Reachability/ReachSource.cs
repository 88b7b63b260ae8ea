using System.Collections.Immutable;
using VNetLab.Addressing;
using VNetLab.Analysis.Policies;

namespace VNetLab.Analysis.Reachability;

/// <summary>One row label of the reach matrix: its endpoints, and every address they send from.</summary>
internal sealed record ReachSource(string Label, ImmutableArray<SourceEndpoint> Endpoints, AddressSet Addresses);
