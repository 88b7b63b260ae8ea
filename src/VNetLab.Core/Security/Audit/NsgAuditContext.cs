using System.Collections.Concurrent;
using System.Collections.Immutable;
using VNetLab.Addressing;
using VNetLab.Model;

namespace VNetLab.Security.Audit;

/// <summary>
/// What the audit checks share: the compiled estate and, per NSG, its rule-list analyses for every context it is
/// used in (an NSG on two subnets of different VNets sees two expansions of <c>VirtualNetwork</c>).
/// </summary>
public sealed class NsgAuditContext
{
    private readonly ConcurrentDictionary<(ResourceId, SecurityRuleDirection), ImmutableArray<RuleListAnalysis>> _analyses = new();
    private readonly ConcurrentDictionary<ResourceId, AddressSet> _local = new();

    public NsgAuditContext(CompiledSecurity security)
    {
        Security = security;
    }

    public CompiledSecurity Security { get; }

    public Estate Estate => Security.Estate;

    /// <summary>
    /// The addresses behind the NSG: the prefixes of the subnets and the addresses of the NICs it is associated with.
    /// Examples in findings are picked there when possible, so they read like real traffic.
    /// </summary>
    public AddressSet LocalAddresses(NetworkSecurityGroup nsg) =>
        _local.GetOrAdd(nsg.Id, static (id, estate) => AddressSet.FromPrefixes(estate.AssociationsOf(id).SelectMany(r => r switch
        {
            Subnet subnet => subnet.AddressPrefixes.Select(p => p.Prefix),
            NetworkInterface nic => nic.IpConfigurations.Where(c => c.PrivateIpAddress is not null)
                .Select(c => IpPrefix.Host(c.PrivateIpAddress.GetValueOrDefault())),
            _ => [],
        })), Estate);

    /// <summary>
    /// A packet of <paramref name="packets"/> that reads like real traffic: TCP if possible, with the NSG's own
    /// addresses on the local side (the destination inbound, the source outbound) if possible.
    /// </summary>
    public Packet Example(PacketSet packets, NetworkSecurityGroup nsg, SecurityRuleDirection direction)
    {
        var local = LocalAddresses(nsg);
        var localSide = direction == SecurityRuleDirection.Inbound ? PacketSet.Where(destinations: local) : PacketSet.Where(sources: local);
        var tcp = PacketSet.Where(ProtocolSet.Of(SecurityProtocol.Tcp));
        foreach (var preferred in new[] { localSide.Intersect(tcp), localSide, tcp })
        {
            if (packets.Intersect(preferred).TryGetSample(out var packet))
            {
                return packet;
            }
        }

        packets.TryGetSample(out var any);
        return any;
    }

    /// <summary>One analysis per distinct context the NSG is associated in (one, with no VNet context, when it is associated nowhere).</summary>
    public ImmutableArray<RuleListAnalysis> Analyses(NetworkSecurityGroup nsg, SecurityRuleDirection direction) =>
        _analyses.GetOrAdd((nsg.Id, direction), static (_, state) =>
                [.. state.Self.Security.CompileForAssociations(state.Nsg).Select(c => new RuleListAnalysis(c, state.Direction))],
            (Self: this, Nsg: nsg, Direction: direction));

    /// <summary>
    /// Every custom rule of every NSG, per direction, with the analyses of each context the NSG is used in:
    /// the walk the shadowed and redundant checks share (default rules are the platform's and never reported).
    /// </summary>
    internal IEnumerable<AuditedRule> CustomRules()
    {
        foreach (var nsg in Estate.NetworkSecurityGroups)
        {
            foreach (var direction in Enum.GetValues<SecurityRuleDirection>())
            {
                var analyses = Analyses(nsg, direction);
                for (var i = 0; i < analyses[0].Rules.Length; i++)
                {
                    if (!analyses[0].Rules[i].Rule.IsDefault)
                    {
                        yield return new AuditedRule(nsg, direction, analyses, i);
                    }
                }
            }
        }
    }
}

/// <summary>One custom rule under audit: its NSG, direction, position, and the NSG's analysis per association context.</summary>
internal sealed record AuditedRule(NetworkSecurityGroup Nsg, SecurityRuleDirection Direction, ImmutableArray<RuleListAnalysis> Analyses, int Index)
{
    public RuleListAnalysis First => Analyses[0];

    public CompiledSecurityRule Rule => First.Rules[Index];
}
