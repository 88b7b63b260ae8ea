using VNetLab.Addressing;
using VNetLab.Analysis.Reachability;
using VNetLab.Model;
using VNetLab.Security;
using static VNetLab.Core.Tests.Security.SecurityEstate;

namespace VNetLab.Core.Tests.Analysis.Reachability;

/// <summary>
/// The pruning's per-NSG cache of admitted sets gives, for every own side and direction, what walking the rules gives,
/// whatever the order of the questions, and walks the rules once per distinct signature; own sides with one signature
/// are admitted alike, which is what makes sharing exact.
/// </summary>
public sealed class NetworkSecurityGroupAdmissionsTests
{
    private static readonly string[] _remotes =
        ["*", "10.0.0.0/16", "10.0.1.0/24 10.0.3.0/24", "10.0.2.0/25", "10.0.3.7/32", "192.168.0.0/16 172.16.0.0/12", "VirtualNetwork", "Internet"];

    private static readonly string[] _owns = ["*", "10.0.1.0/24", "10.0.1.0/25", "10.0.1.4", "10.0.1.200", "VirtualNetwork", "10.9.0.0/16"];

    private static readonly string[] _asked =
        ["10.0.1.4/32", "10.0.1.5/32", "10.0.1.200/32", "10.0.1.0/25", "10.0.1.0/24", "10.0.0.0/16", "10.9.1.0/24", "10.0.2.0/24", "168.63.129.16/32"];

    [Fact]
    public void Every_answer_is_the_walk_of_the_rules_and_each_signature_is_walked_once()
    {
        var random = new Random(20261122);
        var shared = 0;
        for (var round = 0; round < 100; round++)
        {
            var nsg = RandomNsg(random);
            var admissions = new NetworkSecurityGroupAdmissions(nsg);
            var questions = _asked.SelectMany(own => new[] { SecurityRuleDirection.Inbound, SecurityRuleDirection.Outbound }.Select(d => (Own: own, Direction: d)))
                .OrderBy(_ => random.Next())
                .ToArray();
            var signatures = new HashSet<string>();
            foreach (var (own, direction) in questions.Concat(questions.Reverse()))
            {
                var ownSet = AddressSet.FromPrefix(IpPrefix.Parse(own));
                var rules = nsg.Rules(direction);
                Assert.Equal(FilterAdmission.Admitted(rules, direction, ownSet), admissions.Admitted(direction, ownSet));
                signatures.Add($"{direction} {SignatureOf(rules, direction, ownSet)}");
            }

            Assert.Equal(signatures.Count, admissions.Count);
            shared += (2 * _asked.Length) - admissions.Count;
        }

        // Not vacuous: own sides shared walks.
        Assert.True(shared > 0);
    }

    [Fact]
    public void Own_sides_with_one_signature_are_admitted_alike_and_the_signature_tells_the_rules_answers_apart()
    {
        var random = new Random(20261123);
        var distinct = 0;
        for (var round = 0; round < 100; round++)
        {
            var nsg = RandomNsg(random);
            foreach (var direction in new[] { SecurityRuleDirection.Inbound, SecurityRuleDirection.Outbound })
            {
                var rules = nsg.Rules(direction);
                var bySignature = new Dictionary<string, AddressSet>();
                foreach (var own in _asked)
                {
                    var ownSet = AddressSet.FromPrefix(IpPrefix.Parse(own));
                    var admitted = FilterAdmission.Admitted(rules, direction, ownSet);
                    var signature = SignatureOf(rules, direction, ownSet);
                    if (bySignature.TryGetValue(signature, out var known))
                    {
                        Assert.Equal(known, admitted);
                    }
                    else
                    {
                        bySignature.Add(signature, admitted);
                    }
                }

                distinct += bySignature.Values.Distinct().Count() > 1 ? 1 : 0;
            }
        }

        Assert.True(distinct > 0);
    }

    [Fact]
    public void A_signature_has_two_bits_per_rule_after_the_platform_word()
    {
        var nsg = Compiled(
            Inbound("nsg", "allow-web", 100, SecurityRuleAccess.Allow, destination: "10.0.1.0/25"),
            Inbound("nsg", "deny-all", 200, SecurityRuleAccess.Deny, destination: "10.0.1.0/24"),
            Inbound("nsg", "deny-tcp", 300, SecurityRuleAccess.Deny, "Tcp", destination: "10.0.1.0/24"));
        var rules = nsg.Rules(SecurityRuleDirection.Inbound);
        var signature = new ulong[FilterAdmission.SignatureLength(rules.Length)];

        FilterAdmission.Signature(rules, SecurityRuleDirection.Inbound, AddressSet.FromPrefix(IpPrefix.Parse("10.0.1.200/32")), signature);
        Assert.Equal(0UL, signature[0]);

        // allow-web misses (0), deny-all covers (2), deny-tcp meets but does not match every packet (1); then the defaults.
        Assert.Equal(0b01_10_00UL, signature[1] & 0b11_11_11UL);

        FilterAdmission.Signature(rules, SecurityRuleDirection.Inbound, AddressSet.FromPrefix(IpPrefix.Parse("168.63.129.16/32")), signature);
        Assert.Equal(1UL, signature[0]);
        Assert.All(signature[1..], word => Assert.Equal(0UL, word));
    }

    private static string SignatureOf(System.Collections.Immutable.ImmutableArray<CompiledSecurityRule> rules, SecurityRuleDirection direction, AddressSet own)
    {
        var signature = new ulong[FilterAdmission.SignatureLength(rules.Length)];
        FilterAdmission.Signature(rules, direction, own, signature);
        return string.Join(',', signature);
    }

    private static CompiledNetworkSecurityGroup RandomNsg(Random random)
    {
        var rules = Enumerable.Range(0, 4 + random.Next(10)).Select(i =>
        {
            var access = random.Next(2) == 0 ? SecurityRuleAccess.Allow : SecurityRuleAccess.Deny;
            var protocol = random.Next(3) == 0 ? "Tcp" : "*";
            var remote = _remotes[random.Next(_remotes.Length)];
            var own = _owns[random.Next(_owns.Length)];
            return random.Next(2) == 0
                ? Inbound("nsg", $"r{i}", 100 + (i * 10), access, protocol, source: remote, destination: own)
                : Outbound("nsg", $"r{i}", 100 + (i * 10), access, protocol, source: own, destination: remote);
        }).ToArray();
        return Compiled(rules);
    }

    private static CompiledNetworkSecurityGroup Compiled(params SecurityRule[] rules) =>
        CompileNic("nic", [Vnet("vnet-a", "10.0.0.0/16", Subnet("vnet-a", "web", "10.0.1.0/24")), Nsg("nsg", rules),
            Nic("nic", SubnetId("vnet-a", "web"), "10.0.1.4", nsg: "nsg")]).Associations[0].NetworkSecurityGroup;
}
