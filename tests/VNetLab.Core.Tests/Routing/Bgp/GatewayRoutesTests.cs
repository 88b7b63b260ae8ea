using VNetLab.Addressing;
using VNetLab.Model;
using VNetLab.Routing;
using VNetLab.Routing.Bgp;
using static VNetLab.Core.Tests.Routing.TestEstate;

namespace VNetLab.Core.Tests.Routing.Bgp;

public class GatewayRoutesTests
{
    private static IEnumerable<EffectiveRoute> GatewayRoutes(CompiledRouting routing, string vnet, string subnet) =>
        routing.EffectiveRoutesOf(SubnetId(vnet, subnet)).Where(r => r.Source == EffectiveRouteSource.VirtualNetworkGateway);

    /// <summary>A hub with a VPN gateway and a GatewaySubnet, and a workload subnet.</summary>
    private static TestEstate Hub() => new TestEstate()
        .Vnet("hub", "10.100.0.0/16")
        .Subnet("hub", "GatewaySubnet", "10.100.0.0/27")
        .Subnet("hub", "workload", "10.100.1.0/24");

    [Fact]
    [Trait("fact", "semantics.md 2.2 (LNG prefixes become gateway routes), 3.10 (active-standby: the gateway's public IP is the next hop)")]
    public void A_static_vpn_installs_the_local_network_gateways_prefixes_with_the_gateways_public_ip_as_next_hop()
    {
        var routing = Hub()
            .VpnGateway("vpngw", "hub", publicIp: "20.103.17.86", enableBgp: false)
            .LocalNetworkGateway("branch", "192.168.10.0/24, 192.168.20.0/24")
            .VpnConnection("to-branch", "vpngw", "branch", enableBgp: false)
            .Compile();

        RouteRows.AssertSameRows(
        [
            new("VirtualNetworkGateway", "Active", "192.168.10.0/24", "VirtualNetworkGateway", "20.103.17.86"),
            new("VirtualNetworkGateway", "Active", "192.168.20.0/24", "VirtualNetworkGateway", "20.103.17.86"),
        ], GatewayRoutes(routing, "hub", "workload"));
        RouteRows.AssertSameRows(
            [.. GatewayRoutes(routing, "hub", "workload").Select(RouteRow.Of)], GatewayRoutes(routing, "hub", "GatewaySubnet"));
        Assert.True(routing.TryGetNextHop(SubnetId("hub", "workload"), IpAddress.Parse("192.168.10.9"), out var hop));
        Assert.Equal(NextHopType.VirtualNetworkGateway, hop.NextHopType);
        Assert.Equal(IpAddress.Parse("20.103.17.86"), hop.NextHopIpAddress);
        Assert.Equal("System Route", hop.RouteTableIdText);
        Assert.Equal(GatewayId("vpngw"), hop.Route?.Origin);
    }

    [Fact]
    [Trait("fact", "semantics.md 2.2 (BGP-learned prefixes and the /32 host route to the BGP peer), 5.2")]
    public void A_bgp_vpn_installs_what_the_site_advertises_and_a_host_route_to_the_peer()
    {
        var routing = Hub()
            .VpnGateway("vpngw", "hub", publicIp: "20.103.17.86")
            .LocalNetworkGateway("lng-proxy", bgpPeer: "172.31.254.1", asn: 64512)
            .VpnConnection("to-proxy", "vpngw", "lng-proxy")
            .Site("proxy", 64512, "0.0.0.0/1, 128.0.0.0/1", LocalNetworkGatewayId("lng-proxy"))
            .Compile();

        RouteRows.AssertSameRows(
        [
            new("VirtualNetworkGateway", "Active", "0.0.0.0/1", "VirtualNetworkGateway", "20.103.17.86"),
            new("VirtualNetworkGateway", "Active", "128.0.0.0/1", "VirtualNetworkGateway", "20.103.17.86"),
            new("VirtualNetworkGateway", "Active", "172.31.254.1/32", "VirtualNetworkGateway", "20.103.17.86"),
        ], GatewayRoutes(routing, "hub", "workload"));
        var learned = routing.LearnedRoutesOf(GatewayId("vpngw"));
        var lower = Assert.Single(learned, r => r.Prefix.ToString() == "0.0.0.0/1");
        Assert.Equal(GatewayRouteOrigin.EBgp, lower.Origin);
        Assert.Equal([64512L], lower.AsPath.AsEnumerable());
        Assert.Equal(SiteId("proxy"), lower.ExternalSiteId);
        Assert.True(lower.IsBest);
    }

