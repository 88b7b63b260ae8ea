using VNetLab.Model;
using VNetLab.Routing;
using static VNetLab.Core.Tests.Routing.TestEstate;

namespace VNetLab.Core.Tests.Routing;

public class PeeringRoutesTests
{
    private static IEnumerable<EffectiveRoute> PeeringRoutes(CompiledRouting routing, string vnet, string subnet) =>
        routing.EffectiveRoutesOf(SubnetId(vnet, subnet)).Where(r => r.NextHopType is NextHopType.VNetPeering or NextHopType.VNetGlobalPeering);

    [Fact]
    [Trait("fact", "semantics.md 2.2 (a route per address range of each peered VNet, for all subnets)")]
    public void A_connected_peering_adds_one_route_per_remote_address_range_to_every_subnet()
    {
        var routing = new TestEstate()
            .Vnet("vnet1", "10.0.0.0/16").Subnet("vnet1", "a", "10.0.0.0/24").Subnet("vnet1", "b", "10.0.1.0/24")
            .Vnet("vnet2", "10.1.0.0/16, 10.2.0.0/16").Subnet("vnet2", "a", "10.1.0.0/24")
            .Peer("vnet1", "vnet2")
            .Compile();

        foreach (var subnet in new[] { "a", "b" })
        {
            RouteRows.AssertSameRows(
                [new("Default", "Active", "10.1.0.0/16", "VNetPeering", ""), new("Default", "Active", "10.2.0.0/16", "VNetPeering", "")],
                PeeringRoutes(routing, "vnet1", subnet));
        }

        RouteRows.AssertSameRows([new("Default", "Active", "10.0.0.0/16", "VNetPeering", "")], PeeringRoutes(routing, "vnet2", "a"));
    }

    [Fact]
    [Trait("fact", "semantics.md 1.2 (VNetGlobalPeering for a peered VNet in another region)")]
    public void A_peering_across_regions_is_listed_as_global_peering()
    {
        var routing = new TestEstate()
            .Vnet("weu", "10.0.0.0/16", "westeurope").Subnet("weu", "a", "10.0.0.0/24")
            .Vnet("neu", "10.1.0.0/16", "North Europe").Subnet("neu", "a", "10.1.0.0/24")
            .Peer("weu", "neu")
            .Compile();

        var route = Assert.Single(PeeringRoutes(routing, "weu", "a"));
        Assert.Equal(NextHopType.VNetGlobalPeering, route.NextHopType);
    }

    [Fact]
    [Trait("fact", "semantics.md 2.2 (peering routes need the peering to be Connected)")]
    public void Initiated_and_disconnected_peerings_install_no_route()
    {
        var routing = new TestEstate()
            .Vnet("vnet1", "10.0.0.0/16").Subnet("vnet1", "a", "10.0.0.0/24")
            .Vnet("vnet2", "10.1.0.0/16").Subnet("vnet2", "a", "10.1.0.0/24")
            .Vnet("vnet3", "10.2.0.0/16").Subnet("vnet3", "a", "10.2.0.0/24")
            .PeerOneWay("vnet1", "vnet2", state: PeeringState.Initiated)
            .Peer("vnet1", "vnet3", state: PeeringState.Disconnected)
            .Compile();

        Assert.Empty(PeeringRoutes(routing, "vnet1", "a"));
        Assert.Empty(PeeringRoutes(routing, "vnet3", "a"));
    }

    [Fact]
    [Trait("fact", "issue #4: peering routes only with access allowed (allowVirtualNetworkAccess)")]
    public void A_peering_that_does_not_allow_access_installs_no_route_on_its_side()
    {
        var routing = new TestEstate()
            .Vnet("vnet1", "10.0.0.0/16").Subnet("vnet1", "a", "10.0.0.0/24")
            .Vnet("vnet2", "10.1.0.0/16").Subnet("vnet2", "a", "10.1.0.0/24")
            .PeerOneWay("vnet1", "vnet2", allowVirtualNetworkAccess: false)
            .PeerOneWay("vnet2", "vnet1")
            .Compile();

        Assert.Empty(PeeringRoutes(routing, "vnet1", "a"));
        Assert.Single(PeeringRoutes(routing, "vnet2", "a"));
    }

    [Fact]
    [Trait("fact", "semantics.md 2.2 (peering is non-transitive: A-B and B-C gives A no route to C)")]
    public void Peering_is_not_transitive()
    {
        var routing = new TestEstate()
            .Vnet("a", "10.0.0.0/16").Subnet("a", "s", "10.0.0.0/24")
            .Vnet("b", "10.1.0.0/16").Subnet("b", "s", "10.1.0.0/24")
            .Vnet("c", "10.2.0.0/16").Subnet("c", "s", "10.2.0.0/24")
            .Peer("a", "b").Peer("b", "c")
            .Compile();

        RouteRows.AssertSameRows([new("Default", "Active", "10.1.0.0/16", "VNetPeering", "")], PeeringRoutes(routing, "a", "s"));
        Assert.True(routing.TryGetNextHop(SubnetId("a", "s"), VNetLab.Addressing.IpAddress.Parse("10.2.0.4"), out var hop));
        Assert.Equal(NextHopType.None, hop.NextHopType);
    }

    [Fact]
    [Trait("fact", "semantics.md 2.2; VNL9011 (designs without peeringState)")]
    public void A_peering_without_state_is_assumed_connected_when_the_remote_side_peers_back_and_says_so()
    {
        var routing = new TestEstate()
            .Vnet("vnet1", "10.0.0.0/16").Subnet("vnet1", "a", "10.0.0.0/24")
            .Vnet("vnet2", "10.1.0.0/16").Subnet("vnet2", "a", "10.1.0.0/24")
            .Vnet("vnet3", "10.2.0.0/16").Subnet("vnet3", "a", "10.2.0.0/24")
            .Peer("vnet1", "vnet2", state: null)
            .PeerOneWay("vnet1", "vnet3", state: null)
            .Compile();

        var route = Assert.Single(PeeringRoutes(routing, "vnet1", "a"));
        Assert.Equal("10.1.0.0/16", route.AddressPrefixes[0].ToString());
        var notes = routing.Notes.Where(n => n.Code == "VNL9011").ToList();
        Assert.Contains(notes, n => n.Message.Contains("assumes Connected", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.Message.Contains("assumes Initiated", StringComparison.Ordinal));
    }

    [Fact]
    [Trait("fact", "semantics.md 2.1 (inferred: the replacement rule applied to a peered range); VNL9016")]
    public void A_None_route_inside_a_peered_range_is_replaced_with_a_note()
    {
        var routing = new TestEstate()
            .Vnet("vnet1", "10.0.0.0/16").Subnet("vnet1", "a", "10.0.0.0/24")
            .Vnet("big", "192.168.0.0/16").Subnet("big", "a", "192.168.0.0/24")
            .Peer("vnet1", "big")
            .Compile();

        var routes = routing.EffectiveRoutesOf(SubnetId("vnet1", "a"));
        Assert.DoesNotContain(routes, r => r.NextHopType == NextHopType.None && r.AddressPrefixes[0].ToString() == "192.168.0.0/16");
        Assert.Contains(routing.NotesFor(SubnetId("vnet1", "a")), n => n.Code == "VNL9016");
    }
}
