using System.Collections.Immutable;
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

    internal CompiledNetworkSecurityGroup(NetworkSecurityGroup networkSecurityGroup, VirtualNetworkTag virtualNetworkTag,
        ImmutableArray<CompiledSecurityRule> rules)
    {
        NetworkSecurityGroup = networkSecurityGroup;
        VirtualNetworkTag = virtualNetworkTag;
        Inbound = Sorted(rules, SecurityRuleDirection.Inbound);
        Outbound = Sorted(rules, SecurityRuleDirection.Outbound);
        Notes = [.. rules.SelectMany(r => r.Notes)];
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
        var rules = Rules(direction);
        for (var i = 0; i < rules.Length; i++)
        {
            if (rules[i].Matches(packet))
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
        var rules = Rules(direction);
        for (var i = 0; i < rules.Length; i++)
        {
            if (rules[i].AppliesToPlatformTraffic && rules[i].Matches(packet))
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

    private static ImmutableArray<CompiledSecurityRule> Sorted(ImmutableArray<CompiledSecurityRule> rules, SecurityRuleDirection direction) =>
        [.. rules.Where(r => r.Direction == direction)
            .OrderBy(r => r.Priority)
            .ThenBy(r => r.Rule.IsDefault)
            .ThenBy(r => r.Rule.Name, StringComparer.OrdinalIgnoreCase)];
}