    [Fact]
    [Trait("fact", "semantics.md 2.2, 5.2 (without BGP only the LNG address space becomes routes); VNL9019")]
    public void Without_bgp_a_sites_advertisements_are_ignored_and_noted()
    {
        var routing = Hub()
            .VpnGateway("vpngw", "hub", enableBgp: false)
            .LocalNetworkGateway("lng", "192.168.0.0/16", bgpPeer: "172.31.254.1", asn: 64512)
            .VpnConnection("conn", "vpngw", "lng", enableBgp: false)
            .Site("site", 64512, "10.50.0.0/16", LocalNetworkGatewayId("lng"))
            .Compile();

        RouteRows.AssertSameRows([new("VirtualNetworkGateway", "Active", "192.168.0.0/16", "VirtualNetworkGateway", "20.0.0.1")],
            GatewayRoutes(routing, "hub", "workload"));
        Assert.Contains(routing.Notes, n => n.Code == "VNL9019" && n.ResourceId == SiteId("site"));
    }

    [Fact]
    [Trait("fact", "semantics.md 3.10, 7.4 (active-active: the instance addresses; one entry with both since 2024, one per address before); VNL9002")]
    public void Active_active_gateway_routes_carry_both_instance_addresses_in_the_chosen_shape()
    {
        var estate = Hub()
            .VpnGateway("vpngw", "hub", publicIp: null, enableBgp: false, activeActive: true, instanceAddresses: "10.100.0.4,10.100.0.5")
            .LocalNetworkGateway("lng", "0.0.0.0/1, 128.0.0.0/1")
            .VpnConnection("conn", "vpngw", "lng", enableBgp: false);

        var current = estate.Compile();
        RouteRows.AssertSameRows(
        [
            new("VirtualNetworkGateway", "Active", "0.0.0.0/1", "VirtualNetworkGateway", "10.100.0.4,10.100.0.5"),
            new("VirtualNetworkGateway", "Active", "128.0.0.0/1", "VirtualNetworkGateway", "10.100.0.4,10.100.0.5"),
        ], GatewayRoutes(current, "hub", "workload"));
        Assert.Contains(current.NotesFor(SubnetId("hub", "workload")), n => n.Code == "VNL9002");

        var older = estate.Compile(new RoutingOptions { GatewayNextHopShape = GatewayNextHopShape.OneEntryPerAddress });
        RouteRows.AssertSameRows(
        [
            new("VirtualNetworkGateway", "Active", "0.0.0.0/1", "VirtualNetworkGateway", "10.100.0.4"),
            new("VirtualNetworkGateway", "Active", "0.0.0.0/1", "VirtualNetworkGateway", "10.100.0.5"),
            new("VirtualNetworkGateway", "Active", "128.0.0.0/1", "VirtualNetworkGateway", "10.100.0.4"),
            new("VirtualNetworkGateway", "Active", "128.0.0.0/1", "VirtualNetworkGateway", "10.100.0.5"),
        ], GatewayRoutes(older, "hub", "workload"));
        Assert.True(older.TryGetNextHop(SubnetId("hub", "workload"), IpAddress.Parse("8.8.8.8"), out var hop));
        Assert.Equal(IpAddress.Parse("10.100.0.4"), hop.NextHopIpAddress);
    }

