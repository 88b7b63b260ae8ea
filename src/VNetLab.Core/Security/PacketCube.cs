using VNetLab.Addressing;

namespace VNetLab.Security;

/// <summary>
/// A product of five sets: every packet whose protocol, source address, destination address, source port and
/// destination port each lie in the matching set. One NSG rule's match condition is one or two cubes; a
/// <see cref="PacketSet"/> is a union of disjoint cubes.
/// </summary>
/// <remarks>
/// A cube with any empty dimension is empty. Immutable; equality is per dimension. Cubes built by the engine
/// stay inside the packet universe (<see cref="PacketSet.All"/>): port-less protocols only with ports 0 → 0.
/// </remarks>
public readonly record struct PacketCube(
    ProtocolSet Protocols,
    AddressSet Sources,
    AddressSet Destinations,
    PortSet SourcePorts,
    PortSet DestinationPorts)
{
    /// <summary>Every TCP and UDP packet, any addresses and ports.</summary>
    public static PacketCube AllWithPorts => new(ProtocolSet.WithPorts, AddressSet.All, AddressSet.All, PortSet.All, PortSet.All);

    /// <summary>Every ICMP, ESP and AH packet, any addresses; their ports are 0 by convention (<see cref="Packet"/>).</summary>
    public static PacketCube AllWithoutPorts => new(ProtocolSet.WithoutPorts, AddressSet.All, AddressSet.All, PortSet.FromPort(0), PortSet.FromPort(0));

    public bool IsEmpty =>
        Protocols.IsEmpty || Sources.IsEmpty || Destinations.IsEmpty || SourcePorts.IsEmpty || DestinationPorts.IsEmpty;

    /// <summary>Membership test; allocates nothing.</summary>
    public bool Contains(in Packet packet) =>
        Protocols.Contains(packet.Protocol)
        && Sources.Contains(packet.Source)
        && Destinations.Contains(packet.Destination)
        && SourcePorts.Contains(packet.SourcePort)
        && DestinationPorts.Contains(packet.DestinationPort);

    public PacketCube Intersect(in PacketCube other) => new(
        Protocols.Intersect(other.Protocols),
        Sources.Intersect(other.Sources),
        Destinations.Intersect(other.Destinations),
        SourcePorts.Intersect(other.SourcePorts),
        DestinationPorts.Intersect(other.DestinationPorts));

    public bool Overlaps(in PacketCube other) =>
        Protocols.Overlaps(other.Protocols)
        && Sources.Overlaps(other.Sources)
        && Destinations.Overlaps(other.Destinations)
        && SourcePorts.Overlaps(other.SourcePorts)
        && DestinationPorts.Overlaps(other.DestinationPorts);

    public bool IsSubsetOf(in PacketCube other) =>
        IsEmpty
        || (Protocols.IsSubsetOf(other.Protocols)
            && Sources.IsSubsetOf(other.Sources)
            && Destinations.IsSubsetOf(other.Destinations)
            && SourcePorts.IsSubsetOf(other.SourcePorts)
            && DestinationPorts.IsSubsetOf(other.DestinationPorts));

    /// <summary>
    /// Adds to <paramref name="into"/> up to five pairwise-disjoint cubes whose union is this cube minus
    /// <paramref name="other"/>: peel off, one dimension at a time, the part outside <paramref name="other"/>.
    /// </summary>
    public void ExceptInto(in PacketCube other, List<PacketCube> into)
    {
        if (!Overlaps(other))
        {
            if (!IsEmpty)
            {
                into.Add(this);
            }

            return;
        }

        var rest = this;
        AddIfNotEmpty(into, rest with { Protocols = rest.Protocols.Except(other.Protocols) });
        rest = rest with { Protocols = rest.Protocols.Intersect(other.Protocols) };
        AddIfNotEmpty(into, rest with { Sources = rest.Sources.Except(other.Sources) });
        rest = rest with { Sources = rest.Sources.Intersect(other.Sources) };
        AddIfNotEmpty(into, rest with { Destinations = rest.Destinations.Except(other.Destinations) });
        rest = rest with { Destinations = rest.Destinations.Intersect(other.Destinations) };
        AddIfNotEmpty(into, rest with { SourcePorts = rest.SourcePorts.Except(other.SourcePorts) });
        rest = rest with { SourcePorts = rest.SourcePorts.Intersect(other.SourcePorts) };
        AddIfNotEmpty(into, rest with { DestinationPorts = rest.DestinationPorts.Except(other.DestinationPorts) });
    }

    /// <summary>The replies to these packets: sources and destinations swapped, ports with them.</summary>
    public PacketCube Reverse() => new(Protocols, Destinations, Sources, DestinationPorts, SourcePorts);

    /// <summary>The lowest packet of the cube (first protocol, lowest addresses and ports): a cheap example.</summary>
    public bool TryGetSample(out Packet packet)
    {
        if (!IsEmpty && Protocols.TryGetFirst(out var protocol) && Sources.TryGetFirst(out var source)
            && Destinations.TryGetFirst(out var destination) && SourcePorts.TryGetFirst(out var sourcePort)
            && DestinationPorts.TryGetFirst(out var destinationPort))
        {
            packet = new Packet(protocol, source, sourcePort, destination, destinationPort);
            return true;
        }

        packet = default;
        return false;
    }

    /// <summary>For example <c>Tcp {10.0.0.0/8} -> {*} ports {*} -> {22, 3389}</c>.</summary>
    public override string ToString() =>
        $"{Protocols} {Describe(Sources)}:{SourcePorts} -> {Describe(Destinations)}:{DestinationPorts}";

    private static string Describe(AddressSet addresses) => addresses.IsAll ? "{*}" : addresses.ToString();

    private static void AddIfNotEmpty(List<PacketCube> into, in PacketCube cube)
    {
        if (!cube.IsEmpty)
        {
            into.Add(cube);
        }
    }
}
