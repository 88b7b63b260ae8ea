using System.Collections.Immutable;
using VNetLab.Addressing;
using VNetLab.Model;
using VNetLab.Security;

namespace VNetLab.Analysis.Reachability;

/// <summary>
/// Bounds what one NSG can let through without enumerating packets: for the addresses on its own side (the
/// destinations of inbound rules, the sources of outbound ones), a superset of the addresses on the other side from
/// or to which some packet is allowed. Used to prune reach pairs that no packet can pass (<see cref="ReachPruning"/>).
/// </summary>
/// <remarks>
/// Exactness argument: rules are walked in evaluation order, keeping a "blocked" set of remote addresses for which an
/// earlier deny rule matches every packet (all protocols, all ports, every own-side address). A packet allowed by
/// first match is allowed by an allow rule whose own side meets the own-side addresses, and its remote address is not
/// blocked at that point (else the blocking deny would have matched it first); so it is in that rule's remote set
/// minus the blocked set, which is added. A packet no rule matches passes (an NSG stripped of its defaults), and its
/// remote address is outside the final blocked set, which is added too. Platform traffic (168.63.129.16 and the
/// metadata service) follows other rules (semantics.md §4.8), so platform addresses are always admitted and an
/// own side holding one admits everything.
/// </remarks>
internal static class FilterAdmission
{
    // A signature's answer per rule, two bits each: the rule's own side misses the own side, meets it, or (a deny rule
    // matching every packet) covers it.
    private const ulong RuleMissed = 0;
    private const ulong RuleMeets = 1;
    private const ulong RuleCovers = 2;
    private const int RulesPerWord = 32;

    public static AddressSet Admitted(ImmutableArray<CompiledSecurityRule> rules, SecurityRuleDirection direction, AddressSet own)
    {
        if (own.Overlaps(PlatformAddresses.All))
        {
            return AddressSet.All;
        }

        var blocked = AddressSet.Empty;
        var admitted = PlatformAddresses.All;
        foreach (var rule in rules)
        {
            var ruleOwn = OwnSide(rule, direction);
            if (!Meets(ruleOwn, own))
            {
                continue;
            }

            if (rule.Access == SecurityRuleAccess.Allow)
            {
                admitted = admitted.Union(Remote(rule, direction).Except(blocked));
            }
            else if (MatchesEveryPacket(rule) && Covers(ruleOwn, own))
            {
                blocked = blocked.Union(Remote(rule, direction));
                if (blocked.IsAll)
                {
                    return admitted;
                }
            }
        }

        return admitted.Union(blocked.Complement());
    }

    /// <summary>How many words <see cref="Signature"/> writes for <paramref name="ruleCount"/> rules.</summary>
    public static int SignatureLength(int ruleCount) => 1 + ((ruleCount + RulesPerWord - 1) / RulesPerWord);

    /// <summary>
    /// Everything <see cref="Admitted"/> reads of <paramref name="own"/>, written into <paramref name="signature"/>
    /// (<see cref="SignatureLength"/> words): whether it meets the platform addresses (the first word), and per rule in
    /// order, two bits each, whether the rule's own side meets it and, for a deny rule matching every packet, covers it.
    /// Two own-side sets with the same signature get the same admitted set from these rules, so destinations (or
    /// senders) that the rules do not tell apart share one computation.
    /// </summary>
    public static void Signature(ImmutableArray<CompiledSecurityRule> rules, SecurityRuleDirection direction, AddressSet own, Span<ulong> signature)
    {
        signature.Clear();
        if (own.Overlaps(PlatformAddresses.All))
        {
            // Every question is answered by this alone (everything is admitted): the rules' bits stay zero.
            signature[0] = 1;
            return;
        }

        for (var i = 0; i < rules.Length; i++)
        {
            var rule = rules[i];
            var ruleOwn = OwnSide(rule, direction);
            var answer = !Meets(ruleOwn, own) ? RuleMissed
                : rule.Access != SecurityRuleAccess.Allow && MatchesEveryPacket(rule) && Covers(ruleOwn, own) ? RuleCovers
                : RuleMeets;
            signature[1 + (i / RulesPerWord)] |= answer << (2 * (i % RulesPerWord));
        }
    }

    private static AddressSet OwnSide(CompiledSecurityRule rule, SecurityRuleDirection direction) =>
        direction == SecurityRuleDirection.Inbound ? rule.Destinations : rule.Sources;

    private static AddressSet Remote(CompiledSecurityRule rule, SecurityRuleDirection direction) =>
        direction == SecurityRuleDirection.Inbound ? rule.Sources : rule.Destinations;

    /// <summary>
    /// <c>ruleOwn.Overlaps(own)</c>, by binary search for each of the own side's few intervals: a rule's own side can be
    /// a <c>VirtualNetwork</c> tag of thousands of intervals, and a merge walk would cross most of them per question.
    /// </summary>
    private static bool Meets(AddressSet ruleOwn, AddressSet own)
    {
        if (ruleOwn.V6.Overlaps(own.V6))
        {
            return true;
        }

        var stored = ruleOwn.V4.Intervals;
        foreach (var interval in own.V4.Intervals)
        {
            var index = FirstEndingAtOrAfter(stored, interval.First);
            if (index < stored.Length && stored[index].First <= interval.Last)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>ruleOwn.IsSupersetOf(own)</c>, by binary search for each of the own side's intervals.</summary>
    private static bool Covers(AddressSet ruleOwn, AddressSet own)
    {
        foreach (var interval in own.V4.Intervals)
        {
            if (!ruleOwn.V4.Contains(interval))
            {
                return false;
            }
        }

        return own.V6.IsSubsetOf(ruleOwn.V6);
    }

    private static int FirstEndingAtOrAfter(ReadOnlySpan<Interval<uint>> intervals, uint value)
    {
        int low = 0, high = intervals.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (intervals[middle].Last < value)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    private static bool MatchesEveryPacket(CompiledSecurityRule rule) =>
        rule.Protocols.IsAll && rule.SourcePorts.IsAll && rule.DestinationPorts.IsAll && rule.MatchesPortlessPackets;
}