    [Fact]
    [Trait("fact", "semantics.md 3.10 (active-standby next hop is the public IP); VNL9003 when it is not in the estate")]
    public void A_gateway_without_a_known_public_ip_lists_its_routes_without_next_hop_and_says_why()
    {
        var routing = Hub()
            .VpnGateway("vpngw", "hub", publicIp: null, enableBgp: false)
            .LocalNetworkGateway("lng", "192.168.0.0/16")
            .VpnConnection("conn", "vpngw", "lng", enableBgp: false)
            .Compile();

        var route = Assert.Single(GatewayRoutes(routing, "hub", "workload"));
        Assert.Empty(route.NextHopIpAddresses);
        Assert.Contains(routing.NotesFor(SubnetId("hub", "workload")), n => n.Code == "VNL9003");
    }

    [Fact]
    [Trait("fact", "semantics.md 3.9 (ER-learned on-premises routes, AS path 12076-<customer ASN>), 3.10 (MSEE next hops unknown); VNL9004")]
    public void An_expressroute_gateway_learns_the_sites_behind_the_circuits_private_peering()
    {
        var routing = Hub()
            .ExpressRouteGateway("ergw", "hub")
            .Circuit("circuit")
            .ExpressRouteConnection("ergw-to-circuit", "ergw", "circuit")
            .Site("onprem", 65010, "10.0.0.0/12, 172.20.0.0/14", PrivatePeeringId("circuit"))
            .Compile();

        RouteRows.AssertSameRows(
        [
            new("VirtualNetworkGateway", "Active", "10.0.0.0/12", "VirtualNetworkGateway", ""),
            new("VirtualNetworkGateway", "Active", "172.20.0.0/14", "VirtualNetworkGateway", ""),
        ], GatewayRoutes(routing, "hub", "workload"));
        var learned = Assert.Single(routing.LearnedRoutesOf(GatewayId("ergw")), r => r.Prefix.ToString() == "10.0.0.0/12");
        Assert.Equal([12076L, 65010L], learned.AsPath.AsEnumerable());
        Assert.True(learned.IsExpressRoute);
        Assert.Contains(routing.NotesFor(SubnetId("hub", "workload")), n => n.Code == "VNL9004");
    }

    [Fact]
    [Trait("fact", "semantics.md 3.9 (ExpressRoute preferred over VPN for the same prefix; otherwise longest prefix match)")]
    public void Expressroute_wins_an_equal_prefix_over_vpn_and_longest_prefix_match_decides_otherwise()
    {
        var routing = Hub()
            .ExpressRouteGateway("ergw", "hub")
            .Circuit("circuit")
            .ExpressRouteConnection("er", "ergw", "circuit")
            .Site("onprem", 65010, "10.2.12.0/25, 192.168.0.0/16", CircuitId("circuit"))
            .VpnGateway("vpngw", "hub", publicIp: "20.0.0.9")
            .LocalNetworkGateway("branch", bgpPeer: "172.16.0.1", asn: 65020)
            .VpnConnection("vpn", "vpngw", "branch")
            .Site("branch-site", 65020, "10.2.12.64/26, 192.168.0.0/16", LocalNetworkGatewayId("branch"))
            .Compile();

        var routes = GatewayRoutes(routing, "hub", "workload").ToList();
        var shared = Assert.Single(routes, r => r.AddressPrefixes[0].ToString() == "192.168.0.0/16");
        Assert.Equal(GatewayId("ergw"), shared.Origin);
        Assert.Contains(routes, r => r.AddressPrefixes[0].ToString() == "10.2.12.0/25" && r.Origin == GatewayId("ergw"));
        Assert.Contains(routes, r => r.AddressPrefixes[0].ToString() == "10.2.12.64/26" && r.Origin == GatewayId("vpngw"));
        Assert.True(routing.TryGetNextHop(SubnetId("hub", "workload"), IpAddress.Parse("10.2.12.70"), out var vpn));
        Assert.Equal(GatewayId("vpngw"), vpn.Route?.Origin);
        Assert.True(routing.TryGetNextHop(SubnetId("hub", "workload"), IpAddress.Parse("10.2.12.10"), out var er));
        Assert.Equal(GatewayId("ergw"), er.Route?.Origin);
        Assert.False(routing.LearnedRoutesOf(GatewayId("vpngw")).Single(r => r.Prefix.ToString() == "192.168.0.0/16").IsBest);
    }

