using VNetLab.Addressing;
using VNetLab.Routing;
using static VNetLab.Core.Tests.Routing.TestEstate;

namespace VNetLab.Core.Tests.Routing;

public class SystemRoutesTests
{
    private static readonly RouteRow Internet = new("Default", "Active", "0.0.0.0/0", "Internet", "");

    private static RouteRow None(string prefix) => new("Default", "Active", prefix, "None", "");

    private static RouteRow VnetLocal(string prefix, string state = "Active") => new("Default", state, prefix, "VnetLocal", "");

    [Fact]
    [Trait("fact", "semantics.md 2.1")]
    public void A_plain_vnet_gets_one_VnetLocal_route_per_address_range_and_none_per_subnet()
    {
        var routing = new TestEstate()
            .Vnet("vnet1", "10.1.0.0/16, 10.2.0.0/16")
            .Subnet("vnet1", "a", "10.1.0.0/24")
            .Subnet("vnet1", "b", "10.2.5.0/24")
            .Compile();

        RouteRows.AssertSameRows(
            [VnetLocal("10.1.0.0/16"), VnetLocal("10.2.0.0/16"), Internet,
                None("10.0.0.0/8"), None("172.16.0.0/12"), None("192.168.0.0/16"), None("100.64.0.0/10")],
            routing.EffectiveRoutesOf(SubnetId("vnet1", "a")));
        Assert.Same(routing.RouteTableOf(SubnetId("vnet1", "a")), routing.RouteTableOf(SubnetId("vnet1", "b")));
        Assert.Equal(1, routing.DistinctTableCount);
    }

    [Fact]
    [Trait("fact", "semantics.md 2.1")]
    public void A_vnet_range_equal_to_a_reserved_prefix_replaces_its_None_route()
    {
        var routes = new TestEstate().Vnet("vnet1", "10.0.0.0/8").Subnet("vnet1", "a", "10.0.0.0/24").Compile()
            .EffectiveRoutesOf(SubnetId("vnet1", "a"));

        RouteRows.AssertSameRows(
            [VnetLocal("10.0.0.0/8"), Internet, None("172.16.0.0/12"), None("192.168.0.0/16"), None("100.64.0.0/10")], routes);
    }

    [Fact]
    [Trait("fact", "semantics.md 2.1")]
    public void A_vnet_range_containing_a_reserved_prefix_removes_its_None_route()
    {
        var routing = new TestEstate().Vnet("vnet1", "172.16.0.0/11").Subnet("vnet1", "a", "172.16.0.0/24").Compile();
        var table = routing.RouteTableOf(SubnetId("vnet1", "a"));

        Assert.NotNull(table);
        Assert.DoesNotContain(table.GetRoutes(), r => r.NextHopType == NextHopType.None && r.AddressPrefixes[0].ToString() == "172.16.0.0/12");
        var suppressed = Assert.Single(table.GetSuppressedRoutes(), s => s.Route.AddressPrefixes[0].ToString() == "172.16.0.0/12");
        Assert.Equal(RouteSuppressionReason.ReplacedByVirtualNetworkRange, suppressed.Reason);
    }

    [Fact]
    [Trait("fact", "semantics.md 2.1; Learn diagnose-vm-network-routing-problem (10.1.0.5 is in 10.0.0.0/8, next hop None)")]
    public void A_vnet_range_inside_a_reserved_prefix_keeps_both_routes_and_longest_prefix_match_decides()
    {
        var routing = new TestEstate().Vnet("vnet1", "10.0.0.0/16").Subnet("vnet1", "a", "10.0.0.0/24").Compile();

        Assert.True(routing.TryGetNextHop(SubnetId("vnet1", "a"), IpAddress.Parse("10.0.1.5"), out var inside));
        Assert.Equal(NextHopType.VnetLocal, inside.NextHopType);
        Assert.Equal("10.0.0.0/16", inside.MatchedPrefix.ToString());
        Assert.True(routing.TryGetNextHop(SubnetId("vnet1", "a"), IpAddress.Parse("10.1.0.5"), out var outside));
        Assert.Equal(NextHopType.None, outside.NextHopType);
        Assert.Equal("10.0.0.0/8", outside.MatchedPrefix.ToString());
        Assert.Equal("System Route", outside.RouteTableIdText);
        Assert.True(routing.TryGetNextHop(SubnetId("vnet1", "a"), IpAddress.Parse("93.184.216.34"), out var internet));
        Assert.Equal(NextHopType.Internet, internet.NextHopType);
        Assert.Null(internet.NextHopIpAddress);
    }

