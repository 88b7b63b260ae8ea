using System.Collections.Immutable;
using VNetLab.Addressing;
using VNetLab.Diagnostics;
using VNetLab.Model;

namespace VNetLab.Security;

/// <summary>
/// A security rule turned into sets: protocols, source and destination addresses (service tags, ASGs and
/// augmented prefix lists already expanded for one subnet's context), source and destination ports. Matching a
/// packet is five set lookups and allocates nothing.
/// </summary>
public sealed class CompiledSecurityRule
{
    private readonly Lazy<PacketSet> _packets;

    internal CompiledSecurityRule(
        SecurityRule rule,
        ProtocolSet protocols,
        ImmutableArray<RuleAddress> sources,
        ImmutableArray<RuleAddress> destinations,
        PortSet sourcePorts,
        PortSet destinationPorts,
        ImmutableArray<Diagnostic> notes)
    {
        Rule = rule;
        Name = (rule.IsDefault ? "defaultSecurityRules/" : "securityRules/") + rule.Name;
        Protocols = protocols;
        SourceTerms = sources;
        DestinationTerms = destinations;
        Sources = Union(sources);
        Destinations = Union(destinations);
        SourcePorts = sourcePorts;
        DestinationPorts = destinationPorts;
        MatchesPortlessPackets = sourcePorts.IsAll && destinationPorts.IsAll;
        AppliesToPlatformTraffic = sources.Concat(destinations)
            .Any(t => t.Kind == RuleAddressKind.ServiceTag && ServiceTagNames.IsPlatformServiceTag(t.Text));
        Notes = notes;
        // Only set questions (allowed packets, audit) need the cubes; a flow verdict never does.
        _packets = new(BuildPackets);
    }

    /// <summary>The rule as the model holds it.</summary>
    public SecurityRule Rule { get; }

    /// <summary>The name as Azure's effective rules and IP flow verify print it: <c>securityRules/NAME</c> or <c>defaultSecurityRules/NAME</c>.</summary>
    public string Name { get; }

    public SecurityRuleAccess Access => Rule.Access;

    public int Priority => Rule.Priority;

    public SecurityRuleDirection Direction => Rule.Direction;

    public ProtocolSet Protocols { get; }

    /// <summary>Each source value as written and resolved (for effective rules and explanations).</summary>
    public ImmutableArray<RuleAddress> SourceTerms { get; }

    public ImmutableArray<RuleAddress> DestinationTerms { get; }

    public AddressSet Sources { get; }

    public AddressSet Destinations { get; }

    public PortSet SourcePorts { get; }

    public PortSet DestinationPorts { get; }

    /// <summary>
    /// True when both port fields are <c>*</c>: only then does the rule match ICMP, ESP and AH packets, which have
    /// no ports (VNL9103).
    /// </summary>
    public bool MatchesPortlessPackets { get; }

    /// <summary>True when the rule names AzurePlatformDNS, AzurePlatformIMDS or AzurePlatformLKM, the only rules that filter platform traffic.</summary>
    public bool AppliesToPlatformTraffic { get; }

    /// <summary>Every packet the rule matches, exactly (the symbolic form of <see cref="Matches"/>).</summary>
    public PacketSet Packets => _packets.Value;

    /// <summary>What the twin assumed or could not read while compiling the rule (VNL91xx).</summary>
    public ImmutableArray<Diagnostic> Notes { get; }

    /// <summary>True when the rule matches <paramref name="packet"/>; allocates nothing.</summary>
    public bool Matches(in Packet packet) =>
        Protocols.Contains(packet.Protocol)
        && Sources.Contains(packet.Source)
        && Destinations.Contains(packet.Destination)
        && (packet.Protocol.HasPorts()
            ? SourcePorts.Contains(packet.SourcePort) && DestinationPorts.Contains(packet.DestinationPort)
            : MatchesPortlessPackets);

    /// <summary>Which conditions of the rule <paramref name="packet"/> fails; <see cref="RuleMismatch.None"/> when it matches.</summary>
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

    public override string ToString() => $"{Name} ({Direction} {Priority} {Access})";

    private static AddressSet Union(ImmutableArray<RuleAddress> terms)
    {
        var set = AddressSet.Empty;
        foreach (var term in terms)
        {
            set = set.Union(term.Addresses);
        }

        return set;
    }

    private PacketSet BuildPackets()
    {
        var withPorts = PacketSet.Where(Protocols.Intersect(ProtocolSet.WithPorts), Sources, Destinations, SourcePorts, DestinationPorts);
        if (!MatchesPortlessPackets)
        {
            return withPorts;
        }

        return withPorts.Union(PacketSet.Where(Protocols.Intersect(ProtocolSet.WithoutPorts), Sources, Destinations));
    }
}
