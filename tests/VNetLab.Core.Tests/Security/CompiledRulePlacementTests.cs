using VNetLab.Model;
using VNetLab.Security;
using static VNetLab.Core.Tests.Security.SecurityEstate;

namespace VNetLab.Core.Tests.Security;

/// <summary>
/// A compiled NSG places its rules' conditions side by side in evaluation order and each rule reads its own entry
/// there; what it publishes on first read (allowed packets, notes, the tag's prefix lists) is one value however many
/// threads ask first. Seeded random NSGs with ties of priority and name, both directions, and every kind of side.
/// </summary>
public class CompiledRulePlacementTests
{
    private static readonly string[] Sides =
        ["*", "10.1.0.0/16", "10.2.3.0/24,10.9.0.0/16", "10.4.0.0/24, 192.168.0.0/16, 10.4.1.0/24", "VirtualNetwork", "Internet",
            "AzureLoadBalancer", "AzurePlatformDNS", "172.16.0.5", "NotATag"];

    private static readonly string[] Ports = ["*", "22", "80,443", "1000-2000", "53"];

    private static readonly string[] Protocols = ["*", "Tcp", "Udp", "Icmp"];

    [Fact]
    public void Each_rule_reads_its_own_conditions_in_evaluation_order()
    {
        for (var seed = 1; seed <= 40; seed++)
        {
            var (security, subnets) = RandomEstate(seed);
            foreach (var subnet in subnets)
            {
                var nsg = security.SubnetNetworkSecurityGroup(subnet);
                Assert.NotNull(nsg);
                foreach (var direction in new[] { SecurityRuleDirection.Inbound, SecurityRuleDirection.Outbound })
                {
                    var rules = nsg.Rules(direction);
                    var expectedOrder = nsg.NetworkSecurityGroup.SecurityRules.Concat(DefaultSecurityRules.For(nsg.Id))
                        .Select((rule, position) => (rule, position))
                        .Where(r => r.rule.Direction == direction)
                        .OrderBy(r => r.rule.Priority).ThenBy(r => r.rule.IsDefault).ThenBy(r => r.rule.Name, StringComparer.OrdinalIgnoreCase)
                        .ThenBy(r => r.position)
                        .Select(r => r.rule.Id)
                        .ToList();
                    Assert.Equal(expectedOrder, rules.Select(r => r.Rule.Id).ToList());

                    foreach (var rule in rules)
                    {
                        // The same rule read alone, with a cache of its own: its conditions must be what the placed rule reads.
                        var alone = SecurityRuleCompiler.Compile(rule.Rule, nsg.VirtualNetworkTag, security.Options.ServiceTags,
                            security.ApplicationSecurityGroups, new SecurityRuleTermCache()).Conditions;
                        Assert.Equal(alone.Protocols, rule.Protocols);
                        Assert.Equal(alone.Sources, rule.Sources);
                        Assert.Equal(alone.Destinations, rule.Destinations);
                        Assert.Equal(alone.SourcePorts, rule.SourcePorts);
                        Assert.Equal(alone.DestinationPorts, rule.DestinationPorts);
                        Assert.Equal(alone.MatchesPortlessPackets, rule.MatchesPortlessPackets);
                        Assert.Equal(alone.AppliesToPlatformTraffic, rule.AppliesToPlatformTraffic);
                    }

                    var random = new Random(seed * 7919);
                    for (var i = 0; i < 200; i++)
                    {
                        var packet = RandomPacket(random);
                        var expected = -1;
                        var expectedPlatform = -1;
                        for (var k = rules.Length - 1; k >= 0; k--)
                        {
                            if (rules[k].Matches(packet))
                            {
                                expected = k;
                                expectedPlatform = rules[k].AppliesToPlatformTraffic ? k : expectedPlatform;
                            }
                        }

                        Assert.Equal(expected, nsg.IndexOfFirstMatch(direction, packet));
                        Assert.Equal(expectedPlatform, nsg.IndexOfFirstPlatformMatch(direction, packet));
                    }
                }
            }
        }
    }

