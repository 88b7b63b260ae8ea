using System.Collections.Immutable;
using VNetLab.Addressing;
using VNetLab.Model;
using VNetLab.Routing;
using static VNetLab.Core.Tests.Routing.TestEstate;

namespace VNetLab.Core.Tests.Routing;

public class UserRoutesTests
{
    private static TestEstate OneVnet(params Route[] routes) => new TestEstate()
        .Vnet("vnet1", "10.0.0.0/16")
        .Subnet("vnet1", "app", "10.0.0.0/24", "rt")
        .Subnet("vnet1", "nva", "10.0.100.0/24")
        .RouteTable("rt", false, routes);

    private static ImmutableArray<EffectiveRoute> AppRoutes(CompiledRouting routing) => routing.EffectiveRoutesOf(SubnetId("vnet1", "app"));

    [Fact]
    [Trait("fact", "semantics.md 3.2 (User > BGP > System; the loser stays listed as Invalid)")]
    public void A_user_route_with_the_prefix_of_a_system_route_wins_and_the_system_route_is_Invalid()
    {
        var routes = AppRoutes(OneVnet(Udr("Within-VNet1", "10.0.0.0/16", RouteNextHopType.VirtualAppliance, "10.0.100.4")).Compile());

        var system = Assert.Single(routes, r => r.Source == EffectiveRouteSource.Default && r.NextHopType == NextHopType.VnetLocal);
        Assert.Equal(EffectiveRouteState.Invalid, system.State);
        Assert.Equal(EffectiveRouteReason.OverriddenByUserRoute, system.Reason);
        Assert.Contains("Within-VNet1", system.Explanation, StringComparison.Ordinal);
        var user = Assert.Single(routes, r => r.Source == EffectiveRouteSource.User);
        Assert.Equal(EffectiveRouteState.Active, user.State);
        Assert.Equal(EffectiveRouteReason.PrecedenceOverEqualPrefix, user.Reason);
        Assert.Equal(RouteTableId("rt"), user.RouteTableId);
        Assert.Equal(["10.0.100.4"], user.NextHopIpAddresses.Select(a => a.ToString()));
    }

    [Fact]
    [Trait("fact", "semantics.md 3.1 (10.0.0.5 matches 10.0.0.0/24 before 10.0.0.0/16; 10.0.1.5 matches 10.0.0.0/16)")]
    public void Longest_prefix_match_picks_the_more_specific_route()
    {
        var routing = OneVnet(
            Udr("wide", "10.0.0.0/16", RouteNextHopType.VirtualAppliance, "10.0.100.4"),
            Udr("narrow", "10.0.0.0/24", RouteNextHopType.VnetLocal)).Compile();

        Assert.True(routing.TryGetNextHop(SubnetId("vnet1", "app"), IpAddress.Parse("10.0.0.5"), out var near));
        Assert.Equal("narrow", near.Route?.Name);
        Assert.Equal(NextHopType.VnetLocal, near.NextHopType);
        Assert.True(routing.TryGetNextHop(SubnetId("vnet1", "app"), IpAddress.Parse("10.0.1.5"), out var far));
        Assert.Equal("wide", far.Route?.Name);
        Assert.Equal(NextHopType.VirtualAppliance, far.NextHopType);
        Assert.Equal(IpAddress.Parse("10.0.100.4"), far.NextHopIpAddress);
        Assert.Equal(RouteTableId("rt"), far.RouteTableId);
    }

    [Fact]
    [Trait("fact", "semantics.md 3.2 (UDR 0.0.0.0/0 to an appliance: Default 0/0 Invalid, no None rows at all)")]
    public void A_default_route_to_an_appliance_invalidates_the_Internet_route_and_removes_every_None_route()
    {
        var routing = OneVnet(Udr("Default-NVA", "0.0.0.0/0", RouteNextHopType.VirtualAppliance, "10.0.100.4")).Compile();

        RouteRows.AssertSameRows(
        [
            new("Default", "Active", "10.0.0.0/16", "VnetLocal", ""),
            new("Default", "Invalid", "0.0.0.0/0", "Internet", ""),
            new("User", "Active", "0.0.0.0/0", "VirtualAppliance", "10.0.100.4", "Default-NVA"),
        ], AppRoutes(routing));
        var table = routing.RouteTableOf(SubnetId("vnet1", "app"));
        Assert.NotNull(table);
        Assert.Equal(4, table.GetSuppressedRoutes().Count(s => s.Reason == RouteSuppressionReason.RemovedByUserDefaultRoute));
    }

