using System.Collections.Immutable;
using System.Runtime.InteropServices;
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
    private readonly Lazy<PacketSet> _allowedInbound;
    private readonly Lazy<PacketSet> _allowedOutbound;
    private readonly Lazy<PacketSet> _allowedPlatformInbound;
    private readonly Lazy<PacketSet> _allowedPlatformOutbound;
    private readonly Lazy<ImmutableArray<Diagnostic>> _applicationSecurityGroupRenderingNotes;

    // What a verdict tests, rule by rule in evaluation order (the same order as Inbound and Outbound), side by side.
    private readonly SecurityRuleConditions[] _inboundConditions;
    private readonly SecurityRuleConditions[] _outboundConditions;

    internal CompiledNetworkSecurityGroup(NetworkSecurityGroup networkSecurityGroup, VirtualNetworkTag virtualNetworkTag,
        ReadOnlySpan<CompiledSecurityRule> rules)
    {
        NetworkSecurityGroup = networkSecurityGroup;
        VirtualNetworkTag = virtualNetworkTag;
        Inbound = Sorted(rules, SecurityRuleDirection.Inbound);
        Outbound = Sorted(rules, SecurityRuleDirection.Outbound);
        _inboundConditions = ConditionsOf(Inbound);
        _outboundConditions = ConditionsOf(Outbound);
        Notes = NotesOf(rules);
        _allowedInbound = new(() => FirstMatch.Allowed(Inbound, SecurityRuleAccess.Deny));
        _allowedOutbound = new(() => FirstMatch.Allowed(Outbound, SecurityRuleAccess.Deny));
        _allowedPlatformInbound = new(() => FirstMatch.Allowed(Inbound.Where(r => r.AppliesToPlatformTraffic), SecurityRuleAccess.Allow));
        _allowedPlatformOutbound = new(() => FirstMatch.Allowed(Outbound.Where(r => r.AppliesToPlatformTraffic), SecurityRuleAccess.Allow));
        _applicationSecurityGroupRenderingNotes = new(() => [.. ApplicationSecurityGroupRenderingNotesOf(Inbound.Concat(Outbound))]);
    }

    public NetworkSecurityGroup NetworkSecurityGroup { get; }

    public ResourceId Id => NetworkSecurityGroup.Id;

    /// <summary>The expansion of <c>VirtualNetwork</c> the rules were compiled with.</summary>
    public VirtualNetworkTag VirtualNetworkTag { get; }

    /// <summary>Inbound rules, custom and default, in evaluation order (priority, then name).</summary>
    public ImmutableArray<CompiledSecurityRule> Inbound { get; }

    /// <summary>Outbound rules, custom and default, in evaluation order.</summary>
    public ImmutableArray<CompiledSecurityRule> Outbound { get; }

    /// <summary>The rules' compile notes (unknown service tags, unreadable values).</summary>
    public ImmutableArray<Diagnostic> Notes { get; }

    /// <summary>
    /// A note for each rule side that names ASGs (inbound rules, then outbound), which every NIC the NSG filters
    /// repeats: made once here rather than once per NIC.
    /// </summary>
    internal ImmutableArray<Diagnostic> ApplicationSecurityGroupRenderingNotes => _applicationSecurityGroupRenderingNotes.Value;

    public ImmutableArray<CompiledSecurityRule> Rules(SecurityRuleDirection direction) =>
        direction == SecurityRuleDirection.Inbound ? Inbound : Outbound;

    /// <summary>
    /// The index in <see cref="Rules"/> of the first rule that matches, or -1 (impossible while the default deny
    /// rules are present). Allocates nothing.
    /// </summary>
    public int IndexOfFirstMatch(SecurityRuleDirection direction, in Packet packet)
    {
        var conditions = Conditions(direction);
        for (var i = 0; i < conditions.Length; i++)
        {
            if (conditions[i].Matches(packet))
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
        for (var i = 0; i < conditions.Length; i++)
        {
            if (conditions[i].AppliesToPlatformTraffic && conditions[i].Matches(packet))
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
        direction == SecurityRuleDirection.Inbound ? _allowedInbound.Value : _allowedOutbound.Value;

    /// <summary>
    /// The packets this NSG allows when they go to or come from a platform address: everything except what a rule
    /// naming a platform service tag denies.
    /// </summary>
    public PacketSet AllowedPlatformPackets(SecurityRuleDirection direction) =>
        direction == SecurityRuleDirection.Inbound ? _allowedPlatformInbound.Value : _allowedPlatformOutbound.Value;

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

    private ReadOnlySpan<SecurityRuleConditions> Conditions(SecurityRuleDirection direction) =>
        direction == SecurityRuleDirection.Inbound ? _inboundConditions : _outboundConditions;

    // Evaluation order: priority, custom before default, then name; rules equal in all three (a conflict validation
    // reports) keep their order in the NSG, as the stable sort this replaces did.
    private static ImmutableArray<CompiledSecurityRule> Sorted(ReadOnlySpan<CompiledSecurityRule> rules, SecurityRuleDirection direction)
    {
        var count = 0;
        foreach (var rule in rules)
        {
            count += rule.Direction == direction ? 1 : 0;
        }

        var sorted = new (CompiledSecurityRule Rule, int Position)[count];
        var next = 0;
        for (var i = 0; i < rules.Length; i++)
        {
            if (rules[i].Direction == direction)
            {
                sorted[next++] = (rules[i], i);
            }
        }

        Array.Sort(sorted, static (a, b) =>
        {
            var order = a.Rule.Priority.CompareTo(b.Rule.Priority);
            if (order == 0)
            {
                order = a.Rule.Rule.IsDefault.CompareTo(b.Rule.Rule.IsDefault);
            }

            if (order == 0)
            {
                order = StringComparer.OrdinalIgnoreCase.Compare(a.Rule.Rule.Name, b.Rule.Rule.Name);
            }

            return order == 0 ? a.Position.CompareTo(b.Position) : order;
        });
        var ordered = new CompiledSecurityRule[count];
        for (var i = 0; i < count; i++)
        {
            ordered[i] = sorted[i].Rule;
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(ordered);
    }

    private static SecurityRuleConditions[] ConditionsOf(ImmutableArray<CompiledSecurityRule> rules)
    {
        var conditions = new SecurityRuleConditions[rules.Length];
        for (var i = 0; i < conditions.Length; i++)
        {
            conditions[i] = rules[i].Conditions;
        }

        return conditions;
    }

    private static ImmutableArray<Diagnostic> NotesOf(ReadOnlySpan<CompiledSecurityRule> rules)
    {
        var count = 0;
        foreach (var rule in rules)
        {
            count += rule.Notes.Length;
        }

        if (count == 0)
        {
            return [];
        }

        var notes = ImmutableArray.CreateBuilder<Diagnostic>(count);
        foreach (var rule in rules)
        {
            notes.AddRange(rule.Notes);
        }

        return notes.MoveToImmutable();
    }
}
