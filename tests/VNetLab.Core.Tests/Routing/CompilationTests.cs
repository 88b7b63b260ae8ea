using VNetLab.Model;
using VNetLab.Routing;
using static VNetLab.Core.Tests.Routing.TestEstate;

namespace VNetLab.Core.Tests.Routing;

/// <summary>Compile once, query many: shared tables, shared gateway routes, and the same answer however many threads compile.</summary>
public class CompilationTests
{
    private static TestEstate HubAndSpokes(int spokes)
    {
        var estate = new TestEstate()
            .Vnet("hub", "10.0.0.0/16").Subnet("hub", "GatewaySubnet", "10.0.0.0/27").Subnet("hub", "s", "10.0.1.0/24")
            .ExpressRouteGateway("ergw", "hub")
            .Circuit("circuit")
            .ExpressRouteConnection("er", "ergw", "circuit")
            .Site("onprem", 65010, "192.168.0.0/16, 172.20.0.0/14, 10.200.0.0/16", CircuitId("circuit"))
            .RouteTable("rt", false, Udr("default", "0.0.0.0/0", RouteNextHopType.VirtualAppliance, "10.0.1.4"));
        for (var i = 1; i <= spokes; i++)
        {
            var name = "spoke" + i;
            estate.Vnet(name, $"10.{i}.0.0/16")
                .Subnet(name, "a", $"10.{i}.0.0/24")
                .Subnet(name, "b", $"10.{i}.1.0/24")
                .Subnet(name, "c", $"10.{i}.2.0/24", "rt")
                .Peer("hub", name, hubAllowsTransit: true, spokeUsesRemoteGateways: true);
        }

        return estate;
    }

    [Fact]
    [Trait("fact", "STYLE.md 6.8 rule 9 (same estate, same output, whatever the machine)")]
    public void Parallel_and_sequential_compilation_give_identical_tables_and_notes()
    {
        var estate = HubAndSpokes(12).Build();
        var parallel = RoutingCompiler.Compile(estate);
        var sequential = RoutingCompiler.Compile(estate, new RoutingOptions { MaxDegreeOfParallelism = 1 });

        Assert.Equal(sequential.Subnets.Select(s => s.SubnetId), parallel.Subnets.Select(s => s.SubnetId));
        foreach (var (left, right) in sequential.Subnets.Zip(parallel.Subnets))
        {
            Assert.Equal(left.Table.GetRoutes().AsEnumerable(), right.Table.GetRoutes().AsEnumerable());
            Assert.Equal(left.Notes.Select(n => n.Message), right.Notes.Select(n => n.Message));
        }

        Assert.Equal(sequential.Notes.Select(n => n.Message), parallel.Notes.Select(n => n.Message));
    }

    [Fact]
    [Trait("fact", "issue #4 (one table per distinct route set, identical sets shared; gateway routes shared, not copied)")]
    public void Identical_route_sets_share_one_table_and_every_spoke_shares_the_hubs_gateway_routes()
    {
        var routing = HubAndSpokes(3).Compile();

        // Per spoke: a and b share a table, c (route table) has its own; the hub's two subnets share one.
        Assert.Equal(1 + (3 * 2), routing.DistinctTableCount);
        Assert.Same(routing.RouteTableOf(SubnetId("spoke1", "a")), routing.RouteTableOf(SubnetId("spoke1", "b")));
        Assert.NotSame(routing.RouteTableOf(SubnetId("spoke1", "a")), routing.RouteTableOf(SubnetId("spoke1", "c")));

        var first = routing.EffectiveRoutesOf(SubnetId("spoke1", "a")).Where(r => r.Source == EffectiveRouteSource.VirtualNetworkGateway).ToList();
        var second = routing.EffectiveRoutesOf(SubnetId("spoke2", "a")).Where(r => r.Source == EffectiveRouteSource.VirtualNetworkGateway).ToList();
        Assert.Equal(3, first.Count);
        Assert.All(first.Zip(second), pair => Assert.Same(pair.First, pair.Second));
    }
}
