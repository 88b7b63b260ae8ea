using VNetLab.Addressing;
using VNetLab.Analysis;
using VNetLab.Arm.Import;
using VNetLab.Model;
using VNetLab.Routing;
using VNetLab.Security;
using VNetLab.Testing;

namespace VNetLab.EstateGenerator.Tests;

/// <summary>
/// A compiled NSG keeps what its rules test side by side in arrays, and rules share their terms: verdicts, first
/// matches and explanations must stay exactly what walking the rule objects gives, on generated estates and on every
/// example. The walk here is the one the engine did before, written against the rules' public sets only.
/// </summary>
[Collection(TinyEstateFixture.Collection)]
public sealed class CompiledRuleLayoutTests
{
    private static readonly SecurityRuleDirection[] Directions = [SecurityRuleDirection.Inbound, SecurityRuleDirection.Outbound];

    private readonly TinyEstateFixture _fixture;

    public CompiledRuleLayoutTests(TinyEstateFixture fixture) => _fixture = fixture;

    public static TheoryData<string> Examples =>
        [.. Directory.EnumerateDirectories(RepositoryPaths.Examples)
            .Where(d => Directory.Exists(Path.Combine(d, "estate")))
            .Select(Path.GetFileName)
            .OfType<string>()
            .Order(StringComparer.Ordinal)];