    [Fact]
    [Trait("fact", "semantics.md 3.9 (connection weight before AS path length, then the shorter AS path)")]
    public void Among_circuits_the_higher_connection_weight_then_the_shorter_as_path_wins()
    {
        var routing = Hub()
            .ExpressRouteGateway("ergw", "hub")
            .Circuit("paris").Circuit("amsterdam")
            .ExpressRouteConnection("to-paris", "ergw", "paris", routingWeight: 0)
            .ExpressRouteConnection("to-amsterdam", "ergw", "amsterdam", routingWeight: 10)
            .Site("dc-paris", 65010, "10.10.0.0/16, 10.20.0.0/16", CircuitId("paris"))
            .Site("dc-amsterdam", null, "10.10.0.0/16", CircuitId("amsterdam"))
            .Compile();

        var learned = routing.LearnedRoutesOf(GatewayId("ergw")).Where(r => r.Prefix.ToString() == "10.10.0.0/16").ToList();
        Assert.Equal(2, learned.Count);
        var best = Assert.Single(learned, r => r.IsBest);
        Assert.Equal(ConnectionId("to-amsterdam"), best.ConnectionId);
        Assert.Equal([12076L, 65010L], best.AsPath.AsEnumerable());
    }

    [Fact]
    [Trait("fact", "semantics.md 3.3, 7.11 (a gateway route equal to or inside the VNet's own range is not installed)")]
    public void A_gateway_route_equal_to_or_inside_the_vnets_own_range_is_not_installed()
    {
        var routing = Hub()
            .VpnGateway("vpngw", "hub")
            .LocalNetworkGateway("lng", "10.100.0.0/16, 10.100.5.0/24, 10.0.0.0/8")
            .VpnConnection("conn", "vpngw", "lng", enableBgp: false)
            .Compile();

        RouteRows.AssertSameRows([new("VirtualNetworkGateway", "Active", "10.0.0.0/8", "VirtualNetworkGateway", "20.0.0.1")],
            GatewayRoutes(routing, "hub", "workload"));
        var table = routing.RouteTableOf(SubnetId("hub", "workload"));
        Assert.NotNull(table);
        Assert.Equal(2, table.GetSuppressedRoutes().Count(s => s.Reason == RouteSuppressionReason.InsideVirtualNetworkRange));
        Assert.True(routing.TryGetNextHop(SubnetId("hub", "workload"), IpAddress.Parse("10.100.5.5"), out var local));
        Assert.Equal(NextHopType.VnetLocal, local.NextHopType);
        Assert.True(routing.TryGetNextHop(SubnetId("hub", "workload"), IpAddress.Parse("10.99.0.1"), out var supernet));
        Assert.Equal(NextHopType.VirtualNetworkGateway, supernet.NextHopType);
    }

    [Fact]
    [Trait("fact", "semantics.md 3.3 (the 10/8 None row is replaced by a gateway 10/8, low confidence), 7.2; VNL9015")]
    public void A_gateway_route_with_a_None_prefix_replaces_the_None_route_with_a_note()
    {
        var routing = Hub()
            .VpnGateway("vpngw", "hub")
            .LocalNetworkGateway("lng", "10.0.0.0/8")
            .VpnConnection("conn", "vpngw", "lng", enableBgp: false)
            .Compile();

        var routes = routing.EffectiveRoutesOf(SubnetId("hub", "workload"));
        Assert.DoesNotContain(routes, r => r.NextHopType == NextHopType.None && r.AddressPrefixes[0].ToString() == "10.0.0.0/8");
        Assert.Contains(routing.NotesFor(SubnetId("hub", "workload")), n => n.Code == "VNL9015");
    }

