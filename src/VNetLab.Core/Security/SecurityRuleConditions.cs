using VNetLab.Addressing;

namespace VNetLab.Security;

/// <summary>
/// What a compiled security rule tests a packet against (protocols, source and destination addresses, source and
/// destination ports) and whether it filters platform traffic, as one value.
/// </summary>
/// <remarks>
/// A <see cref="CompiledNetworkSecurityGroup"/> keeps its rules' conditions side by side in one array per direction,
/// so a flow verdict walks contiguous memory and touches no rule object until one matches. Walking the rule objects
/// themselves read one object per rule, wherever the heap had put it: on estates larger than the cache, that cost more
/// per rule than the test itself.
/// </remarks>
internal readonly struct SecurityRuleConditions
{
    public SecurityRuleConditions(ProtocolSet protocols, AddressSet sources, AddressSet destinations, PortSet sourcePorts,
        PortSet destinationPorts, bool appliesToPlatformTraffic)
    {
        Protocols = protocols;
        Sources = sources;
        Destinations = destinations;
        SourcePorts = sourcePorts;
        DestinationPorts = destinationPorts;
        MatchesPortlessPackets = sourcePorts.IsAll && destinationPorts.IsAll;
        AppliesToPlatformTraffic = appliesToPlatformTraffic;
    }

    public ProtocolSet Protocols { get; }

    public AddressSet Sources { get; }

    public AddressSet Destinations { get; }

    public PortSet SourcePorts { get; }

    public PortSet DestinationPorts { get; }

    /// <summary>True when both port fields are <c>*</c>: only then does the rule match ICMP, ESP and AH packets (VNL9103).</summary>
    public bool MatchesPortlessPackets { get; }

    /// <summary>True when the rule names a platform service tag, the only rules that filter platform traffic (semantics.md §4.8).</summary>
    public bool AppliesToPlatformTraffic { get; }

    /// <summary>True when <paramref name="packet"/> meets every condition; allocates nothing.</summary>
    public bool Matches(in Packet packet) =>
        Protocols.Contains(packet.Protocol)
        && Sources.Contains(packet.Source)
        && Destinations.Contains(packet.Destination)
        && (packet.Protocol.HasPorts()
            ? SourcePorts.Contains(packet.SourcePort) && DestinationPorts.Contains(packet.DestinationPort)
            : MatchesPortlessPackets);

    /// <summary>Every condition <paramref name="packet"/> fails; <see cref="RuleMismatch.None"/> exactly when <see cref="Matches"/>.</summary>
    public RuleMismatch Mismatch(in Packet packet)
    {
        var mismatch = RuleMismatch.None;
        if (!Protocols.Contains(packet.Protocol))
        {
            mismatch |= RuleMismatch.Protocol;
        }

        if (!Sources.Contains(packet.Source))
        {
            mismatch |= RuleMismatch.SourceAddress;
        }

        if (!Destinations.Contains(packet.Destination))
        {
            mismatch |= RuleMismatch.DestinationAddress;
        }

        if (packet.Protocol.HasPorts())
        {
            if (!SourcePorts.Contains(packet.SourcePort))
            {
                mismatch |= RuleMismatch.SourcePort;
            }

            if (!DestinationPorts.Contains(packet.DestinationPort))
            {
                mismatch |= RuleMismatch.DestinationPort;
            }
        }
        else if (!MatchesPortlessPackets)
        {
            mismatch |= RuleMismatch.PortsOfPortlessProtocol;
        }

        return mismatch;
    }
}