    [Fact]
    [Trait("fact", "semantics.md 2.1 (2024-2025 captures: 21 None rows, 23 entries)")]
    public void The_2025_platform_set_gives_twenty_three_entries_for_a_plain_vnet()
    {
        var routing = new TestEstate().Vnet("vnet1", "10.1.0.0/16").Subnet("vnet1", "default", "10.1.0.0/24")
            .Compile(new RoutingOptions { PlatformNoneRoutes = PlatformNoneRouteSet.Observed2025 });

        var routes = routing.EffectiveRoutesOf(SubnetId("vnet1", "default"));
        Assert.Equal(23, routes.Length);
        Assert.Equal(21, routes.Count(r => r.NextHopType == NextHopType.None));
        var note = Assert.Single(routing.NotesFor(SubnetId("vnet1", "default")), n => n.Code == "VNL9001");
        Assert.Contains("'2025' set (21 prefixes", note.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("fact", "semantics.md 7.1")]
    public void Every_routes_answer_carries_the_note_saying_which_None_set_was_assumed()
    {
        var routing = new TestEstate().Vnet("vnet1", "10.1.0.0/16").Subnet("vnet1", "a", "10.1.0.0/24").Compile();

        var note = Assert.Single(routing.NotesFor(SubnetId("vnet1", "a")));
        Assert.Equal("VNL9001", note.Code);
        Assert.Contains("'documented' set (4 prefixes", note.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("fact", "issue #4: GatewaySubnet and VM-less subnets get tables; semantics.md 3.14 (a NIC's routes are its subnet's)")]
    public void Gateway_subnets_and_empty_subnets_have_tables_and_a_nic_sees_its_subnet_table()
    {
        var routing = new TestEstate()
            .Vnet("hub", "10.0.0.0/16")
            .Subnet("hub", "GatewaySubnet", "10.0.0.0/27")
            .Subnet("hub", "empty", "10.0.1.0/24")
            .Subnet("hub", "vms", "10.0.2.0/24")
            .Nic("nva", "hub", "vms", "10.0.2.4", enableIpForwarding: true)
            .Compile();

        Assert.NotEmpty(routing.EffectiveRoutesOf(SubnetId("hub", "GatewaySubnet")));
        Assert.NotEmpty(routing.EffectiveRoutesOf(SubnetId("hub", "empty")));
        Assert.Same(routing.RouteTableOf(SubnetId("hub", "vms")), routing.RouteTableOf(NicId("nva")));
        Assert.True(routing.TryGetNextHop(NicId("nva"), IpAddress.Parse("10.0.1.9"), out var hop));
        Assert.Equal(NextHopType.VnetLocal, hop.NextHopType);
        Assert.False(routing.TryGetNextHop(NicId("missing"), IpAddress.Parse("10.0.1.9"), out _));
    }

    [Fact]
    [Trait("fact", "semantics.md 1.1 (disableBgpRoutePropagation mirrors the subnet's route table; false without one)")]
    public void Every_entry_mirrors_the_route_tables_propagation_setting()
    {
        var routing = new TestEstate()
            .Vnet("vnet1", "10.1.0.0/16")
            .Subnet("vnet1", "plain", "10.1.0.0/24")
            .Subnet("vnet1", "isolated", "10.1.1.0/24", routeTable: "rt")
            .RouteTable("rt", disableBgpRoutePropagation: true)
            .Compile();

        Assert.All(routing.EffectiveRoutesOf(SubnetId("vnet1", "plain")), r => Assert.False(r.DisableBgpRoutePropagation));
        Assert.All(routing.EffectiveRoutesOf(SubnetId("vnet1", "isolated")), r => Assert.True(r.DisableBgpRoutePropagation));
    }
}
