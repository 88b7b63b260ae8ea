using System.Collections.Immutable;
using VNetLab.Addressing;
using VNetLab.Analysis.Reachability;
using VNetLab.Model;
using VNetLab.Security;
using static VNetLab.Core.Tests.Security.SecurityEstate;

namespace VNetLab.Core.Tests.Analysis.Reachability;

/// <summary>
/// What an NSG admits is the union of its pieces (each allow rule's remote side past the blocked set, the platform
/// addresses, what no deny blocks): whatever way <see cref="FilterAdmission"/> unites them, it must be the set that
/// uniting piece by piece, in rule order, gives (a one-shot union was tried and measured slower; this holds the next).
/// </summary>
public sealed class FilterAdmissionTests
{
    private static readonly string[] _remotes =
        ["*", "10.0.0.0/16", "10.0.1.0/24 10.0.3.0/24", "10.0.2.0/25 10.0.2.128/25", "10.0.3.7/32", "192.168.0.0/16 172.16.0.0/12", "VirtualNetwork", "Internet", "10.0.4.0/24 10.0.5.0/24 10.0.6.0/24"];

    private static readonly string[] _owns = ["*", "10.0.1.0/24", "10.0.1.0/25", "10.0.1.4", "VirtualNetwork", "10.9.0.0/16"];

    [Fact]
    public void What_an_nsg_admits_is_the_union_of_its_pieces_made_rule_by_rule()
    {
        var random = new Random(20261122);
        foreach (var direction in new[] { SecurityRuleDirection.Inbound, SecurityRuleDirection.Outbound })
        {
            for (var round = 0; round < 150; round++)
            {
                var rules = Enumerable.Range(0, 4 + random.Next(10)).Select(i =>
                {
                    var access = random.Next(2) == 0 ? SecurityRuleAccess.Allow : SecurityRuleAccess.Deny;
                    var protocol = random.Next(3) == 0 ? "Tcp" : "*";
                    var remote = _remotes[random.Next(_remotes.Length)];
                    var own = _owns[random.Next(_owns.Length)];
                    return direction == SecurityRuleDirection.Inbound
                        ? Inbound("nsg", $"r{i}", 100 + (i * 10), access, protocol, source: remote, destination: own)
                        : Outbound("nsg", $"r{i}", 100 + (i * 10), access, protocol, source: own, destination: remote);
                }).ToArray();
                var security = CompileNic("nic", [Vnet("vnet-a", "10.0.0.0/16", Subnet("vnet-a", "web", "10.0.1.0/24")), Nsg("nsg", rules),
                    Nic("nic", SubnetId("vnet-a", "web"), "10.0.1.4", nsg: "nsg")]);
                var compiled = security.Associations[0].NetworkSecurityGroup.Rules(direction);
                foreach (var own in new[] { "10.0.1.4/32", "10.0.1.0/24", "10.0.0.0/16" })
                {
                    var ownSet = AddressSet.FromPrefix(IpPrefix.Parse(own));
                    Assert.Equal(RuleByRule(compiled, direction, ownSet), FilterAdmission.Admitted(compiled, direction, ownSet));
                }
            }
        }
    }

    // The walk as written in the exactness argument, uniting each piece into the set so far.
    private static AddressSet RuleByRule(ImmutableArray<CompiledSecurityRule> rules, SecurityRuleDirection direction, AddressSet own)
    {
        if (own.Overlaps(PlatformAddresses.All))
        {
            return AddressSet.All;
        }

        var blocked = AddressSet.Empty;
        var admitted = PlatformAddresses.All;
        foreach (var rule in rules)
        {
            var (ruleOwn, remote) = direction == SecurityRuleDirection.Inbound ? (rule.Destinations, rule.Sources) : (rule.Sources, rule.Destinations);
            if (!ruleOwn.Overlaps(own))
            {
                continue;
            }

            if (rule.Access == SecurityRuleAccess.Allow)
            {
                admitted = admitted.Union(remote.Except(blocked));
            }
            else if (rule.Protocols.IsAll && rule.SourcePorts.IsAll && rule.DestinationPorts.IsAll && rule.MatchesPortlessPackets && ruleOwn.IsSupersetOf(own))
            {
                blocked = blocked.Union(remote);
                if (blocked.IsAll)
                {
                    return admitted;
                }
            }
        }

        return admitted.Union(blocked.Complement());
    }
}