    [Fact]
    [Trait("fact", "semantics.md 7.2 (UDR 0.0.0.0/0 to None keeps the None rows)")]
    public void A_default_route_to_None_keeps_the_None_routes()
    {
        var routes = AppRoutes(OneVnet(Udr("drop-all", "0.0.0.0/0", RouteNextHopType.None)).Compile());

        Assert.Equal(4, routes.Count(r => r.Source == EffectiveRouteSource.Default && r.NextHopType == NextHopType.None));
        Assert.Contains(routes, r => r.Source == EffectiveRouteSource.Default && r.NextHopType == NextHopType.Internet && r.State == EffectiveRouteState.Invalid);
    }

    [Fact]
    [Trait("fact", "semantics.md 3.2, 7.2 (UDR 10.0.0.0/8: that None row absent, the others stay)")]
    public void A_user_route_with_a_None_prefix_removes_only_that_None_route()
    {
        var routes = AppRoutes(OneVnet(Udr("rfc1918", "10.0.0.0/8", RouteNextHopType.VirtualAppliance, "10.0.100.4")).Compile());

        Assert.DoesNotContain(routes, r => r.Source == EffectiveRouteSource.Default && r.AddressPrefixes[0].ToString() == "10.0.0.0/8");
        Assert.Equal(3, routes.Count(r => r.NextHopType == NextHopType.None));
    }