    [Fact]
    [Trait("fact", "semantics.md 7.11 (equal to a directly peered range: not installed, the peering row stays Active; evaluated per VNet)")]
    public void Each_vnet_drops_gateway_routes_equal_to_its_own_direct_peerings_so_two_spokes_see_different_sets()
    {
        var routing = Hub()
            .VpnGateway("vpngw", "hub")
            .LocalNetworkGateway("lng", "10.0.5.0/24, 10.0.6.0/24")
            .VpnConnection("conn", "vpngw", "lng", enableBgp: false)
            .Vnet("spoke3", "10.0.3.0/24").Subnet("spoke3", "s", "10.0.3.0/24")
            .Vnet("spoke4", "10.0.4.0/24").Subnet("spoke4", "s", "10.0.4.0/24")
            .Vnet("spoke5", "10.0.5.0/24").Subnet("spoke5", "s", "10.0.5.0/24")
            .Peer("hub", "spoke3", hubAllowsTransit: true, spokeUsesRemoteGateways: true)
            .Peer("hub", "spoke4", hubAllowsTransit: true, spokeUsesRemoteGateways: true)
            .Peer("spoke3", "spoke5")
            .Compile();

        var spoke3 = routing.EffectiveRoutesOf(SubnetId("spoke3", "s"));
        Assert.DoesNotContain(spoke3, r => r.Source == EffectiveRouteSource.VirtualNetworkGateway && r.AddressPrefixes[0].ToString() == "10.0.5.0/24");
        Assert.Contains(spoke3, r => r.NextHopType == NextHopType.VNetPeering && r.State == EffectiveRouteState.Active && r.AddressPrefixes[0].ToString() == "10.0.5.0/24");
        var spoke4 = routing.EffectiveRoutesOf(SubnetId("spoke4", "s"));
        Assert.Contains(spoke4, r => r.Source == EffectiveRouteSource.VirtualNetworkGateway && r.AddressPrefixes[0].ToString() == "10.0.5.0/24");
    }

    [Fact]
    [Trait("fact", "semantics.md 3.3, 7.11 (more specific than a directly peered range cannot override the peering; listing unknown); VNL9006")]
    public void A_gateway_route_inside_a_peered_range_is_not_installed_and_noted()
    {
        var routing = Hub()
            .VpnGateway("vpngw", "hub")
            .LocalNetworkGateway("lng", "10.1.1.0/24")
            .VpnConnection("conn", "vpngw", "lng", enableBgp: false)
            .Vnet("peer", "10.1.0.0/16").Subnet("peer", "s", "10.1.0.0/24")
            .Peer("hub", "peer")
            .Compile();

        Assert.Empty(GatewayRoutes(routing, "hub", "workload"));
        Assert.True(routing.TryGetNextHop(SubnetId("hub", "workload"), IpAddress.Parse("10.1.1.1"), out var hop));
        Assert.Equal(NextHopType.VNetPeering, hop.NextHopType);
        Assert.Contains(routing.NotesFor(SubnetId("hub", "workload")), n => n.Code == "VNL9006");
    }

