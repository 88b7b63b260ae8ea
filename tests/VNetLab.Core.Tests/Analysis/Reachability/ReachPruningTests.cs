using VNetLab.Addressing;
using VNetLab.Analysis;
using VNetLab.Analysis.Policies;
using VNetLab.Analysis.Reachability;
using VNetLab.Model;
using VNetLab.Routing;
using VNetLab.Testing.Reference.Reachability;
using static VNetLab.Core.Tests.Security.SecurityEstate;

namespace VNetLab.Core.Tests.Analysis.Reachability;

/// <summary>
/// The reach matrix's pruning only drops pairs no packet can pass: what an NSG admits is a superset of every allowed
/// packet's remote address, the egress set holds every destination some subnet routes out, and a pruned matrix has
/// exactly the traced matrix's rows.
/// </summary>
public sealed class ReachPruningTests
{
    private static readonly string[] _prefixes = ["*", "10.0.0.0/16", "10.0.1.0/24", "10.0.2.0/25", "10.0.2.128/25", "10.0.3.7/32", "192.168.0.0/16", "VirtualNetwork", "Internet"];
    private static readonly string[] _ports = ["*", "80", "443", "1000-2000", "22 3389"];
    private static readonly string[] _protocols = ["*", "Tcp", "Udp", "Icmp"];
    private static readonly string[] _sources = ["10.0.1.4", "10.0.2.5", "10.0.2.200", "10.0.3.7", "10.0.3.8", "192.168.4.4", "8.8.8.8", "172.16.0.1"];

    [Fact]
    public void What_an_nsg_admits_holds_the_source_of_every_allowed_packet()
    {
        var random = new Random(20261122);
        var excluded = 0;
        for (var round = 0; round < 200; round++)
        {
            var rules = Enumerable.Range(0, 6).Select(i => Inbound("nsg", $"r{i}", 100 + (i * 10),
                random.Next(3) == 0 ? SecurityRuleAccess.Allow : SecurityRuleAccess.Deny,
                _protocols[random.Next(_protocols.Length)], source: _prefixes[random.Next(_prefixes.Length)],
                destination: random.Next(4) == 0 ? "10.0.1.0/25" : "*", destinationPorts: _ports[random.Next(_ports.Length)])).ToArray();
            var security = CompileNic("nic", [Vnet("vnet-a", "10.0.0.0/16", Subnet("vnet-a", "web", "10.0.1.0/24")), Nsg("nsg", rules), Nic("nic", SubnetId("vnet-a", "web"), "10.0.1.4", nsg: "nsg")]);
            var admitted = FilterAdmission.Admitted(security.Associations[0].NetworkSecurityGroup.Inbound, SecurityRuleDirection.Inbound,
                AddressSet.FromAddress(IpAddress.Parse("10.0.1.4")));
            foreach (var source in _sources)
            {
                var allowedOnce = false;
                foreach (var port in new[] { 22, 80, 443, 1500, 8080 })
                {
                    allowedOnce |= security.Evaluate(SecurityRuleDirection.Inbound, Tcp(source, 50000, "10.0.1.4", port)).IsAllowed
                        || security.Evaluate(SecurityRuleDirection.Inbound, Udp(source, 50000, "10.0.1.4", port)).IsAllowed;
                }

                allowedOnce |= security.Evaluate(SecurityRuleDirection.Inbound, Icmp(source, "10.0.1.4")).IsAllowed;
                Assert.True(!allowedOnce || admitted.Contains(IpAddress.Parse(source)), $"round {round}: {source} is allowed but not admitted");
                excluded += admitted.Contains(IpAddress.Parse(source)) ? 0 : 1;
            }
        }

        // Not vacuous: deny-all style rules did shut sources out.
        Assert.True(excluded > 0);
    }

    [Fact]
    public void The_egress_set_holds_every_destination_a_subnet_routes_to_the_internet()
    {
        var estate = Estate.Create(
        [
            Vnet("vnet-a", "10.0.0.0/16", Subnet("vnet-a", "web", "10.0.1.0/24", routeTable: Id("routeTables", "rt-web")), Subnet("vnet-a", "db", "10.0.2.0/24")),
            RouteTable("rt-web", false, ("0.0.0.0/0", RouteNextHopType.None), ("8.8.8.0/24", RouteNextHopType.Internet), ("10.0.2.0/25", RouteNextHopType.Internet)),
        ]);
        var routing = NetworkAnalysis.Compile(estate).Routing;
        var egress = EgressAddresses.For(routing);
        var random = new Random(7);
        for (var i = 0; i < 2000; i++)
        {
            var address = IpAddress.FromV4((uint)random.NextInt64(0, 1L << 32));
            if (i % 2 == 0)
            {
                address = IpAddress.FromV4(0x0A000000u | (uint)random.Next(0, 1 << 16));
            }

            var exits = routing.Subnets.Any(s => routing.TryGetNextHop(s.SubnetId, address, out var next)
                && next.NextHopType is NextHopType.Internet or NextHopType.VirtualNetworkGateway);
            Assert.True(!exits || egress.Contains(address), $"{address} is routed out but not in the egress set");
        }

        Assert.True(egress.Contains(IpAddress.Parse("10.0.2.5")));
        Assert.False(egress.Contains(IpAddress.Parse("10.0.1.4")));
        Assert.False(egress.Contains(IpAddress.Parse("10.0.2.200")));
    }

    [Fact]
    public void A_deny_all_destination_is_pruned_and_the_rows_stay_those_of_the_traced_matrix()
    {
        var analysis = NetworkAnalysis.Compile(Estate.Create(
        [
            Vnet("vnet-a", "10.0.0.0/16", Subnet("vnet-a", "web", "10.0.1.0/24"), Subnet("vnet-a", "db", "10.0.2.0/24", nsg: "nsg-db"), Subnet("vnet-a", "app", "10.0.3.0/24")),
            Nsg("nsg-db", Inbound("nsg-db", "Allow-App-Sql", 100, SecurityRuleAccess.Allow, "Tcp", source: "10.0.3.0/24", destinationPorts: "1433"),
                Inbound("nsg-db", "Deny-All", 4096, SecurityRuleAccess.Deny)),
            Nic("web1", SubnetId("vnet-a", "web"), "10.0.1.4"),
            Nic("db1", SubnetId("vnet-a", "db"), "10.0.2.4"),
            Nic("app1", SubnetId("vnet-a", "app"), "10.0.3.4"),
        ]));
        var resolver = new SelectorResolver(analysis.Estate);
        var sources = resolver.AllSources().GroupBy(s => s.Group, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ReachSource(g.Key, [.. g], g.Aggregate(AddressSet.Empty, (set, e) => set.Union(e.Addresses)))).ToList();
        var destinations = resolver.AllDestinations();
        var candidates = new ReachPruning(analysis).Candidates(sources, destinations);
        var db = destinations.IndexOf(destinations.Single(d => d.Label == "vnet-a/db"));

        Assert.DoesNotContain(db, candidates[sources.FindIndex(s => s.Label == "vnet-a/web")]);
        Assert.Contains(db, candidates[sources.FindIndex(s => s.Label == "vnet-a/app")]);
        Assert.Equal(new TracedReachabilityMatrix(analysis).Compute().Select(r => $"{r.Source} {r.Destination} {r.Summary}"),
            new ReachabilityMatrix(analysis).Compute().Select(r => $"{r.Source} {r.Destination} {r.Summary}"));
        Assert.Contains(new ReachabilityMatrix(analysis).Compute(), r => r.Source == "vnet-a/app" && r.Destination == "vnet-a/db" && r.Summary == "Tcp 1433");
    }
}
