using System.Buffers;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using VNetLab.Addressing;
using VNetLab.Diagnostics;
using VNetLab.Model;

namespace VNetLab.Security;

/// <summary>
/// One NSG compiled for one <c>VirtualNetwork</c> tag context: per direction, its custom and default rules as
/// <see cref="CompiledSecurityRule"/>s sorted by priority, ready for first-match evaluation of a packet (no
/// allocation) or of a whole <see cref="PacketSet"/> (<see cref="AllowedPackets"/>).
/// </summary>
public sealed class CompiledNetworkSecurityGroup
{
    // Made on first read and published with Interlocked.CompareExchange rather than through a Lazy each: five Lazy
    // objects with their delegates were about 650 bytes per compiled NSG that a compile of every NIC kept alive and the
    // GC traced, for sets only set questions read. Racing threads make equal values and one is kept.
    private PacketSet? _allowedInbound;
    private PacketSet? _allowedOutbound;
    private PacketSet? _allowedPlatformInbound;
    private PacketSet? _allowedPlatformOutbound;
    private Diagnostic[]? _applicationSecurityGroupRenderingNotes;

    // What a verdict tests, rule by rule in evaluation order (inbound, then outbound: the same order as Inbound and
    // Outbound), side by side in one array, and the rule each entry was read from beside it in another. The rule objects
    // are made from both when the rules are first asked for (a verdict asks for the deciding one, effective rules for
    // all), their terms read again then, and published like the sets above: a compile of every NIC kept one object per
    // rule, then four arrays per NSG with each rule's terms, alive where questions about NICs read only the conditions.
    private readonly SecurityRuleConditions[] _conditions;
    private readonly SecurityRule[] _rules;
    private readonly int _inboundCount;
    private readonly SecurityRuleReader _reader;
    private CompiledSecurityRule[]? _inbound;
    private CompiledSecurityRule[]? _outbound;

    // rules: the rules' parts in the NSG's order, custom then default; reader: what reads their terms again when the
    // rule objects are made.
    internal CompiledNetworkSecurityGroup(NetworkSecurityGroup networkSecurityGroup, VirtualNetworkTag virtualNetworkTag,
        ReadOnlySpan<CompiledSecurityRuleParts> rules, SecurityRuleReader reader)
    {
        NetworkSecurityGroup = networkSecurityGroup;
        VirtualNetworkTag = virtualNetworkTag;
        _reader = reader;
        (_rules, _conditions, _inboundCount) = Placed(rules);
        Notes = NotesOf(rules);
    }

    public NetworkSecurityGroup NetworkSecurityGroup { get; }

    public ResourceId Id => NetworkSecurityGroup.Id;

    /// <summary>The expansion of <c>VirtualNetwork</c> the rules were compiled with.</summary>
    public VirtualNetworkTag VirtualNetworkTag { get; }

    /// <summary>Inbound rules, custom and default, in evaluation order (priority, then name).</summary>
    public ImmutableArray<CompiledSecurityRule> Inbound =>
        ImmutableCollectionsMarshal.AsImmutableArray(_inbound ?? FirstRead.Publish(ref _inbound, Made(0, _inboundCount)));

    /// <summary>Outbound rules, custom and default, in evaluation order.</summary>
    public ImmutableArray<CompiledSecurityRule> Outbound =>
        ImmutableCollectionsMarshal.AsImmutableArray(_outbound ?? FirstRead.Publish(ref _outbound, Made(_inboundCount, _rules.Length - _inboundCount)));

    /// <summary>The rules' compile notes (unknown service tags, unreadable values).</summary>
    public ImmutableArray<Diagnostic> Notes { get; }

    /// <summary>
    /// A note for each rule side that names ASGs (inbound rules, then outbound), which every NIC the NSG filters
    /// repeats: made once here rather than once per NIC.
    /// </summary>
    internal ImmutableArray<Diagnostic> ApplicationSecurityGroupRenderingNotes =>
        ImmutableCollectionsMarshal.AsImmutableArray(_applicationSecurityGroupRenderingNotes
            ?? FirstRead.Publish(ref _applicationSecurityGroupRenderingNotes,
                [.. ApplicationSecurityGroupRenderingNotesOf(Inbound.Concat(Outbound))]));