    [Fact]
    [Trait("fact", "semantics.md 3.8 (spokes using the hub gateway get its routes with the same next hops; without transit none)")]
    public void Gateway_transit_gives_spokes_the_hubs_routes_only_with_use_remote_gateways_and_allow_gateway_transit()
    {
        var routing = Hub()
            .VpnGateway("vpngw", "hub", publicIp: "40.87.85.116")
            .LocalNetworkGateway("lng", bgpPeer: "10.5.0.254", asn: 65005)
            .VpnConnection("conn", "vpngw", "lng")
            .Site("remote", 65005, "10.5.0.0/16", LocalNetworkGatewayId("lng"))
            .Vnet("transit", "10.1.0.0/16").Subnet("transit", "s", "10.1.0.0/24")
            .Vnet("plain", "10.2.0.0/16").Subnet("plain", "s", "10.2.0.0/24")
            .Vnet("refused", "10.3.0.0/16").Subnet("refused", "s", "10.3.0.0/24")
            .Peer("hub", "transit", hubAllowsTransit: true, spokeUsesRemoteGateways: true)
            .Peer("hub", "plain", hubAllowsTransit: true)
            .Peer("hub", "refused", hubAllowsTransit: false, spokeUsesRemoteGateways: true)
            .Compile();

        RouteRows.AssertSameRows(
        [
            new("VirtualNetworkGateway", "Active", "10.5.0.0/16", "VirtualNetworkGateway", "40.87.85.116"),
            new("VirtualNetworkGateway", "Active", "10.5.0.254/32", "VirtualNetworkGateway", "40.87.85.116"),
        ], GatewayRoutes(routing, "transit", "s"));
        Assert.Empty(GatewayRoutes(routing, "plain", "s"));
        Assert.Empty(GatewayRoutes(routing, "refused", "s"));
    }

    [Fact]
    [Trait("fact", "semantics.md 3.7, 7.10 (disabling propagation removes every gateway route and nothing else)")]
    public void Disabling_propagation_removes_only_the_gateway_routes()
    {
        var routing = Hub()
            .VpnGateway("vpngw", "hub")
            .LocalNetworkGateway("lng", "192.168.10.0/24")
            .VpnConnection("conn", "vpngw", "lng", enableBgp: false)
            .Vnet("spoke", "10.1.0.0/16")
            .Subnet("spoke", "on", "10.1.0.0/24")
            .Subnet("spoke", "off", "10.1.1.0/24", "rt-off")
            .RouteTable("rt-off", disableBgpRoutePropagation: true, Udr("to-nva", "10.9.0.0/16", RouteNextHopType.VirtualAppliance, "10.100.1.4"))
            .Peer("hub", "spoke", hubAllowsTransit: true, spokeUsesRemoteGateways: true)
            .Compile();

        var on = routing.EffectiveRoutesOf(SubnetId("spoke", "on"));
        var off = routing.EffectiveRoutesOf(SubnetId("spoke", "off"));
        Assert.Contains(on, r => r.Source == EffectiveRouteSource.VirtualNetworkGateway);
        Assert.DoesNotContain(off, r => r.Source == EffectiveRouteSource.VirtualNetworkGateway);
        Assert.Equal(
            on.Where(r => r.Source == EffectiveRouteSource.Default).Select(r => (r.NextHopType, r.AddressPrefixes[0])),
            off.Where(r => r.Source == EffectiveRouteSource.Default).Select(r => (r.NextHopType, r.AddressPrefixes[0])));
        Assert.Contains(off, r => r.Source == EffectiveRouteSource.User);
        var table = routing.RouteTableOf(SubnetId("spoke", "off"));
        Assert.NotNull(table);
        Assert.Single(table.GetSuppressedRoutes(), s => s.Reason == RouteSuppressionReason.GatewayRoutePropagationDisabled);
    }

