using VNetLab.Addressing;
using VNetLab.Analysis.Policies;

namespace VNetLab.Analysis.Reachability;

/// <summary>One representative sender of a source row: its endpoint, its address atoms, and its subnet and table.</summary>
internal readonly record struct Sender(SourceEndpoint Endpoint, List<AddressRange> Atoms, SenderRouting Routing);
