using System.Collections.Immutable;
using VNetLab.Addressing;
using VNetLab.Diagnostics;
using VNetLab.Model;

namespace VNetLab.Security;

/// <summary>
/// Everything that filters one NIC's traffic, compiled: the NSG of its subnet and its own NSG, both compiled for
/// the subnet's <c>VirtualNetwork</c> tag. Answers IP flow verify for one packet (<see cref="Evaluate"/>, no
/// allocation), explains it rule by rule (<see cref="Explain"/>), lists the effective rules
/// (<see cref="Associations"/>) and gives the exact set of allowed packets (<see cref="AllowedPackets"/>).
/// </summary>
/// <remarks>
/// Order (semantics.md §4.3): inbound, the subnet's NSG then the NIC's; outbound, the NIC's then the subnet's.
/// A deny anywhere ends evaluation; a level without an NSG lets everything through. Traffic to or from
/// 168.63.129.16 and 169.254.169.254 is filtered only by rules naming the platform service tags (§4.8).
/// </remarks>
public sealed class NetworkInterfaceSecurity
{
    // A compile of every NIC keeps one of these per NIC alive, so it holds only what is the NIC's own (the NIC, its
    // association when it has an NSG) and points at the context its subnet's NICs share for the rest; the addresses,
    // which only set questions and the CLI read, are made when read rather than kept.
    internal NetworkInterfaceSecurity(NetworkInterface networkInterface, NetworkInterfaceSecurityContext context)
    {
        NetworkInterface = networkInterface;
        Context = context;
        NetworkInterfaceAssociation = context.NetworkInterfaceNetworkSecurityGroup is { } nicNsg
            ? new(NetworkSecurityGroupAssociationKind.NetworkInterface, networkInterface.Id, nicNsg)
            : null;

        // Azure's effective-rules output lists the NIC's NSG before the subnet's (semantics.md §1.5, S6 sample).
        Associations = NetworkInterfaceAssociation is null
            ? context.SubnetAssociations
            : [NetworkInterfaceAssociation, .. context.SubnetAssociations];
    }

    public NetworkInterface NetworkInterface { get; }

    /// <summary>The subnet of the NIC's primary IP configuration; null when it is not in the estate.</summary>
    public Subnet? Subnet => Context.Subnet;

    /// <summary>The <c>VirtualNetwork</c> tag as expanded for this NIC's subnet.</summary>
    public VirtualNetworkTag VirtualNetworkTag => Context.VirtualNetworkTag;

    public NetworkSecurityGroupAssociation? SubnetAssociation => Context.SubnetAssociation;

    public NetworkSecurityGroupAssociation? NetworkInterfaceAssociation { get; }

    /// <summary>The NSGs that apply, in the order Azure's effective security rules list them (NIC, then subnet).</summary>
    public ImmutableArray<NetworkSecurityGroupAssociation> Associations { get; }

    /// <summary>The NIC's private addresses (made on each read).</summary>
    public AddressSet Addresses => AddressesOf(NetworkInterface);

    /// <summary>What the compiled rules rest on: tag assumptions, unknown tags, unreadable values, ASG rendering.</summary>
    public ImmutableArray<Diagnostic> Notes => Context.Notes;

    /// <summary>What this NIC shares with every NIC of its subnet that has the same NIC-level NSG.</summary>
    internal NetworkInterfaceSecurityContext Context { get; }

    /// <summary>The NSGs in evaluation order for a direction.</summary>
    public ImmutableArray<NetworkSecurityGroupAssociation> EvaluationOrder(SecurityRuleDirection direction)
    {
        var (first, second) = EvaluationPair(direction);
        return [.. new[] { first, second }.OfType<NetworkSecurityGroupAssociation>()];
    }

    /// <summary>
    /// The NSGs in evaluation order for a direction, either null when absent: inbound the subnet's then the NIC's,
    /// outbound the NIC's then the subnet's. <see cref="EvaluationOrder"/> without allocating, for callers that ask
    /// once per packet class (the reach matrix).
    /// </summary>
    public (NetworkSecurityGroupAssociation? First, NetworkSecurityGroupAssociation? Second) EvaluationPair(SecurityRuleDirection direction) =>
        direction == SecurityRuleDirection.Inbound ? (SubnetAssociation, NetworkInterfaceAssociation) : (NetworkInterfaceAssociation, SubnetAssociation);

