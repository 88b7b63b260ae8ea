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
    // Both made on first read, without a Lazy per rule: the large estate compiles two million rules, and a flow
    // verdict reads neither (the name only for the deciding rule, when it is printed). Racing threads make equal values.
    private PacketSet? _packets;
    private string? _name;

    // The conditions live in the NSG's array for the rule's direction, in evaluation order, where verdicts walk them; the
    // rule points at its entry instead of keeping a copy, and members read it in place. The NSG also holds the
    // gateway-learned part of the VirtualNetwork tag, which the conditions flag rather than hold.
    private readonly CompiledNetworkSecurityGroup _networkSecurityGroup;
    private readonly int _conditionsIndex;

    internal CompiledSecurityRule(in SecurityRuleTerms terms, CompiledNetworkSecurityGroup networkSecurityGroup, int conditionsIndex)
    {
        Rule = terms.Rule;
        SourceTerms = terms.Sources;
        DestinationTerms = terms.Destinations;
        Notes = terms.Notes;
        _networkSecurityGroup = networkSecurityGroup;
        _conditionsIndex = conditionsIndex;
    }

    /// <summary>The rule as the model holds it.</summary>
    public SecurityRule Rule { get; }

    /// <summary>The name as Azure's effective rules and IP flow verify print it: <c>securityRules/NAME</c> or <c>defaultSecurityRules/NAME</c>.</summary>
    public string Name => _name ??= (Rule.IsDefault ? "defaultSecurityRules/" : "securityRules/") + Rule.Name;

    public SecurityRuleAccess Access => Rule.Access;

    public int Priority => Rule.Priority;

    public SecurityRuleDirection Direction => Rule.Direction;

    public ProtocolSet Protocols => Conditions.Protocols;

    /// <summary>Each source value as written and resolved (for effective rules and explanations).</summary>
    public ImmutableArray<RuleAddress> SourceTerms { get; }

    public ImmutableArray<RuleAddress> DestinationTerms { get; }

    /// <summary>
    /// Every source address the rule matches. A side that names the <c>VirtualNetwork</c> tag alone is the tag's whole set,
    /// shared; one that names it with other values is their union, made at each read (tests of one address ask
    /// <see cref="HoldsSource"/>, which makes nothing).
    /// </summary>
    public AddressSet Sources => Conditions.SourcesIncludeLearned ? Union(SourceTerms) : Conditions.Sources;

    /// <summary>Every destination address the rule matches (see <see cref="Sources"/>).</summary>
    public AddressSet Destinations => Conditions.DestinationsIncludeLearned ? Union(DestinationTerms) : Conditions.Destinations;

    public PortSet SourcePorts => Conditions.SourcePorts;

    public PortSet DestinationPorts => Conditions.DestinationPorts;

    /// <summary>
    /// True when both port fields are <c>*</c>: only then does the rule match ICMP, ESP and AH packets, which have
    /// no ports (VNL9103).
    /// </summary>
    public bool MatchesPortlessPackets => Conditions.MatchesPortlessPackets;

    /// <summary>True when the rule names AzurePlatformDNS, AzurePlatformIMDS or AzurePlatformLKM, the only rules that filter platform traffic.</summary>
    public bool AppliesToPlatformTraffic => Conditions.AppliesToPlatformTraffic;

    /// <summary>Every packet the rule matches, exactly (the symbolic form of <see cref="Matches"/>).</summary>
    /// <remarks>Only set questions (allowed packets, audit) need the cubes; a flow verdict never does.</remarks>
    public PacketSet Packets => _packets ?? PublishPackets();

    /// <summary>What the twin assumed or could not read while compiling the rule (VNL91xx).</summary>
    public ImmutableArray<Diagnostic> Notes { get; }

    /// <summary>The conditions as one value, which the NSG lays out side by side with its other rules'.</summary>
    internal ref readonly SecurityRuleConditions Conditions => ref _networkSecurityGroup.ConditionsAt(_conditionsIndex);

    /// <summary>True when the rule matches <paramref name="packet"/>; allocates nothing.</summary>
    public bool Matches(in Packet packet) => Conditions.Matches(packet, _networkSecurityGroup.Learned);

    /// <summary>Which conditions of the rule <paramref name="packet"/> fails; <see cref="RuleMismatch.None"/> when it matches.</summary>
    public RuleMismatch Mismatch(in Packet packet) => Conditions.Mismatch(packet, _networkSecurityGroup.Learned);

    /// <summary>True when <see cref="Sources"/> holds <paramref name="address"/>; allocates nothing.</summary>
    public bool HoldsSource(IpAddress address) => Conditions.HoldsSource(address, _networkSecurityGroup.Learned);

    /// <summary>True when <see cref="Destinations"/> holds <paramref name="address"/>; allocates nothing.</summary>
    public bool HoldsDestination(IpAddress address) => Conditions.HoldsDestination(address, _networkSecurityGroup.Learned);

    public override string ToString() => $"{Name} ({Direction} {Priority} {Access})";

    /// <summary>The union of the terms' addresses; one term's own set when there is one, so rules share cached sets.</summary>
    internal static AddressSet Union(ImmutableArray<RuleAddress> terms)
    {
        var set = AddressSet.Empty;
        foreach (var term in terms)
        {
            set = set.Union(term.Addresses);
        }

        return set;
    }

    internal static bool NamesPlatformServiceTag(ImmutableArray<RuleAddress> terms)
    {
        foreach (var term in terms)
        {
            if (term.Kind == RuleAddressKind.ServiceTag && ServiceTagNames.IsPlatformServiceTag(term.Text))
            {
                return true;
            }
        }

        return false;
    }

    private PacketSet PublishPackets()
    {
        var built = BuildPackets();
        return Interlocked.CompareExchange(ref _packets, built, null) ?? built;
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
