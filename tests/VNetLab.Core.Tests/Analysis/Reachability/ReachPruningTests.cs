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
    public void The_egress_set_skips_only_tables_whose_exits_it_holds_already()
    {
        // Three tables: the second routes out a part of what the first does (skipped, as it adds nothing), the third the
        // first's prefix and one more (not skipped): every address some table routes out must still be held.
        var estate = Estate.Create(
        [
            Vnet("vnet-a", "10.0.0.0/16",
                Subnet("vnet-a", "web", "10.0.1.0/24", routeTable: Id("routeTables", "rt-web")),
                Subnet("vnet-a", "app", "10.0.2.0/24", routeTable: Id("routeTables", "rt-app")),
                Subnet("vnet-a", "db", "10.0.3.0/24", routeTable: Id("routeTables", "rt-db"))),
            RouteTable("rt-web", false, ("0.0.0.0/0", RouteNextHopType.None), ("8.8.8.0/24", RouteNextHopType.Internet), ("9.9.0.0/16", RouteNextHopType.Internet)),
            RouteTable("rt-app", false, ("0.0.0.0/0", RouteNextHopType.None), ("8.8.8.0/25", RouteNextHopType.Internet)),
            RouteTable("rt-db", false, ("0.0.0.0/0", RouteNextHopType.None), ("8.8.8.0/24", RouteNextHopType.Internet), ("1.1.1.0/24", RouteNextHopType.Internet)),
        ]);
        var routing = NetworkAnalysis.Compile(estate).Routing;
        var egress = EgressAddresses.For(routing);
        foreach (var (address, exits) in new[] { ("8.8.8.1", true), ("8.8.8.200", true), ("9.9.1.1", true), ("1.1.1.1", true), ("2.2.2.2", false), ("10.0.2.4", false) })
        {
            Assert.Equal(exits, routing.Subnets.Any(s => routing.TryGetNextHop(s.SubnetId, IpAddress.Parse(address), out var next)
                && next.NextHopType is NextHopType.Internet or NextHopType.VirtualNetworkGateway));
            Assert.Equal(exits, egress.Contains(IpAddress.Parse(address)));
        }
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

    [Fact]
    public void Destinations_behind_one_nsg_share_what_it_admits_only_when_no_rule_tells_them_apart()
    {
        // One NSG on five subnets, each told apart from the others by a single rule or a single address: "partial" meets
        // the same rules as "covered" but is only partly inside the deny's destination; "web" and "app" differ in one
        // allow rule; "multi" meets a rule through its second prefix only; "twin" is told apart from nothing (it shares
        // with "web"). Whatever order they are asked in, each must get what it alone would get.
        var analysis = NetworkAnalysis.Compile(Estate.Create(
        [
            Vnet("vnet-a", "10.0.0.0/16",
                Subnet("vnet-a", "covered", "10.0.3.0/25", nsg: "nsg-spoke"),
                Subnet("vnet-a", "partial", "10.0.4.0/24", nsg: "nsg-spoke"),
                Subnet("vnet-a", "web", "10.0.1.0/24", nsg: "nsg-spoke"),
                Subnet("vnet-a", "twin", "10.0.11.0/24", nsg: "nsg-spoke"),
                Subnet("vnet-a", "app", "10.0.2.0/24", nsg: "nsg-spoke"),
                Subnet("vnet-a", "multi", "10.0.5.0/24", nsg: "nsg-spoke") with
                {
                    AddressPrefixes = [AddressPrefix.Of(IpPrefix.Parse("10.0.5.0/24")), AddressPrefix.Of(IpPrefix.Parse("10.0.12.0/24"))],
                },
                Subnet("vnet-a", "mgmt", "10.0.9.0/24"),
                Subnet("vnet-a", "ops", "10.0.8.0/24"),
                Subnet("vnet-a", "batch", "10.0.7.0/24")),
            Nsg("nsg-spoke",
                Inbound("nsg-spoke", "Deny-Mgmt-Covered", 100, SecurityRuleAccess.Deny, source: "10.0.9.0/24", destination: "10.0.3.0/25 10.0.4.0/25"),
                Inbound("nsg-spoke", "Allow-Mgmt-Ssh", 110, SecurityRuleAccess.Allow, "Tcp", source: "10.0.9.0/24", destinationPorts: "22"),
                Inbound("nsg-spoke", "Allow-Ops-App", 120, SecurityRuleAccess.Allow, "Tcp", source: "10.0.8.0/24", destination: "10.0.2.0/24", destinationPorts: "443"),
                Inbound("nsg-spoke", "Allow-Batch-Multi", 130, SecurityRuleAccess.Allow, "Tcp", source: "10.0.7.0/24", destination: "10.0.12.0/24", destinationPorts: "80"),
                Inbound("nsg-spoke", "Deny-All", 4096, SecurityRuleAccess.Deny)),
            Nic("covered1", SubnetId("vnet-a", "covered"), "10.0.3.4"),
            Nic("partial1", SubnetId("vnet-a", "partial"), "10.0.4.4"),
            Nic("partial2", SubnetId("vnet-a", "partial"), "10.0.4.200"),
            Nic("web1", SubnetId("vnet-a", "web"), "10.0.1.4"),
            Nic("twin1", SubnetId("vnet-a", "twin"), "10.0.11.4"),
            Nic("app1", SubnetId("vnet-a", "app"), "10.0.2.4"),
            Nic("multi1", SubnetId("vnet-a", "multi"), "10.0.12.4"),
            Nic("mgmt1", SubnetId("vnet-a", "mgmt"), "10.0.9.4"),
            Nic("ops1", SubnetId("vnet-a", "ops"), "10.0.8.4"),
            Nic("batch1", SubnetId("vnet-a", "batch"), "10.0.7.4"),
        ]));
        var destinations = new[] { "10.0.3.0/25", "10.0.4.0/24", "10.0.1.0/24", "10.0.11.0/24", "10.0.2.0/24", "10.0.5.0/24 10.0.12.0/24" }
            .Select(d => AddressSet.FromPrefixes(d.Split(' ').Select(IpPrefix.Parse)))
            .ToArray();
        var alone = destinations.Select(d => new ReachPruning(analysis).SourcesAdmittedAt(d)).ToArray();
        foreach (var order in new[] { new[] { 0, 1, 2, 3, 4, 5 }, [5, 4, 3, 2, 1, 0], [1, 0, 4, 2, 5, 3] })
        {
            var shared = new ReachPruning(analysis);
            foreach (var d in order)
            {
                Assert.Equal(alone[d], shared.SourcesAdmittedAt(destinations[d]));
            }
        }

        // What each admits, from the rules: the bound is tight enough here to tell every destination apart.
        bool Admits(int destination, string source) => alone[destination].Contains(IpAddress.Parse(source));
        Assert.False(Admits(0, "10.0.9.4"));
        Assert.True(Admits(1, "10.0.9.4"));
        Assert.True(Admits(2, "10.0.9.4") && !Admits(2, "10.0.8.4") && !Admits(2, "10.0.7.4"));
        Assert.Equal(alone[2], alone[3]);
        Assert.True(Admits(4, "10.0.8.4") && Admits(4, "10.0.9.4"));
        Assert.True(Admits(5, "10.0.7.4") && !Admits(5, "10.0.8.4"));

        // And the rows stay those of the traced matrix.
        Assert.Equal(new TracedReachabilityMatrix(analysis).Compute().Select(r => $"{r.Source} {r.Destination} {r.Summary}"),
            new ReachabilityMatrix(analysis).Compute().Select(r => $"{r.Source} {r.Destination} {r.Summary}"));
    }

    [Fact]
    public void A_nics_nsgs_are_read_as_its_compiled_security_associates_them()
    {
        var estate = Estate.Create([
            Vnet("vnet-a", "10.0.0.0/16",
                Subnet("vnet-a", "web", "10.0.1.0/24", nsg: "nsg-subnet"),
                Subnet("vnet-a", "bare", "10.0.2.0/24")),
            Nsg("nsg-subnet", Inbound("nsg-subnet", "Allow-Web", 100, SecurityRuleAccess.Allow, "Tcp", destinationPorts: "443")),
            Nsg("nsg-nic", Inbound("nsg-nic", "Deny-Ssh", 100, SecurityRuleAccess.Deny, "Tcp", destinationPorts: "22")),
            Nic("both", SubnetId("vnet-a", "web"), "10.0.1.4", nsg: "nsg-nic"),
            Nic("subnet-only", SubnetId("vnet-a", "web"), "10.0.1.5"),
            Nic("nic-only", SubnetId("vnet-a", "bare"), "10.0.2.4", nsg: "nsg-nic"),
            Nic("none", SubnetId("vnet-a", "bare"), "10.0.2.5"),
            Nic("detached", SubnetId("vnet-a", "missing"), "10.0.3.4", nsg: "nsg-nic"),
        ]);
        var analysis = NetworkAnalysis.Compile(estate);
        var lengths = new List<int>();
        foreach (var nic in estate.NetworkInterfaces)
        {
            var (first, second) = analysis.Security.NetworkSecurityGroupsOf(nic);
            var associations = analysis.Security.For(nic).Associations;
            Assert.Same(associations.Length > 0 ? associations[0].NetworkSecurityGroup : null, first);
            Assert.Same(associations.Length > 1 ? associations[1].NetworkSecurityGroup : null, second);
            lengths.Add(associations.Length);
        }

        Assert.Equal([2, 1, 1, 0, 1], lengths);
    }
}