    [Fact]
    [Trait("fact", "semantics.md 4.3")]
    [Trait("fact", "semantics.md 4.8")]
    public void On_a_generated_estate_verdicts_first_matches_and_explanations_equal_the_rule_by_rule_walk()
    {
        var decisions = Check(_fixture.Estate, seed: 7, packetsPerNic: 120);

        // Every kind of verdict came up, so every path of the evaluation was compared.
        Assert.Superset(
            new HashSet<(SecurityRuleAccess, FlowDecision)>
            {
                (SecurityRuleAccess.Allow, FlowDecision.Rule), (SecurityRuleAccess.Deny, FlowDecision.Rule), (SecurityRuleAccess.Allow, FlowDecision.PlatformTraffic),
            },
            decisions);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    [Trait("fact", "semantics.md 4.3")]
    [Trait("fact", "semantics.md 4.8")]
    public void On_every_example_verdicts_first_matches_and_explanations_equal_the_rule_by_rule_walk(string example)
    {
        var estate = EstateReader.Read([Path.Combine(RepositoryPaths.Example(example), "estate")]).Estate;

        Check(estate, seed: example.Length, packetsPerNic: 200);
    }

    private static HashSet<(SecurityRuleAccess, FlowDecision)> Check(Estate estate, int seed, int packetsPerNic)
    {
        var routing = RoutingCompiler.Compile(estate);
        var security = SecurityCompiler.Compile(estate, SecurityRoutingInputs.WithRouting(SecurityOptions.Default, routing));
        var random = new Random(seed);
        var decisions = new HashSet<(SecurityRuleAccess, FlowDecision)>();
        foreach (var nic in estate.NetworkInterfaces)
        {
            var compiled = security.For(nic);
            var candidates = AddressesOf(compiled);
            foreach (var association in compiled.Associations)
            {
                CheckRules(association.NetworkSecurityGroup);
            }

            for (var i = 0; i < packetsPerNic; i++)
            {
                var packet = RandomPacket(random, candidates, compiled);
                foreach (var direction in Directions)
                {
                    foreach (var association in compiled.Associations)
                    {
                        var nsg = association.NetworkSecurityGroup;
                        Assert.Equal(FirstMatch(nsg.Rules(direction), packet, platformOnly: false), nsg.IndexOfFirstMatch(direction, packet));
                        Assert.Equal(FirstMatch(nsg.Rules(direction), packet, platformOnly: true), nsg.IndexOfFirstPlatformMatch(direction, packet));
                        foreach (var rule in nsg.Rules(direction))
                        {
                            Assert.Equal(MatchesBySets(rule, packet), rule.Matches(packet));
                            Assert.Equal(MatchesBySets(rule, packet), rule.Mismatch(packet) == RuleMismatch.None);
                        }
                    }

                    var verdict = compiled.Evaluate(direction, packet);
                    var expected = Walk(compiled, direction, packet);
                    Assert.True(expected == (verdict.Access, verdict.Decision, verdict.RuleName, verdict.NetworkSecurityGroup?.Id),
                        $"{nic.Name} {direction} {packet}: engine {verdict}, walk {expected}");
                    CheckExplanation(compiled.Explain(direction, packet), verdict, packet);
                    decisions.Add((verdict.Access, verdict.Decision));
                }
            }
        }

        return decisions;
    }

    // The rule's own sets must be the union of its terms, and its flags what its fields say.
    private static void CheckRules(CompiledNetworkSecurityGroup nsg)
    {
        foreach (var rule in nsg.Inbound.Concat(nsg.Outbound))
        {
            Assert.Equal(Union(rule.SourceTerms), rule.Sources);
            Assert.Equal(Union(rule.DestinationTerms), rule.Destinations);
            Assert.Equal(rule.SourcePorts.IsAll && rule.DestinationPorts.IsAll, rule.MatchesPortlessPackets);
            Assert.Equal(rule.SourceTerms.Concat(rule.DestinationTerms)
                    .Any(t => t.Kind == RuleAddressKind.ServiceTag && ServiceTagNames.IsPlatformServiceTag(t.Text)),
                rule.AppliesToPlatformTraffic);
            Assert.Equal((rule.Rule.IsDefault ? "defaultSecurityRules/" : "securityRules/") + rule.Rule.Name, rule.Name);
        }

        foreach (var rules in new[] { nsg.Inbound, nsg.Outbound })
        {
            Assert.Equal(
                rules.OrderBy(r => r.Priority).ThenBy(r => r.Rule.IsDefault).ThenBy(r => r.Rule.Name, StringComparer.OrdinalIgnoreCase),
                rules);
        }
    }

    private static void CheckExplanation(FlowExplanation explanation, FlowVerdict verdict, Packet packet)
    {
        Assert.Equal(verdict, explanation.Verdict);
        foreach (var step in explanation.Steps)
        {
            foreach (var evaluation in step.Rules)
            {
                Assert.Equal(MatchesBySets(evaluation.Rule, packet), evaluation.Mismatch == RuleMismatch.None);
            }

            Assert.Equal(step.Rules.LastOrDefault(r => r.Matched)?.Rule, step.DecidingRule);
        }

        if (verdict.Decision == FlowDecision.Rule)
        {
            Assert.Same(verdict.Rule, explanation.Steps[^1].DecidingRule);
        }
    }

    // IP flow verify as a walk over the rule objects (semantics.md 4.3, 4.8): inbound subnet then NIC, outbound NIC
    // then subnet; a deny ends it; platform traffic a rule would deny is judged again by the platform rules alone.
    private static (SecurityRuleAccess, FlowDecision, string?, ResourceId?) Walk(NetworkInterfaceSecurity nic, SecurityRuleDirection direction, Packet packet)
    {
        var order = nic.EvaluationOrder(direction);
        if (order.IsEmpty)
        {
            return (SecurityRuleAccess.Allow, FlowDecision.NoNetworkSecurityGroup, null, null);
        }

        var verdict = Decide(order, direction, packet, platformOnly: false, (SecurityRuleAccess.Allow, FlowDecision.NoNetworkSecurityGroup, null, null));
        var remote = direction == SecurityRuleDirection.Inbound ? packet.Source : packet.Destination;
        if (verdict.Item1 == SecurityRuleAccess.Allow || !(remote == IpAddress.Parse("168.63.129.16") || remote == IpAddress.Parse("169.254.169.254")))
        {
            return verdict;
        }

        return Decide(order, direction, packet, platformOnly: true, (SecurityRuleAccess.Allow, FlowDecision.PlatformTraffic, null, null));
    }

    private static (SecurityRuleAccess, FlowDecision, string?, ResourceId?) Decide(IEnumerable<NetworkSecurityGroupAssociation> order,
        SecurityRuleDirection direction, Packet packet, bool platformOnly, (SecurityRuleAccess, FlowDecision, string?, ResourceId?) verdict)
    {
        foreach (var association in order)
        {
            var rules = association.NetworkSecurityGroup.Rules(direction);
            var index = FirstMatch(rules, packet, platformOnly);
            if (index < 0)
            {
                continue;
            }

            verdict = (rules[index].Access, FlowDecision.Rule, rules[index].Name, association.NetworkSecurityGroup.Id);
            if (rules[index].Access == SecurityRuleAccess.Deny)
            {
                break;
            }
        }

        return verdict;
    }

    private static int FirstMatch(IReadOnlyList<CompiledSecurityRule> rules, Packet packet, bool platformOnly)
    {
        for (var i = 0; i < rules.Count; i++)
        {
            if ((!platformOnly || rules[i].AppliesToPlatformTraffic) && MatchesBySets(rules[i], packet))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool MatchesBySets(CompiledSecurityRule rule, Packet packet) =>
        rule.Protocols.Contains(packet.Protocol)
        && rule.Sources.Contains(packet.Source)
        && rule.Destinations.Contains(packet.Destination)
        && (packet.Protocol is SecurityProtocol.Tcp or SecurityProtocol.Udp
            ? rule.SourcePorts.Contains(packet.SourcePort) && rule.DestinationPorts.Contains(packet.DestinationPort)
            : rule.SourcePorts.IsAll && rule.DestinationPorts.IsAll);

    private static AddressSet Union(IEnumerable<RuleAddress> terms) => terms.Aggregate(AddressSet.Empty, (set, t) => set.Union(t.Addresses));

    // Addresses worth asking about: the NIC's own, the platform's, and the edges of every address set its rules name.
    private static List<IpAddress> AddressesOf(NetworkInterfaceSecurity nic)
    {
        var addresses = new List<IpAddress> { IpAddress.Parse("168.63.129.16"), IpAddress.Parse("169.254.169.254"), IpAddress.Parse("93.184.216.34"),
            IpAddress.Parse("2001:db8::1") };
        addresses.AddRange(nic.Addresses.ToRanges().Select(r => r.First));
        foreach (var rule in nic.Associations.SelectMany(a => a.NetworkSecurityGroup.Inbound.Concat(a.NetworkSecurityGroup.Outbound)))
        {
            foreach (var set in new[] { rule.Sources, rule.Destinations })
            {
                foreach (var interval in set.V4.Intervals.ToArray().Take(4))
                {
                    addresses.Add(IpAddress.FromV4(interval.First));
                    addresses.Add(IpAddress.FromV4(interval.Last));
                    if (interval.First > 0)
                    {
                        addresses.Add(IpAddress.FromV4(interval.First - 1));
                    }
                }
            }
        }

        return [.. addresses.Distinct()];
    }

    private static Packet RandomPacket(Random random, List<IpAddress> addresses, NetworkInterfaceSecurity nic)
    {
        int[] ports = [0, 22, 53, 80, 443, 1433, 3389, 5986, 8443, 50_000, 65_535];
        var protocol = Enum.GetValues<SecurityProtocol>()[random.Next(5)];
        var own = nic.Addresses.IsEmpty ? addresses[0] : nic.Addresses.First;
        var remote = addresses[random.Next(addresses.Count)];
        var local = random.Next(4) == 0 ? addresses[random.Next(addresses.Count)] : own;
        return random.Next(2) == 0
            ? Packet.Create(protocol, remote, ports[random.Next(ports.Length)], local, ports[random.Next(ports.Length)])
            : Packet.Create(protocol, local, ports[random.Next(ports.Length)], remote, ports[random.Next(ports.Length)]);
    }
}
