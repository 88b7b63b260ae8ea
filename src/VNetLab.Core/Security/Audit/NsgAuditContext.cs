using System.Collections.Concurrent;
using System.Collections.Immutable;
using VNetLab.Model;

namespace VNetLab.Security.Audit;

/// <summary>
/// What the audit checks share: the compiled estate and, per NSG, its rule-list analyses for every context it is
/// used in (an NSG on two subnets of different VNets sees two expansions of <c>VirtualNetwork</c>).
/// </summary>
public sealed class NsgAuditContext
{
    private readonly ConcurrentDictionary<(ResourceId, SecurityRuleDirection), ImmutableArray<RuleListAnalysis>> _analyses = new();

    public NsgAuditContext(CompiledSecurity security)
    {
        Security = security;
    }

    public CompiledSecurity Security { get; }

    public Estate Estate => Security.Estate;

    /// <summary>One analysis per distinct context the NSG is associated in (one, with no VNet context, when it is associated nowhere).</summary>
    public ImmutableArray<RuleListAnalysis> Analyses(NetworkSecurityGroup nsg, SecurityRuleDirection direction) =>
        _analyses.GetOrAdd((nsg.Id, direction), static (_, state) =>
                [.. state.Self.Security.CompileForAssociations(state.Nsg).Select(c => new RuleListAnalysis(c, state.Direction))],
            (Self: this, Nsg: nsg, Direction: direction));
}
