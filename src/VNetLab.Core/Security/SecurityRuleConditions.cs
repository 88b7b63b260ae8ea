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
/// <para>
/// A side that names the <c>VirtualNetwork</c> tag holds the tag's own part (<see cref="VirtualNetworkTagExpansion.Own"/>)
/// with the side's other values, and a flag for the gateway-learned part, which the NSG keeps once for all its rules and
/// passes in: the spokes of a hub then share one copy of the hub's learned prefixes instead of one merged copy each.
/// </para>
/// </remarks>
internal readonly struct SecurityRuleConditions
{
    public SecurityRuleConditions(ProtocolSet protocols, AddressSet sources, AddressSet destinations, PortSet sourcePorts,
        PortSet destinationPorts, bool appliesToPlatformTraffic, bool sourcesIncludeLearned = false, bool destinationsIncludeLearned = false)
    {
        Protocols = protocols;
        Sources = sources;
        Destinations = destinations;
        SourcePorts = sourcePorts;
        DestinationPorts = destinationPorts;
        MatchesPortlessPackets = sourcePorts.IsAll && destinationPorts.IsAll;
        AppliesToPlatformTraffic = appliesToPlatformTraffic;
        SourcesIncludeLearned = sourcesIncludeLearned;
        DestinationsIncludeLearned = destinationsIncludeLearned;
    }

    public ProtocolSet Protocols { get; }

    /// <summary>The sources, without the gateway-learned addresses of a <c>VirtualNetwork</c> tag (see <see cref="SourcesIncludeLearned"/>).</summary>
    public AddressSet Sources { get; }

    /// <summary>The destinations, without the gateway-learned addresses of a <c>VirtualNetwork</c> tag.</summary>
    public AddressSet Destinations { get; }

    public PortSet SourcePorts { get; }

    public PortSet DestinationPorts { get; }

    /// <summary>True when both port fields are <c>*</c>: only then does the rule match ICMP, ESP and AH packets (VNL9103).</summary>
    public bool MatchesPortlessPackets { get; }

    /// <summary>True when the rule names a platform service tag, the only rules that filter platform traffic (semantics.md §4.8).</summary>
    public bool AppliesToPlatformTraffic { get; }

    /// <summary>True when the sources name the <c>VirtualNetwork</c> tag, so they also hold the tag's gateway-learned addresses.</summary>
    public bool SourcesIncludeLearned { get; }

    /// <summary>True when the destinations name the <c>VirtualNetwork</c> tag.</summary>
    public bool DestinationsIncludeLearned { get; }

    /// <summary>
    /// True when <paramref name="packet"/> meets every condition; <paramref name="learned"/> is the gateway-learned part of
    /// the <c>VirtualNetwork</c> tag the rule was compiled for. Allocates nothing.
    /// </summary>
    public bool Matches(in Packet packet, in AddressSet learned) =>
        Protocols.Contains(packet.Protocol)
        && HoldsSource(packet.Source, learned)
        && HoldsDestination(packet.Destination, learned)
        && (packet.Protocol.HasPorts()
            ? SourcePorts.Contains(packet.SourcePort) && DestinationPorts.Contains(packet.DestinationPort)
            : MatchesPortlessPackets);

    /// <summary>Every condition <paramref name="packet"/> fails; <see cref="RuleMismatch.None"/> exactly when <see cref="Matches"/>.</summary>
    public RuleMismatch Mismatch(in Packet packet, in AddressSet learned)
    {
        var mismatch = RuleMismatch.None;
        if (!Protocols.Contains(packet.Protocol))
        {
            mismatch |= RuleMismatch.Protocol;
        }

        if (!HoldsSource(packet.Source, learned))
        {
            mismatch |= RuleMismatch.SourceAddress;
        }

        if (!HoldsDestination(packet.Destination, learned))
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

    public bool HoldsSource(IpAddress address, in AddressSet learned) =>
        Sources.Contains(address) || (SourcesIncludeLearned && learned.Contains(address));

    public bool HoldsDestination(IpAddress address, in AddressSet learned) =>
        Destinations.Contains(address) || (DestinationsIncludeLearned && learned.Contains(address));
}
