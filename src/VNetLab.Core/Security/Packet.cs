using System.Globalization;
using VNetLab.Addressing;
using VNetLab.Model;

namespace VNetLab.Security;

/// <summary>
/// The five-tuple NSG rules are evaluated on: protocol, source address and port, destination address and
/// port (semantics.md §4.1). Addresses are the private ones: NSGs see traffic after inbound NAT and before
/// outbound NAT.
/// </summary>
/// <remarks>
/// ICMP, ESP and AH packets carry no ports. The twin gives them port 0 on both sides (see <see cref="Create"/>)
/// and a rule that names ports matches them only when its ports are <c>*</c> (VNL9103), so a port-less packet
/// can never slip through or be caught by a rule such as "port 0-100".
/// </remarks>
public readonly record struct Packet(
    SecurityProtocol Protocol,
    IpAddress Source,
    int SourcePort,
    IpAddress Destination,
    int DestinationPort)
{
    /// <summary>A packet, with the ports of a port-less protocol forced to 0.</summary>
    public static Packet Create(SecurityProtocol protocol, IpAddress source, int sourcePort, IpAddress destination, int destinationPort) =>
        protocol.HasPorts()
            ? new(protocol, source, sourcePort, destination, destinationPort)
            : new(protocol, source, 0, destination, 0);

    /// <summary>
    /// The packet as seen by a NIC in <paramref name="direction"/>: inbound packets come from the remote end to
    /// the local one, outbound packets the other way (IP flow verify's local/remote parameters, semantics.md §1.4).
    /// </summary>
    public static Packet ForDirection(SecurityRuleDirection direction, SecurityProtocol protocol,
        IpAddress localAddress, int localPort, IpAddress remoteAddress, int remotePort) =>
        direction == SecurityRuleDirection.Inbound
            ? Create(protocol, remoteAddress, remotePort, localAddress, localPort)
            : Create(protocol, localAddress, localPort, remoteAddress, remotePort);

    /// <summary>The reply to this packet: addresses and ports swapped.</summary>
    public Packet Reverse() => new(Protocol, Destination, DestinationPort, Source, SourcePort);

    /// <summary>The address at the far end for a NIC that sees this packet in <paramref name="direction"/>.</summary>
    public IpAddress RemoteAddress(SecurityRuleDirection direction) =>
        direction == SecurityRuleDirection.Inbound ? Source : Destination;

    /// <summary>For example <c>Tcp 10.0.0.4:50000 -> 93.184.216.34:443</c> or <c>Icmp 10.0.0.4 -> 10.1.0.4</c>.</summary>
    public override string ToString() =>
        Protocol.HasPorts()
            ? string.Create(CultureInfo.InvariantCulture, $"{Protocol} {Source}:{SourcePort} -> {Destination}:{DestinationPort}")
            : string.Create(CultureInfo.InvariantCulture, $"{Protocol} {Source} -> {Destination}");
}