    [Fact]
    [Trait("fact", "semantics.md 3.6, 7.3 (a BGP 0.0.0.0/0 removes the Default 0/0 Internet row and the None rows; a UDR 0/0 makes it Invalid)")]
    public void A_bgp_default_route_replaces_the_system_default_and_the_None_routes_and_a_user_default_beats_it()
    {
        var routing = Hub()
            .VpnGateway("vpngw", "hub", publicIp: "13.70.194.156")
            .LocalNetworkGateway("csr", bgpPeer: "10.5.0.254", asn: 65005)
            .VpnConnection("conn", "vpngw", "csr")
            .Site("csr", 65005, "0.0.0.0/0, 10.2.0.0/16", LocalNetworkGatewayId("csr"))
            .Subnet("hub", "firewall", "10.100.2.0/24", "rt-fw")
            .RouteTable("rt-fw", false, Udr("direct", "0.0.0.0/0", RouteNextHopType.VirtualAppliance, "10.100.1.4"))
            .Compile();

        RouteRows.AssertSameRows(
        [
            new("Default", "Active", "10.100.0.0/16", "VnetLocal", ""),
            new("VirtualNetworkGateway", "Active", "0.0.0.0/0", "VirtualNetworkGateway", "13.70.194.156"),
            new("VirtualNetworkGateway", "Active", "10.2.0.0/16", "VirtualNetworkGateway", "13.70.194.156"),
            new("VirtualNetworkGateway", "Active", "10.5.0.254/32", "VirtualNetworkGateway", "13.70.194.156"),
        ], routing.EffectiveRoutesOf(SubnetId("hub", "workload")));

        var firewall = routing.EffectiveRoutesOf(SubnetId("hub", "firewall"));
        Assert.DoesNotContain(firewall, r => r.Source == EffectiveRouteSource.Default && r.NextHopType == NextHopType.Internet);
        var bgpDefault = Assert.Single(firewall, r => r.Source == EffectiveRouteSource.VirtualNetworkGateway && r.AddressPrefixes[0].Length == 0);
        Assert.Equal(EffectiveRouteState.Invalid, bgpDefault.State);
        Assert.Equal(EffectiveRouteReason.OverriddenByUserRoute, bgpDefault.Reason);
        Assert.True(routing.TryGetNextHop(SubnetId("hub", "firewall"), IpAddress.Parse("8.8.8.8"), out var hop));
        Assert.Equal(NextHopType.VirtualAppliance, hop.NextHopType);
    }

    [Fact]
    [Trait("fact", "semantics.md 3.6, 7.3 (the /1 pair: Default 0/0 stays Active next to it, the /1 routes win by longest prefix match; seed 000 disagrees); VNL9005")]
    public void The_split_default_route_takes_all_internet_traffic_while_the_system_default_stays_active()
    {
        var routing = Hub()
            .VpnGateway("vpngw", "hub")
            .LocalNetworkGateway("lng-proxy", bgpPeer: "172.31.254.1", asn: 64512)
            .VpnConnection("conn", "vpngw", "lng-proxy")
            .Site("proxy", 64512, "0.0.0.0/1, 128.0.0.0/1", LocalNetworkGatewayId("lng-proxy"))
            .Compile();

        var routes = routing.EffectiveRoutesOf(SubnetId("hub", "workload"));
        Assert.Contains(routes, r => r.Source == EffectiveRouteSource.Default && r.NextHopType == NextHopType.Internet && r.State == EffectiveRouteState.Active);
        Assert.Equal(4, routes.Count(r => r.NextHopType == NextHopType.None));
        foreach (var destination in new[] { "8.8.8.8", "93.184.216.34", "200.1.1.1" })
        {
            Assert.True(routing.TryGetNextHop(SubnetId("hub", "workload"), IpAddress.Parse(destination), out var hop));
            Assert.Equal(NextHopType.VirtualNetworkGateway, hop.NextHopType);
        }

        Assert.True(routing.TryGetNextHop(SubnetId("hub", "workload"), IpAddress.Parse("10.200.0.1"), out var rfc1918));
        Assert.Equal(NextHopType.None, rfc1918.NextHopType);
        Assert.Contains(routing.NotesFor(SubnetId("hub", "workload")), n => n.Code == "VNL9005");
    }

