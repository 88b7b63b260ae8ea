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
            var (ruleOwn, ruleRemote) = direction == SecurityRuleDirection.Inbound ? (rule.Destinations, rule.Sources) : (rule.Sources, rule.Destinations);
            if (!ruleOwn.Overlaps(own))
            {
                continue;
            }

            if (rule.Access == SecurityRuleAccess.Allow)
            {
                admitted = admitted.Union(ruleRemote.Except(blocked));
            }
            else if (MatchesEveryPacket(rule) && ruleOwn.IsSupersetOf(own))
            {
                blocked = blocked.Union(ruleRemote);
                if (blocked.IsAll)
                {
                    return admitted;
                }
            }
        }

        return admitted.Union(blocked.Complement());
    }

    private static bool MatchesEveryPacket(CompiledSecurityRule rule) =>
        rule.Protocols.IsAll && rule.SourcePorts.IsAll && rule.DestinationPorts.IsAll && rule.MatchesPortlessPackets;
}
