using VNetLab.Model;

namespace VNetLab.Security;

/// <summary>
/// First-match evaluation over packet sets: the symbolic counterpart of walking a rule list with one packet.
/// Each rule takes, from the packets no earlier rule decided, those it matches.
/// </summary>
public static class FirstMatch
{
    /// <summary>
    /// The packets <paramref name="rules"/> (in evaluation order) allow, where packets no rule matches get
    /// <paramref name="otherwise"/>.
    /// </summary>
    public static PacketSet Allowed(IEnumerable<CompiledSecurityRule> rules, SecurityRuleAccess otherwise)
    {
        var undecided = PacketSet.All;
        var allowed = PacketSet.Empty;
        foreach (var rule in rules)
        {
            if (rule.Access == SecurityRuleAccess.Allow)
            {
                allowed = allowed.Union(undecided.Intersect(rule.Packets));
            }

            undecided = undecided.Except(rule.Packets);
            if (undecided.IsEmpty)
            {
                break;
            }
        }

        if (otherwise == SecurityRuleAccess.Allow)
        {
            allowed = allowed.Union(undecided);
        }

        return allowed.Simplify();
    }

    /// <summary>
    /// For each rule, the packets it decides: those it matches that no earlier rule matched. A rule whose share is
    /// empty can never match (it is shadowed).
    /// </summary>
    public static IReadOnlyList<PacketSet> Decided(IReadOnlyList<CompiledSecurityRule> rules)
    {
        var undecided = PacketSet.All;
        var decided = new PacketSet[rules.Count];
        for (var i = 0; i < rules.Count; i++)
        {
            decided[i] = undecided.Intersect(rules[i].Packets);
            undecided = undecided.Except(rules[i].Packets);
        }

        return decided;
    }
}