    /// <summary>
    /// IP flow verify: the verdict for a new flow's packet in <paramref name="direction"/> (no return-traffic state),
    /// as <c>NetworkWatchers_VerifyIPFlow</c> evaluates it. Allocates nothing.
    /// </summary>
    public FlowVerdict Evaluate(SecurityRuleDirection direction, in Packet packet)
    {
        var subnetNsg = Context.SubnetNetworkSecurityGroup;
        var nicNsg = Context.NetworkInterfaceNetworkSecurityGroup;
        var (first, second) = direction == SecurityRuleDirection.Inbound ? (subnetNsg, nicNsg) : (nicNsg, subnetNsg);
        if (first is null && second is null)
        {
            return new FlowVerdict(SecurityRuleAccess.Allow, FlowDecision.NoNetworkSecurityGroup, null, null);
        }

        // Until a rule decides, the packet passes; only an NSG stripped of its default rules can leave it unmatched.
        var verdict = new FlowVerdict(SecurityRuleAccess.Allow, FlowDecision.NoNetworkSecurityGroup, null, null);
        _ = Decide(first, direction, packet, platformOnly: false, ref verdict) || Decide(second, direction, packet, platformOnly: false, ref verdict);
        if (verdict.IsAllowed || !PlatformAddresses.Contains(packet.RemoteAddress(direction)))
        {
            return verdict;
        }

        // Platform traffic the rules would deny still flows, unless a rule naming a platform service tag denies it.
        verdict = new FlowVerdict(SecurityRuleAccess.Allow, FlowDecision.PlatformTraffic, null, null);
        _ = Decide(first, direction, packet, platformOnly: true, ref verdict) || Decide(second, direction, packet, platformOnly: true, ref verdict);
        return verdict;
    }

    /// <summary>
    /// The verdict for a packet that may be the reply of a flow: allowed when the flow it answers is allowed in the
    /// other direction (NSGs are stateful, semantics.md §4.4), else evaluated as a new flow.
    /// </summary>
    public FlowVerdict EvaluateStateful(SecurityRuleDirection direction, in Packet packet)
    {
        var original = Evaluate(Opposite(direction), packet.Reverse());
        return original.IsAllowed
            ? original with { Decision = FlowDecision.ReturnTraffic }
            : Evaluate(direction, packet);
    }

    /// <summary>The verdict with every rule looked at and why, plus the assumptions it rests on.</summary>
    public FlowExplanation Explain(SecurityRuleDirection direction, in Packet packet)
    {
        var verdict = Evaluate(direction, packet);
        var order = EvaluationOrder(direction);
        var notes = new List<Diagnostic>();
        if (order.IsEmpty)
        {
            notes.Add(DiagnosticCatalog.NoNetworkSecurityGroupAssumedOpen(NetworkInterface, direction));
            return new FlowExplanation(packet, direction, verdict, [], [.. notes]);
        }

        // The rule-by-rule walk shows the rules as applied: all of them, or, for platform traffic they would have
        // denied, only those naming a platform service tag.
        var platform = verdict.Decision == FlowDecision.PlatformTraffic
            || (verdict.Rule is { AppliesToPlatformTraffic: true } && PlatformAddresses.Contains(packet.RemoteAddress(direction)));
        var steps = ImmutableArray.CreateBuilder<NetworkSecurityGroupEvaluation>();
        var allows = 0;
        foreach (var association in order)
        {
            var rules = association.NetworkSecurityGroup.Rules(direction);
            var evaluations = ImmutableArray.CreateBuilder<RuleEvaluation>();
            CompiledSecurityRule? deciding = null;
            foreach (var rule in rules)
            {
                var skipped = platform && !rule.AppliesToPlatformTraffic;
                var mismatch = rule.Mismatch(packet);
                evaluations.Add(new RuleEvaluation(rule, mismatch, skipped));
                if (!skipped)
                {
                    AddRuleNotes(rule, packet, mismatch, notes);
                }

                if (!skipped && mismatch == RuleMismatch.None)
                {
                    deciding = rule;
                    break;
                }
            }

            steps.Add(new NetworkSecurityGroupEvaluation(association, evaluations.ToImmutable(), deciding));
            if (deciding?.Access == SecurityRuleAccess.Deny)
            {
                break;
            }

            if (deciding is not null)
            {
                allows++;
            }
        }

        if (allows == 2 && verdict.NetworkSecurityGroup is { } last)
        {
            notes.Add(DiagnosticCatalog.BothNetworkSecurityGroupsAllowed(last.Id));
        }

        if (steps.Any(s => s.Rules.Any(r => !r.SkippedAsPlatformTraffic
            && (r.Rule.SourceTerms.Any(t => t.IsVirtualNetworkTag) || r.Rule.DestinationTerms.Any(t => t.IsVirtualNetworkTag)))))
        {
            notes.AddRange(VirtualNetworkTag.Notes);
        }

        return new FlowExplanation(packet, direction, verdict, steps.ToImmutable(), [.. notes.Distinct()]);
    }