    [Fact]
    [Trait("fact", "semantics.md 3.8, 5.2 (the gateway advertises its VNet and the transit spokes, plus other LNG prefixes, never a default route)")]
    public void The_hub_gateway_advertises_the_vnet_and_transit_spoke_prefixes_to_the_sites_behind_it()
    {
        var routing = Hub()
            .ExpressRouteGateway("ergw", "hub")
            .Circuit("circuit")
            .ExpressRouteConnection("er", "ergw", "circuit")
            .Site("onprem", 65010, "10.0.0.0/12", PrivatePeeringId("circuit"))
            .VpnGateway("vpngw", "hub")
            .LocalNetworkGateway("lng-proxy", bgpPeer: "172.31.254.1", asn: 64512)
            .VpnConnection("to-proxy", "vpngw", "lng-proxy")
            .Site("proxy", 64512, "0.0.0.0/1, 128.0.0.0/1, 0.0.0.0/0", LocalNetworkGatewayId("lng-proxy"))
            .LocalNetworkGateway("branch", "192.168.50.0/24")
            .VpnConnection("to-branch", "vpngw", "branch", enableBgp: false)
            .Vnet("transit", "10.110.0.0/16").Subnet("transit", "s", "10.110.1.0/24")
            .Vnet("plain", "10.120.0.0/16").Subnet("plain", "s", "10.120.1.0/24")
            .Peer("hub", "transit", hubAllowsTransit: true, spokeUsesRemoteGateways: true)
            .Peer("hub", "plain")
            .Compile();

        var toOnPrem = routing.RoutesAdvertisedTo(SiteId("onprem"));
        Assert.Equal(["10.100.0.0/16", "10.110.0.0/16"], toOnPrem.Select(r => r.Prefix.ToString()));
        Assert.All(toOnPrem, r => Assert.Equal([12076L], r.AsPath.AsEnumerable()));
        Assert.All(toOnPrem, r => Assert.True(r.ViaBgp));

        var toProxy = routing.RoutesAdvertisedTo(SiteId("proxy")).Select(r => r.Prefix.ToString()).ToList();
        Assert.Equal(["10.100.0.0/16", "10.110.0.0/16", "192.168.50.0/24"], toProxy);
        Assert.Contains(routing.Notes, n => n.Code == "VNL9017" && n.ResourceId == ConnectionId("to-branch"));
    }

    [Fact]
    [Trait("fact", "semantics.md 5.7 (VNets linked to one circuit learn each other's prefixes; allowRemoteVnetTraffic); VNL9013")]
    public void Vnets_on_the_same_circuit_learn_each_other_unless_remote_vnet_traffic_is_disallowed()
    {
        TestEstate TwoHubs(bool? allow) => new TestEstate()
            .Vnet("hub1", "10.100.0.0/16").Subnet("hub1", "GatewaySubnet", "10.100.0.0/27").Subnet("hub1", "s", "10.100.1.0/24")
            .Vnet("hub2", "10.102.0.0/16").Subnet("hub2", "GatewaySubnet", "10.102.0.0/27")
            .Vnet("spoke2", "10.110.0.0/16").Subnet("spoke2", "s", "10.110.1.0/24")
            .Peer("hub2", "spoke2", hubAllowsTransit: true, spokeUsesRemoteGateways: true)
            .Circuit("circuit")
            .ExpressRouteGateway("ergw1", "hub1", allow).ExpressRouteGateway("ergw2", "hub2", allow)
            .ExpressRouteConnection("c1", "ergw1", "circuit").ExpressRouteConnection("c2", "ergw2", "circuit");

        var assumed = TwoHubs(null).Compile();
        RouteRows.AssertSameRows(
        [
            new("VirtualNetworkGateway", "Active", "10.102.0.0/16", "VirtualNetworkGateway", ""),
            new("VirtualNetworkGateway", "Active", "10.110.0.0/16", "VirtualNetworkGateway", ""),
        ], GatewayRoutes(assumed, "hub1", "s"));
        Assert.Contains(assumed.NotesFor(SubnetId("hub1", "s")), n => n.Code == "VNL9013");
        Assert.Contains(GatewayRoutes(assumed, "spoke2", "s"), r => r.AddressPrefixes[0].ToString() == "10.100.0.0/16");

        var refused = TwoHubs(false).Compile();
        Assert.Empty(GatewayRoutes(refused, "hub1", "s"));
        Assert.DoesNotContain(refused.Notes, n => n.Code == "VNL9013");
    }
}