    [Fact]
    [Trait("fact", "semantics.md 7.2 (UDR 0/0 to Internet unrecorded); VNL9008")]
    public void A_default_route_to_Internet_keeps_the_None_routes_and_says_it_assumed_so()
    {
        var routing = OneVnet(Udr("direct", "0.0.0.0/0", RouteNextHopType.Internet)).Compile();

        Assert.Equal(4, AppRoutes(routing).Count(r => r.NextHopType == NextHopType.None));
        var note = Assert.Single(routing.NotesFor(SubnetId("vnet1", "app")), n => n.Code == "VNL9008");
        Assert.Contains("keeps", note.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("fact", "semantics.md 1.3 (recorded: unreachable appliance answers None with the UDR's IP and route table), 3.12; VNL9007")]
    public void An_appliance_outside_the_vnet_and_its_peerings_answers_None_with_the_routes_ip_and_table()
    {
        var routing = new TestEstate()
            .Vnet("vnet1", "10.17.3.0/24")
            .Subnet("vnet1", "default", "10.17.3.0/24", "rt")
            .RouteTable("rt", false, Udr("to-nva", "0.0.0.0/0", RouteNextHopType.VirtualAppliance, "10.0.1.2"))
            .Compile();

        Assert.True(routing.TryGetNextHop(SubnetId("vnet1", "default"), IpAddress.Parse("93.184.216.34"), out var hop));
        Assert.Equal(NextHopType.None, hop.NextHopType);
        Assert.Equal(IpAddress.Parse("10.0.1.2"), hop.NextHopIpAddress);
        Assert.Equal(RouteTableId("rt"), hop.RouteTableId);
        var route = Assert.Single(routing.EffectiveRoutesOf(SubnetId("vnet1", "default")), r => r.Source == EffectiveRouteSource.User);
        Assert.True(route.NextHopUnreachable);
        Assert.Equal(EffectiveRouteState.Active, route.State);
        Assert.Contains(routing.NotesFor(SubnetId("vnet1", "default")), n => n.Code == "VNL9007");
    }

    [Fact]
    [Trait("fact", "semantics.md 3.12 (the NVA may be in a peered VNet); Learn udr-overview routing example (NVA reached while VnetLocal is Invalid)")]
    public void An_appliance_in_the_vnet_or_a_peered_vnet_is_reachable_even_when_user_routes_override_the_system_routes()
    {
        var routing = new TestEstate()
            .Vnet("spoke", "10.1.0.0/16").Subnet("spoke", "app", "10.1.0.0/24", "rt")
            .Vnet("hub", "10.0.0.0/16").Subnet("hub", "nva", "10.0.1.0/24")
            .Peer("hub", "spoke")
            .RouteTable("rt", false,
                Udr("default", "0.0.0.0/0", RouteNextHopType.VirtualAppliance, "10.0.1.4"),
                Udr("hub", "10.0.0.0/16", RouteNextHopType.VirtualAppliance, "10.0.1.4"))
            .Compile();

        Assert.True(routing.TryGetNextHop(SubnetId("spoke", "app"), IpAddress.Parse("8.8.8.8"), out var hop));
        Assert.Equal(NextHopType.VirtualAppliance, hop.NextHopType);
        Assert.All(routing.EffectiveRoutesOf(SubnetId("spoke", "app")), r => Assert.False(r.NextHopUnreachable));
    }

    [Fact]
    [Trait("fact", "semantics.md 3.5 (service tag UDR destinations; explicit prefix beats a tag; regional tag beats top-level tag)")]
    public void Service_tag_routes_expand_to_the_tag_prefixes_and_lose_equal_prefixes_to_explicit_and_regional_routes()
    {
        var tags = new Dictionary<string, ImmutableArray<IpPrefix>>
        {
            ["Storage"] = [IpPrefix.Parse("20.60.0.0/16"), IpPrefix.Parse("52.239.140.0/22")],
            ["Storage.WestEurope"] = [IpPrefix.Parse("52.239.140.0/22")],
        };
        var routing = OneVnet(
                Udr("storage", "Storage", RouteNextHopType.Internet),
                Udr("storage-weu", "Storage.WestEurope", RouteNextHopType.VirtualAppliance, "10.0.100.4"),
                Udr("explicit", "20.60.0.0/16", RouteNextHopType.None))
            .Compile(new RoutingOptions { ServiceTags = tags });

        var routes = AppRoutes(routing);
        var topLevel = Assert.Single(routes, r => r.Name == "storage");
        Assert.Equal(EffectiveRouteState.Invalid, topLevel.State);
        Assert.Equal(EffectiveRouteReason.OverriddenByPreferredUserRoute, topLevel.Reason);
        Assert.Equal(["Storage"], topLevel.DestinationServiceTags.AsEnumerable());
        Assert.Equal(2, topLevel.AddressPrefixes.Length);
        Assert.True(routing.TryGetNextHop(SubnetId("vnet1", "app"), IpAddress.Parse("52.239.141.1"), out var regional));
        Assert.Equal("storage-weu", regional.Route?.Name);
        Assert.True(routing.TryGetNextHop(SubnetId("vnet1", "app"), IpAddress.Parse("20.60.1.1"), out var explicitRoute));
        Assert.Equal("explicit", explicitRoute.Route?.Name);
    }

    [Fact]
    [Trait("fact", "semantics.md 3.5; VNL9010 (service tag route without a service tags file)")]
    public void A_service_tag_route_without_tag_data_is_left_out_and_noted()
    {
        var routing = OneVnet(Udr("storage", "Storage", RouteNextHopType.Internet)).Compile();

        Assert.DoesNotContain(AppRoutes(routing), r => r.Name == "storage");
        Assert.Contains(routing.NotesFor(SubnetId("vnet1", "app")), n => n.Code == "VNL9010");
        var table = routing.RouteTableOf(SubnetId("vnet1", "app"));
        Assert.NotNull(table);
        Assert.Contains(table.GetSuppressedRoutes(), s => s.Reason == RouteSuppressionReason.ServiceTagNotResolved);
    }

    [Fact]
    [Trait("fact", "semantics.md 1.3 (routeTableId is 'System Route' when no user route decided), 3.11 (UDR to the gateway has no IP)")]
    public void Next_hop_reports_the_route_table_only_for_user_routes()
    {
        var routing = OneVnet(Udr("onprem", "192.168.0.0/16", RouteNextHopType.VirtualNetworkGateway)).Compile();

        Assert.True(routing.TryGetNextHop(SubnetId("vnet1", "app"), IpAddress.Parse("192.168.1.1"), out var user));
        Assert.Equal(NextHopType.VirtualNetworkGateway, user.NextHopType);
        Assert.Null(user.NextHopIpAddress);
        Assert.Equal(RouteTableId("rt").ToString(), user.RouteTableIdText);
        Assert.True(routing.TryGetNextHop(SubnetId("vnet1", "app"), IpAddress.Parse("10.0.5.5"), out var system));
        Assert.Equal("System Route", system.RouteTableIdText);
        Assert.Null(system.RouteTableId);
    }

    [Fact]
    [Trait("fact", "semantics.md 3.1 (only Active routes take part in longest prefix match)")]
    public void Invalid_routes_never_match()
    {
        var routing = OneVnet(Udr("Within-VNet1", "10.0.0.0/16", RouteNextHopType.None)).Compile();

        Assert.True(routing.TryGetNextHop(SubnetId("vnet1", "app"), IpAddress.Parse("10.0.7.7"), out var hop));
        Assert.Equal(EffectiveRouteSource.User, hop.Route?.Source);
        Assert.Equal(NextHopType.None, hop.NextHopType);
    }
}
