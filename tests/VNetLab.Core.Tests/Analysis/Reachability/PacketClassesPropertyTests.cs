using FsCheck;
using FsCheck.Fluent;
using VNetLab.Addressing;
using VNetLab.Analysis;
using VNetLab.Analysis.Policies;
using VNetLab.Analysis.Reachability;
using VNetLab.Analysis.Tracing;
using VNetLab.Model;
using VNetLab.Security;
using static VNetLab.Core.Tests.Analysis.AnalysisEstate;
using static VNetLab.Core.Tests.Security.SecurityEstate;

namespace VNetLab.Core.Tests.Analysis.Reachability;

/// <summary>
/// The symbolic checks agree with concrete traces: on random estates (random NSG rules, UDRs to appliances, None and
/// the Internet, peered VNets), any concrete packet ends exactly as the representative of its class does, and
/// verify and reach say what concrete traces of random packets say.
/// </summary>
public sealed class PacketClassesPropertyTests
{
    private static readonly string[] _prefixes = ["10.0.0.0/16", "10.0.1.0/24", "10.0.2.0/25", "10.1.0.0/16", "10.1.1.0/24", "0.0.0.0/0", "8.0.0.0/8", "Internet", "VirtualNetwork"];
    private static readonly string[] _ports = ["*", "22", "80", "443", "1000-2000", "53"];

    private sealed record Scenario(int Seed, Estate Estate, IReadOnlyList<(NetworkInterface From, Packet Packet)> Packets)
    {
        public override string ToString() => $"seed {Seed}: " + string.Join("; ", Packets.Take(3).Select(p => $"{p.From.Name} {p.Packet}"));
    }

    private static Scenario Build(int seed)
    {
        var random = new Random(seed);
        T Pick<T>(T[] values) => values[random.Next(values.Length)];
        SecurityRule RandomRule(string nsg, int index) => Rule(nsg, "r" + index, 100 + index, random.Next(2) == 0 ? SecurityRuleDirection.Inbound : SecurityRuleDirection.Outbound,
            random.Next(3) == 0 ? SecurityRuleAccess.Allow : SecurityRuleAccess.Deny, Pick(new[] { "*", "Tcp", "Udp", "Icmp" }), Pick(_prefixes), "*", Pick(_prefixes), Pick(_ports));

        var (aToB, bToA) = PeeringPair("vnet-a", "vnet-b", forwardedIntoA: random.Next(2) == 0, forwardedIntoB: random.Next(2) == 0);
        var routes = new List<Route>();
        for (var i = 0; i < random.Next(4); i++)
        {
            var nextHop = (RouteNextHopType)random.Next(5);
            routes.Add(UserRoute("rt-web", "u" + i, Pick(new[] { "10.1.0.0/16", "10.1.1.0/24", "8.0.0.0/8", "0.0.0.0/0", "10.0.2.0/24" }),
                nextHop is RouteNextHopType.VirtualNetworkGateway or RouteNextHopType.VnetLocal ? RouteNextHopType.VirtualAppliance : nextHop,
                Pick(new[] { "10.0.2.4", "10.1.1.4", "10.0.2.9" })));
        }

        var resources = new List<Resource>
        {
            Vnet("vnet-a", "10.0.0.0/16",
                Subnet("vnet-a", "web", "10.0.1.0/24", nsg: "nsg-web", routeTable: Id("routeTables", "rt-web")),
                Subnet("vnet-a", "nva", "10.0.2.0/24", nsg: "nsg-nva")) with { Peerings = [aToB] },
            Vnet("vnet-b", "10.1.0.0/16", Subnet("vnet-b", "app", "10.1.1.0/24", nsg: "nsg-app")) with { Peerings = [bToA] },
            Nsg("nsg-web", [.. Enumerable.Range(0, random.Next(4)).Select(i => RandomRule("nsg-web", i))]),
            Nsg("nsg-nva", [.. Enumerable.Range(0, random.Next(3)).Select(i => RandomRule("nsg-nva", i))]),
            Nsg("nsg-app", [.. Enumerable.Range(0, random.Next(4)).Select(i => RandomRule("nsg-app", i))]),
            Table("rt-web", [.. routes]),
            Nic("web1", SubnetId("vnet-a", "web"), "10.0.1.4"),
            Nic("web2", SubnetId("vnet-a", "web"), Pick(new[] { "10.0.1.5", "10.0.1.200" }), random.Next(2) == 0 ? "nsg-web2" : null),
            Nsg("nsg-web2", [Outbound("nsg-web2", "Deny-App", 100, SecurityRuleAccess.Deny, "Tcp", destination: "10.1.1.0/24", destinationPorts: Pick(_ports))]),
            Appliance("nva1", SubnetId("vnet-a", "nva"), "10.0.2.4", ipForwarding: random.Next(3) > 0),
            Nic("app1", SubnetId("vnet-b", "app"), "10.1.1.4"),
        };
        var estate = VNetLab.Model.Estate.Create(resources);
        var nics = estate.NetworkInterfaces;
        var destinations = new[] { "10.0.1.4", "10.0.2.4", "10.1.1.4", "10.1.1.77", "8.8.8.8", "93.184.216.34", "10.9.9.9", "10.0.2.200" };
        var packets = Enumerable.Range(0, 12).Select(_ =>
        {
            var from = nics[random.Next(nics.Length)];
            var protocol = (SecurityProtocol)random.Next(3);
            var source = from.PrimaryIpConfiguration?.PrivateIpAddress ?? IpAddress.Parse("10.0.1.4");
            return (from, Packet.Create(protocol, source, random.Next(1024, 65536), IpAddress.Parse(Pick(destinations)), Pick(new[] { 22, 53, 80, 443, 1500, 3389 })));
        }).ToList();
        return new Scenario(seed, estate, packets);
    }

