using System.Collections.Immutable;
using VNetLab.Model;

namespace VNetLab.Security.Audit;

/// <summary>
/// One NSG direction, compiled for one context, taken apart rule by rule: which packets each rule decides (those
/// it matches that no earlier rule matched), and which packets the rules from each position on would allow.
/// Shadowed, redundant and exposing rules are all read off these two sequences.
/// </summary>
public sealed class RuleListAnalysis
{
    private readonly PacketSet[] _allowedFrom;

    public RuleListAnalysis(CompiledNetworkSecurityGroup nsg, SecurityRuleDirection direction)
    {
        NetworkSecurityGroup = nsg;
        Direction = direction;
        Rules = nsg.Rules(direction);
        Decided = [.. VNetLab.Security.FirstMatch.Decided(Rules).Select(s => s.Simplify())];

        // allowedFrom[i]: what rules i.. allow when they alone decide (no rule matching means deny).
        _allowedFrom = new PacketSet[Rules.Length + 1];
        _allowedFrom[Rules.Length] = PacketSet.Empty;
        for (var i = Rules.Length - 1; i >= 0; i--)
        {
            var rule = Rules[i];
            _allowedFrom[i] = (rule.Access == SecurityRuleAccess.Allow
                ? rule.Packets.Union(_allowedFrom[i + 1])
                : _allowedFrom[i + 1].Except(rule.Packets)).Simplify();
        }
    }

    public CompiledNetworkSecurityGroup NetworkSecurityGroup { get; }

    public SecurityRuleDirection Direction { get; }

    /// <summary>The rules in evaluation order.</summary>
    public ImmutableArray<CompiledSecurityRule> Rules { get; }

    /// <summary>For each rule, the packets it decides.</summary>
    public ImmutableArray<PacketSet> Decided { get; }

    /// <summary>The packets the rules from <paramref name="index"/> on allow, as if the earlier ones did not exist.</summary>
    public PacketSet AllowedFrom(int index) => _allowedFrom[index];

    /// <summary>
    /// The rules that take over <paramref name="packets"/> when every rule up to <paramref name="index"/> is skipped,
    /// in evaluation order; each named rule decides at least one of the packets.
    /// </summary>
    public ImmutableArray<CompiledSecurityRule> RulesDeciding(PacketSet packets, int index)
    {
        var result = ImmutableArray.CreateBuilder<CompiledSecurityRule>();
        var rest = packets;
        for (var j = index + 1; j < Rules.Length && !rest.IsEmpty; j++)
        {
            if (rest.Overlaps(Rules[j].Packets))
            {
                result.Add(Rules[j]);
                rest = rest.Except(Rules[j].Packets);
            }
        }

        return result.ToImmutable();
    }

    /// <summary>The earlier rules that match some of rule <paramref name="index"/>'s packets, in evaluation order.</summary>
    public ImmutableArray<CompiledSecurityRule> EarlierRulesOverlapping(int index) =>
        [.. Rules.Take(index).Where(r => r.Packets.Overlaps(Rules[index].Packets))];

    /// <summary>The index of the first rule that matches <paramref name="packet"/>.</summary>
    public int IndexOfFirstMatch(in Packet packet) => NetworkSecurityGroup.IndexOfFirstMatch(Direction, packet);
}