    public ImmutableArray<CompiledSecurityRule> Rules(SecurityRuleDirection direction) =>
        direction == SecurityRuleDirection.Inbound ? Inbound : Outbound;

    /// <summary>
    /// The index in <see cref="Rules"/> of the first rule that matches, or -1 (impossible while the default deny
    /// rules are present). Allocates nothing.
    /// </summary>
    public int IndexOfFirstMatch(SecurityRuleDirection direction, in Packet packet)
    {
        var conditions = Conditions(direction);
        var learned = Learned;
        for (var i = 0; i < conditions.Length; i++)
        {
            if (conditions[i].Matches(packet, learned))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// For traffic to or from a platform address (semantics.md §4.8): the first rule naming a platform service
    /// tag that matches, or -1 when none does and the NSG lets the packet through untouched.
    /// </summary>
    public int IndexOfFirstPlatformMatch(SecurityRuleDirection direction, in Packet packet)
    {
        var conditions = Conditions(direction);
        var learned = Learned;
        for (var i = 0; i < conditions.Length; i++)
        {
            if (conditions[i].AppliesToPlatformTraffic && conditions[i].Matches(packet, learned))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// Exactly the packets this NSG allows in <paramref name="direction"/>, by first match over its rules; computed
    /// once, on first use. Platform traffic is not special here (see <see cref="AllowedPlatformPackets"/>).
    /// </summary>
    public PacketSet AllowedPackets(SecurityRuleDirection direction) =>
        direction == SecurityRuleDirection.Inbound
            ? _allowedInbound ?? FirstRead.Publish(ref _allowedInbound, FirstMatch.Allowed(Inbound, SecurityRuleAccess.Deny))
            : _allowedOutbound ?? FirstRead.Publish(ref _allowedOutbound, FirstMatch.Allowed(Outbound, SecurityRuleAccess.Deny));

    /// <summary>
    /// The packets this NSG allows when they go to or come from a platform address: everything except what a rule
    /// naming a platform service tag denies.
    /// </summary>
    public PacketSet AllowedPlatformPackets(SecurityRuleDirection direction) =>
        direction == SecurityRuleDirection.Inbound
            ? _allowedPlatformInbound ?? FirstRead.Publish(ref _allowedPlatformInbound,
                FirstMatch.Allowed(Inbound.Where(r => r.AppliesToPlatformTraffic), SecurityRuleAccess.Allow))
            : _allowedPlatformOutbound ?? FirstRead.Publish(ref _allowedPlatformOutbound,
                FirstMatch.Allowed(Outbound.Where(r => r.AppliesToPlatformTraffic), SecurityRuleAccess.Allow));

    public override string ToString() => NetworkSecurityGroup.Name;

    private static IEnumerable<Diagnostic> ApplicationSecurityGroupRenderingNotesOf(IEnumerable<CompiledSecurityRule> rules)
    {
        foreach (var rule in rules)
        {
            if (!rule.Rule.SourceApplicationSecurityGroupIds.IsEmpty)
            {
                yield return DiagnosticCatalog.ApplicationSecurityGroupRenderingAssumed(rule.Rule, "Source");
            }

            if (!rule.Rule.DestinationApplicationSecurityGroupIds.IsEmpty)
            {
                yield return DiagnosticCatalog.ApplicationSecurityGroupRenderingAssumed(rule.Rule, "Destination");
            }
        }
    }

    /// <summary>
    /// The gateway-learned part of the <c>VirtualNetwork</c> tag, which the conditions of sides naming the tag flag rather
    /// than hold (see <see cref="SecurityRuleConditions"/>): one set for every rule, shared with the other NSGs of VNets
    /// that learn the same prefixes.
    /// </summary>
    internal AddressSet Learned => VirtualNetworkTag.Expansion.Learned;

    /// <summary>The conditions at <paramref name="index"/> of the rules in evaluation order, inbound then outbound.</summary>
    internal ref readonly SecurityRuleConditions ConditionsAt(int index) => ref _conditions[index];

    private ReadOnlySpan<SecurityRuleConditions> Conditions(SecurityRuleDirection direction) =>
        direction == SecurityRuleDirection.Inbound ? _conditions.AsSpan(0, _inboundCount) : _conditions.AsSpan(_inboundCount);

    // Evaluation order: priority, custom before default, then name; rules equal in all three (a conflict validation
    // reports) keep their order in the NSG, as the stable sort this replaces did. Inbound rules come first; the
    // conditions are laid out in that order and the rule of each beside it.
    private static (SecurityRule[] Rules, SecurityRuleConditions[] Conditions, int InboundCount) Placed(
        ReadOnlySpan<CompiledSecurityRuleParts> rules)
    {
        // The order only lives while the rules are placed: a rented buffer, not an array per NSG.
        var rented = ArrayPool<(SecurityRule Rule, int Position)>.Shared.Rent(rules.Length);
        try
        {
            // A direction outside the two (a value the model never makes) places the rule in neither, as before.
            int inboundCount = 0, outboundCount = 0;
            foreach (var rule in rules)
            {
                inboundCount += rule.Rule.Direction == SecurityRuleDirection.Inbound ? 1 : 0;
                outboundCount += rule.Rule.Direction == SecurityRuleDirection.Outbound ? 1 : 0;
            }

            var count = inboundCount + outboundCount;
            var order = rented.AsSpan(0, count);
            int inbound = 0, outbound = inboundCount;
            for (var i = 0; i < rules.Length; i++)
            {
                var direction = rules[i].Rule.Direction;
                if (direction == SecurityRuleDirection.Inbound)
                {
                    order[inbound++] = (rules[i].Rule, i);
                }
                else if (direction == SecurityRuleDirection.Outbound)
                {
                    order[outbound++] = (rules[i].Rule, i);
                }
            }

            order[..inboundCount].Sort(static (a, b) => Compare(a.Rule, b.Rule, a.Position, b.Position));
            order[inboundCount..].Sort(static (a, b) => Compare(a.Rule, b.Rule, a.Position, b.Position));
            var conditions = new SecurityRuleConditions[count];
            var placed = new SecurityRule[count];
            for (var i = 0; i < count; i++)
            {
                conditions[i] = rules[order[i].Position].Conditions;
                placed[i] = order[i].Rule;
            }

            return (placed, conditions, inboundCount);
        }
        finally
        {
            ArrayPool<(SecurityRule Rule, int Position)>.Shared.Return(rented, clearArray: true);
        }
    }

    // The rules of one direction, from its first entry: each rule's terms are read again from its text, for this NSG's
    // tag, and the rule points at its conditions in place.
    private CompiledSecurityRule[] Made(int first, int count)
    {
        var made = new CompiledSecurityRule[count];
        for (var i = 0; i < count; i++)
        {
            made[i] = new CompiledSecurityRule(_reader.Terms(_rules[first + i], VirtualNetworkTag), this, first + i);
        }

        return made;
    }

    private static int Compare(SecurityRule a, SecurityRule b, int positionOfA, int positionOfB)
    {
        var order = a.Priority.CompareTo(b.Priority);
        if (order == 0)
        {
            order = a.IsDefault.CompareTo(b.IsDefault);
        }

        if (order == 0)
        {
            order = StringComparer.OrdinalIgnoreCase.Compare(a.Name, b.Name);
        }

        return order == 0 ? positionOfA.CompareTo(positionOfB) : order;
    }

    private static ImmutableArray<Diagnostic> NotesOf(ReadOnlySpan<CompiledSecurityRuleParts> rules)
    {
        var count = 0;
        foreach (var rule in rules)
        {
            count += rule.Terms.Notes.Length;
        }

        if (count == 0)
        {
            return [];
        }

        var notes = ImmutableArray.CreateBuilder<Diagnostic>(count);
        foreach (var rule in rules)
        {
            notes.AddRange(rule.Terms.Notes);
        }

        return notes.MoveToImmutable();
    }
}