    /// <summary>
    /// Exactly the packets the NIC's NSGs let through in <paramref name="direction"/> as new flows, whatever their
    /// addresses (a NIC with IP forwarding sends and receives packets not addressed to it, and NSGs filter those too).
    /// Intersect with <see cref="Addresses"/> on the local side for traffic the NIC itself sends or receives.
    /// </summary>
    public PacketSet AllowedPackets(SecurityRuleDirection direction) => Context.AllowedPackets(direction);

    /// <summary>
    /// The allowed packets the NIC itself receives (inbound: destination is one of its addresses) or sends
    /// (outbound: source is one of them): what reachability between VMs needs.
    /// </summary>
    public PacketSet AllowedPacketsOfInterface(SecurityRuleDirection direction) =>
        AllowedPackets(direction).Intersect(direction == SecurityRuleDirection.Inbound
            ? PacketSet.Where(destinations: Addresses)
            : PacketSet.Where(sources: Addresses));

    /// <summary>The packets allowed as new flows plus the replies to flows allowed in the other direction (statefulness).</summary>
    public PacketSet AllowedPacketsWithReplies(SecurityRuleDirection direction) =>
        AllowedPackets(direction).Union(AllowedPackets(Opposite(direction)).Reverse()).Simplify();

    public override string ToString() => NetworkInterface.Name;

    public static SecurityRuleDirection Opposite(SecurityRuleDirection direction) =>
        direction == SecurityRuleDirection.Inbound ? SecurityRuleDirection.Outbound : SecurityRuleDirection.Inbound;

    // Made for every NIC of the estate, and nearly all have one address: that case builds its set directly.
    private static AddressSet AddressesOf(NetworkInterface networkInterface)
    {
        var configurations = networkInterface.IpConfigurations;
        if (configurations.Length == 1 && configurations[0].PrivateIpAddress is { } only)
        {
            return AddressSet.FromAddress(only);
        }

        var ranges = new List<AddressRange>(configurations.Length);
        foreach (var configuration in configurations)
        {
            if (configuration.PrivateIpAddress is { } address)
            {
                ranges.Add(new AddressRange(address, address));
            }
        }

        return AddressSet.FromRanges(ranges);
    }

    /// <summary>
    /// Applies one NSG; returns true when it denies (the verdict is then final). An allowing rule replaces the
    /// running verdict, so when both NSGs allow, the last one's rule is named (VNL9107).
    /// </summary>
    private static bool Decide(CompiledNetworkSecurityGroup? nsg, SecurityRuleDirection direction, in Packet packet, bool platformOnly,
        ref FlowVerdict verdict)
    {
        if (nsg is null)
        {
            return false;
        }

        var index = platformOnly ? nsg.IndexOfFirstPlatformMatch(direction, packet) : nsg.IndexOfFirstMatch(direction, packet);
        if (index < 0)
        {
            return false;
        }

        var rule = nsg.Rules(direction)[index];
        verdict = new FlowVerdict(rule.Access, FlowDecision.Rule, rule, nsg);
        return rule.Access == SecurityRuleAccess.Deny;
    }

    private static void AddRuleNotes(CompiledSecurityRule rule, in Packet packet, RuleMismatch mismatch, List<Diagnostic> notes)
    {
        notes.AddRange(rule.Notes);
        if (mismatch == RuleMismatch.PortsOfPortlessProtocol)
        {
            notes.Add(DiagnosticCatalog.PortlessProtocolPortsAssumed(rule.Rule, packet.Protocol.ToString(),
                $"{rule.SourcePorts} -> {rule.DestinationPorts}"));
        }

        if (mismatch == RuleMismatch.None && packet.Protocol is SecurityProtocol.Esp or SecurityProtocol.Ah && rule.Protocols.IsAll)
        {
            notes.Add(DiagnosticCatalog.ProtocolAnyAssumedToCoverEspAndAh(rule.Rule, packet.Protocol.ToString()));
        }

        // The Internet tag is certain for public unicast space and for RFC 1918; elsewhere it is the 2017 recording.
        AddInternetNote(rule, rule.SourceTerms, packet.Source, notes);
        AddInternetNote(rule, rule.DestinationTerms, packet.Destination, notes);
    }

    private static void AddInternetNote(CompiledSecurityRule rule, ImmutableArray<RuleAddress> terms, IpAddress address, List<Diagnostic> notes)
    {
        foreach (var term in terms)
        {
            if (term.IsInternetTag && (!address.IsV4 || ServiceTagSet.InternetUndocumentedRanges.Contains(address)))
            {
                notes.Add(DiagnosticCatalog.InternetTagExpansionAssumed(rule.Rule, address.ToString(), term.Addresses.Contains(address)));
            }
        }
    }
}