    [Fact]
    [Trait("fact", "issue #6: symbolic verify and reach agree with concrete traces")]
    public void Every_packet_ends_as_its_class_representative_does()
    {
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(40), Prop.ForAll(Gen.Choose(0, 1_000_000).Select(Build).ToArbitrary(), scenario =>
        {
            var analysis = NetworkAnalysis.Compile(scenario.Estate);
            var tracer = new Tracer(analysis);
            var classes = PacketClasses.For(analysis);
            return scenario.Packets.All(p =>
            {
                var representative = classes.ClassOf(p.Packet).Representative;
                var concrete = tracer.Trace(TraceEndpoint.Of(p.From), p.Packet);
                var symbolic = tracer.Trace(TraceEndpoint.Of(p.From), representative);
                return concrete.Disposition == symbolic.Disposition
                    && (concrete.Disposition != FlowDisposition.Unresolved || !concrete.Notes.IsEmpty)
                    && concrete.Hops.Select(h => h.ResourceId).SequenceEqual(symbolic.Hops.Select(h => h.ResourceId));
            });
        }));
    }

    [Fact]
    [Trait("fact", "issue #6: symbolic verify and reach agree with concrete traces")]
    public void Verify_and_reach_agree_with_concrete_traces_of_random_packets()
    {
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(30), Prop.ForAll(Gen.Choose(0, 1_000_000).Select(Build).ToArbitrary(), scenario =>
        {
            var analysis = NetworkAnalysis.Compile(scenario.Estate);
            var tracer = new Tracer(analysis);
            var checker = new PolicyChecker(analysis);
            var reach = new ReachabilityMatrix(analysis).Compute(new EndpointSelector(SelectorKind.Subnet, "vnet-a/web"), new EndpointSelector(SelectorKind.Subnet, "vnet-b/app"));
            var webNics = scenario.Estate.NetworkInterfaces.Where(n => n.Name.StartsWith("web", StringComparison.Ordinal)).ToList();
            PolicyAssertion Assertion(ReachabilityExpectation expect) => new()
            {
                Name = "web and app on Tcp",
                From = new EndpointSelector(SelectorKind.Subnet, "vnet-a/web"),
                To = new EndpointSelector(SelectorKind.Subnet, "vnet-b/app"),
                Protocols = ProtocolSet.Of(SecurityProtocol.Tcp),
                Expect = expect,
            };
            var verdict = checker.Check(Assertion(ReachabilityExpectation.Reachable));
            var isolation = checker.Check(Assertion(ReachabilityExpectation.Unreachable));
            var tcpCell = reach.SingleOrDefault()?.Cells.SingleOrDefault(c => c.Protocol == SecurityProtocol.Tcp);
            var random = new Random(scenario.Seed);
            for (var i = 0; i < 20; i++)
            {
                var sender = webNics[random.Next(webNics.Count)];
                var packet = Packet.Create(SecurityProtocol.Tcp, sender.PrimaryIpConfiguration!.PrivateIpAddress!.Value, random.Next(0, 65536),
                    IpAddress.FromV4(IpAddress.Parse("10.1.1.0").V4Value + (uint)random.Next(256)), random.Next(0, 65536));
                var success = tracer.Trace(TraceEndpoint.Of(sender), packet).Disposition.IsSuccess();
                if ((!success && verdict.Passed) || (success && isolation.Passed))
                {
                    return false;
                }

                if (success && tcpCell?.Ports.Contains(packet.DestinationPort) != true)
                {
                    return false;
                }
            }

            // A failing verdict has a counterexample that really fails.
            return verdict.Passed || verdict.Counterexample is { } c && !tracer.Trace(c.Source.Endpoint, c.Class.Representative).Disposition.IsSuccess();
        }));
    }

    [Fact]
    [Trait("fact", "issue #7: the reach matrix traces fewer classes without changing any answer")]
    public void Reach_matches_a_trace_of_every_estate_wide_class()
    {
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(25), Prop.ForAll(Gen.Choose(0, 1_000_000).Select(Build).ToArbitrary(), scenario =>
        {
            var analysis = NetworkAnalysis.Compile(scenario.Estate);
            var matrix = new ReachabilityMatrix(analysis);
            var expected = Naive(analysis, matrix.Resolver);
            var actual = matrix.Compute().Select(r => $"{r.Source} -> {r.Destination}: {string.Join("; ", r.Cells.Select(c => $"{c} [{c.Exits}]"))}");
            return expected.SequenceEqual(actual);
        }));
    }

    /// <summary>The matrix the slow way: every endpoint, every estate-wide packet class, one trace each.</summary>
    private static List<string> Naive(NetworkAnalysis analysis, SelectorResolver resolver)
    {
        var tracer = new Tracer(analysis);
        var classes = PacketClasses.For(analysis);
        var rows = new List<string>();
        foreach (var group in resolver.AllSources().GroupBy(s => s.Group, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            foreach (var destination in resolver.AllDestinations().Where(d => d.Label != group.Key))
            {
                var reached = new SortedDictionary<SecurityProtocol, (PortSet Ports, SortedSet<string> Exits)>();
                var missed = new Dictionary<SecurityProtocol, PortSet>();
                foreach (var endpoint in group)
                {
                    foreach (var packetClass in classes.Enumerate(endpoint.Addresses, destination.Addresses.Except(endpoint.Addresses), ProtocolSet.All, PortSet.All))
                    {
                        var trace = tracer.Trace(endpoint.Endpoint, packetClass.Representative);
                        var ports = packetClass.Protocol.HasPorts() ? PortSet.FromRange(packetClass.DestinationPorts) : PortSet.All;
                        if (trace.Disposition.IsSuccess())
                        {
                            var current = reached.GetValueOrDefault(packetClass.Protocol, (Ports: PortSet.Empty, Exits: new SortedSet<string>(StringComparer.Ordinal)));
                            current.Exits.Add(trace.Disposition switch
                            {
                                FlowDisposition.ExitedToInternet => "Internet",
                                FlowDisposition.ExitedToExternalSite => "site " + (trace.LastHop?.Name ?? "?"),
                                _ => "delivered",
                            });
                            reached[packetClass.Protocol] = (packetClass.Protocol.HasPorts() ? current.Ports.Union(ports) : PortSet.Empty, current.Exits);
                        }
                        else
                        {
                            missed[packetClass.Protocol] = missed.GetValueOrDefault(packetClass.Protocol, PortSet.Empty).Union(ports);
                        }
                    }
                }

                if (reached.Count > 0)
                {
                    rows.Add($"{group.Key} -> {destination.Label}: " + string.Join("; ", reached.Select(p =>
                    {
                        var missedPorts = missed.GetValueOrDefault(p.Key, PortSet.Empty);
                        var complete = p.Key.HasPorts() ? !missedPorts.Overlaps(p.Value.Ports) : !missed.ContainsKey(p.Key);
                        return $"{new ReachCell(p.Key, p.Value.Ports, complete, string.Empty)} [{string.Join(",", p.Value.Exits)}]";
                    })));
                }
            }
        }

        return rows;
    }
}