    [Fact]
    public void What_is_made_on_first_read_is_one_value_for_every_thread_that_asks_first()
    {
        for (var seed = 1; seed <= 10; seed++)
        {
            var (security, subnets) = RandomEstate(seed);
            var nic = security.For(security.Estate.NetworkInterfaces[0]);
            var nsg = security.SubnetNetworkSecurityGroup(subnets[0]);
            Assert.NotNull(nsg);

            var seen = new object[8][];
            using var start = new Barrier(seen.Length);
            Parallel.For(0, seen.Length, new ParallelOptions { MaxDegreeOfParallelism = seen.Length }, t =>
            {
                start.SignalAndWait();
                seen[t] =
                [
                    nsg.AllowedPackets(SecurityRuleDirection.Inbound),
                    nsg.AllowedPlatformPackets(SecurityRuleDirection.Outbound),
                    nic.AllowedPackets(SecurityRuleDirection.Inbound),
                    nic.Notes,
                    nsg.VirtualNetworkTag.ExpandedPrefixes,
                    nsg.VirtualNetworkTag.Prefixes,
                ];
            });

            for (var t = 1; t < seen.Length; t++)
            {
                Assert.Same(seen[0][0], seen[t][0]);
                Assert.Same(seen[0][1], seen[t][1]);
                Assert.Same(seen[0][2], seen[t][2]);
                Assert.Equal(seen[0][3], seen[t][3]);
                Assert.Equal(seen[0][4], seen[t][4]);
                Assert.Equal(seen[0][5], seen[t][5]);
            }

            Assert.Same(seen[0][0], nsg.AllowedPackets(SecurityRuleDirection.Inbound));
            Assert.True(nic.Notes == nic.Notes, "the notes are one array once published");
            Assert.True(nsg.VirtualNetworkTag.ExpandedPrefixes == nsg.VirtualNetworkTag.ExpandedPrefixes, "one array once published");
        }
    }

    private static (CompiledSecurity Security, List<Subnet> Subnets) RandomEstate(int seed)
    {
        var random = new Random(seed);
        var rules = new List<SecurityRule>();
        var count = random.Next(1, 40);
        for (var i = 0; i < count; i++)
        {
            // Few priorities and names, so ties of priority, of name (in other casings too) and of both occur.
            var name = (random.Next(3) == 0 ? "Rule-" : "rule-") + random.Next(8).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var direction = random.Next(2) == 0 ? SecurityRuleDirection.Inbound : SecurityRuleDirection.Outbound;
            var useAsg = random.Next(6) == 0;
            rules.Add(Rule("nsg", name + "-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)[..Math.Min(1, random.Next(2))], 100 + random.Next(5) * 10,
                direction, random.Next(2) == 0 ? SecurityRuleAccess.Allow : SecurityRuleAccess.Deny,
                Protocols[random.Next(Protocols.Length)], Sides[random.Next(Sides.Length)], Ports[random.Next(Ports.Length)],
                Sides[random.Next(Sides.Length)], Ports[random.Next(Ports.Length)],
                sourceAsgs: useAsg ? [AsgId("asg-app")] : null));
        }

        var estate = Estate.Create(
        [
            Vnet("vnet1", "10.0.0.0/16", Subnet("vnet1", "web", "10.0.1.0/24", "nsg"), Subnet("vnet1", "app", "10.0.2.0/24", "nsg")),
            Asg("asg-app"),
            Nsg("nsg", [.. rules]),
            Nic("web-1", SubnetId("vnet1", "web"), "10.0.1.4"),
            Nic("app-1", SubnetId("vnet1", "app"), "10.0.2.4", null, AsgId("asg-app")),
        ]);
        return (SecurityCompiler.Compile(estate), [.. estate.VirtualNetworks.SelectMany(v => v.Subnets)]);
    }

    private static Packet RandomPacket(Random random)
    {
        string[] addresses = ["10.0.1.4", "10.0.2.4", "10.1.2.3", "10.9.9.9", "192.168.3.4", "172.16.0.5", "8.8.8.8", "168.63.129.16",
            "10.4.1.7", "169.254.169.254"];
        var source = addresses[random.Next(addresses.Length)];
        var destination = addresses[random.Next(addresses.Length)];
        int[] ports = [22, 53, 80, 443, 1500, 3389, 50000];
        return random.Next(4) switch
        {
            0 => Udp(source, ports[random.Next(ports.Length)], destination, ports[random.Next(ports.Length)]),
            1 => Icmp(source, destination),
            _ => Tcp(source, ports[random.Next(ports.Length)], destination, ports[random.Next(ports.Length)]),
        };
    }
}
