using VNetLab.Addressing;
using VNetLab.Security;

namespace VNetLab.Analysis.Reachability;

/// <summary>
/// A set of packets every engine treats alike: one protocol, a source and a destination address range and port
/// range inside which no route prefix, rule prefix or rule port range begins or ends. One trace of
/// <see cref="Representative"/> therefore decides for every packet of the class.
/// </summary>
public readonly record struct PacketClass(SecurityProtocol Protocol, AddressRange Sources, AddressRange Destinations, PortRange SourcePorts, PortRange DestinationPorts)
{
    /// <summary>The lowest packet of the class: the one traced, and the counterexample shown when the class fails.</summary>
    public Packet Representative => Packet.Create(Protocol, Sources.First, SourcePorts.First, Destinations.First, DestinationPorts.First);

    public override string ToString() => Protocol.HasPorts()
        ? $"{Protocol} {Sources}:{SourcePorts} -> {Destinations}:{DestinationPorts}"
        : $"{Protocol} {Sources} -> {Destinations}";
}
