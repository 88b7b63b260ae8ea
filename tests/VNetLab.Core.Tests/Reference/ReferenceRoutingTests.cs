using VNetLab.Addressing;
using VNetLab.Model;
using VNetLab.Testing.Reference;
using static VNetLab.Core.Tests.Reference.TinyEstates;

namespace VNetLab.Core.Tests.Reference;

/// <summary>The reference routing engine against the documented behaviour it is the oracle for.</summary>
public sealed class ReferenceRoutingTests
{
    private static string Rows(IEnumerable<ReferenceRoute> routes) => string.Join(" | ", routes.Select(r => r.ToString()).Order(StringComparer.Ordinal));

    [Fact]
    [Trait("fact", "semantics.md 2.1")]
    public void A_lone_vnet_has_its_range_the_internet_and_the_none_routes()
    {
        var vnet = Vnet("v", "10.1.0.0/16", subnets: ("s", "10.1.1.0/24"));
        var routing = new ReferenceRouting(Estate.Create([vnet]));

        var routes = routing.EffectiveRoutes(Subnet(vnet, "s"));

        Assert.Equal(
            "Default Active 0.0.0.0/0 Internet | Default Active 10.0.0.0/8 None | Default Active 10.1.0.0/16 VnetLocal | Default Active 100.64.0.0/10 None | "
            + "Default Active 172.16.0.0/12 None | Default Active 192.168.0.0/16 None",
            Rows(routes));
        Assert.Equal("VnetLocal", ReferenceRouting.Lookup(routes, IpAddress.Parse("10.1.200.9"))?.NextHopType);
        Assert.Equal("None", ReferenceRouting.Lookup(routes, IpAddress.Parse("10.2.0.1"))?.NextHopType);
        Assert.Equal("Internet", ReferenceRouting.Lookup(routes, IpAddress.Parse("8.8.8.8"))?.NextHopType);
    }

    [Fact]
    [Trait("fact", "semantics.md 2.1")]
    public void A_range_equal_to_or_containing_a_none_prefix_replaces_it()
    {
        var vnet = Vnet("v", "10.0.0.0/8", subnets: ("s", "10.1.1.0/24")) with { AddressSpace = [.. Space("10.0.0.0/8", "172.16.0.0/11")] };
        var routes = new ReferenceRouting(Estate.Create([vnet])).EffectiveRoutes(Subnet(vnet, "s"));

        Assert.DoesNotContain(routes, r => r.NextHopType == "None" && (r.Prefix == IpPrefix.Parse("10.0.0.0/8") || r.Prefix == IpPrefix.Parse("172.16.0.0/12")));
        Assert.Contains(routes, r => r.NextHopType == "None" && r.Prefix == IpPrefix.Parse("192.168.0.0/16"));
    }

    [Fact]
    [Trait("fact", "semantics.md 2.2")]
    public void Connected_peerings_add_the_remote_ranges_global_across_regions()
    {
        var (a, b) = Peer(Vnet("a", "10.1.0.0/16", subnets: ("s", "10.1.1.0/24")), Vnet("b", "10.2.0.0/16", "westeurope"));
        var (a2, c) = Peer(a, Vnet("c", "10.3.0.0/16", "northeurope"));
        var (a3, d) = Peer(a2, Vnet("d", "10.4.0.0/16"), state: PeeringState.Initiated);
        var routes = new ReferenceRouting(Estate.Create([a3, b, c, d])).EffectiveRoutes(Subnet(a3, "s"));

        Assert.Contains(routes, r => r.Prefix == IpPrefix.Parse("10.2.0.0/16") && r.NextHopType == "VNetPeering");
        Assert.Contains(routes, r => r.Prefix == IpPrefix.Parse("10.3.0.0/16") && r.NextHopType == "VNetGlobalPeering");
        Assert.DoesNotContain(routes, r => r.Prefix == IpPrefix.Parse("10.4.0.0/16"));
    }

    [Fact]
    [Trait("fact", "semantics.md 3.2")]
    public void A_user_default_route_to_an_appliance_invalidates_the_internet_route_and_removes_the_none_routes()
    {
        var table = RouteTable("rt", false, ("0.0.0.0/0", RouteNextHopType.VirtualAppliance, "10.1.0.4"));
        var vnet = WithSubnet(Vnet("v", "10.1.0.0/16", subnets: ("s", "10.1.1.0/24")), "s", s => s with { RouteTableId = table.Id });
        var routes = new ReferenceRouting(Estate.Create([vnet, table])).EffectiveRoutes(Subnet(vnet, "s"));

        Assert.Equal(
            "Default Active 10.1.0.0/16 VnetLocal | Default Invalid 0.0.0.0/0 Internet | User Active 0.0.0.0/0 VirtualAppliance 10.1.0.4",
            Rows(routes));
    }

    [Fact]
    [Trait("fact", "semantics.md 3.8")]
    [Trait("fact", "semantics.md 3.10")]
    [Trait("fact", "semantics.md 2.2")]
    public void A_spoke_using_the_hub_gateway_learns_the_bgp_routes_and_the_peer_host_route()
    {
        var (spoke, hub) = Peer(
            Vnet("spoke", "10.1.0.0/16", subnets: ("s", "10.1.1.0/24")),
            Vnet("hub", "10.100.0.0/16", subnets: ("GatewaySubnet", "10.100.0.0/27")),
            leftUsesRemoteGateways: true, rightAllowsTransit: true);
        var (vpn, pip) = Gateway(hub, "vpn", VirtualNetworkGatewayType.Vpn, "20.1.2.3");
        var estate = Estate.Create([spoke, hub, vpn, pip, .. VpnSite(vpn, "branch", "192.168.1.254", "192.168.1.0/24", "0.0.0.0/1")]);

        var routes = new ReferenceRouting(estate).EffectiveRoutes(Subnet(spoke, "s"));

        var gateway = routes.Where(r => r.Source == "VirtualNetworkGateway").Select(r => r.ToString()).Order(StringComparer.Ordinal);
        Assert.Equal(
            ["VirtualNetworkGateway Active 0.0.0.0/1 VirtualNetworkGateway 20.1.2.3", "VirtualNetworkGateway Active 192.168.1.0/24 VirtualNetworkGateway 20.1.2.3",
             "VirtualNetworkGateway Active 192.168.1.254/32 VirtualNetworkGateway 20.1.2.3"],
            gateway);
        Assert.Equal("VirtualNetworkGateway", ReferenceRouting.Lookup(routes, IpAddress.Parse("93.184.216.34"))?.NextHopType);
    }

    [Fact]
    [Trait("fact", "semantics.md 3.7")]
    public void Disabling_gateway_route_propagation_removes_only_the_gateway_routes()
    {
        var table = RouteTable("rt", true);
        var (spoke, hub) = Peer(
            WithSubnet(Vnet("spoke", "10.1.0.0/16", subnets: ("s", "10.1.1.0/24")), "s", s => s with { RouteTableId = table.Id }),
            Vnet("hub", "10.100.0.0/16", subnets: ("GatewaySubnet", "10.100.0.0/27")),
            leftUsesRemoteGateways: true, rightAllowsTransit: true);
        var (vpn, pip) = Gateway(hub, "vpn", VirtualNetworkGatewayType.Vpn, "20.1.2.3");
        var estate = Estate.Create([spoke, hub, vpn, pip, table, .. VpnSite(vpn, "branch", "192.168.1.254", "192.168.1.0/24")]);

        var routes = new ReferenceRouting(estate).EffectiveRoutes(Subnet(spoke, "s"));

        Assert.DoesNotContain(routes, r => r.Source == "VirtualNetworkGateway");
        Assert.Contains(routes, r => r.NextHopType == "VNetPeering");
    }

    [Fact]
    [Trait("fact", "semantics.md 3.3")]
    [Trait("fact", "semantics.md 3.9")]
    public void Bgp_routes_inside_peered_ranges_are_dropped_and_expressroute_wins_over_vpn()
    {
        var (spoke, hub) = Peer(
            Vnet("spoke", "10.1.0.0/16", subnets: ("s", "10.1.1.0/24")),
            Vnet("hub", "10.100.0.0/16", subnets: ("GatewaySubnet", "10.100.0.0/27")),
            leftUsesRemoteGateways: true, rightAllowsTransit: true);
        var (vpn, vpnPip) = Gateway(hub, "vpn", VirtualNetworkGatewayType.Vpn, "20.1.2.3");
        var (er, erPip) = Gateway(hub, "er", VirtualNetworkGatewayType.ExpressRoute, "20.1.2.4");
        var estate = Estate.Create([spoke, hub, vpn, vpnPip, er, erPip,
            .. VpnSite(vpn, "branch", "192.168.1.254", "10.0.0.0/16", "10.100.5.0/24"),
            .. ExpressRouteSite(er, "dc", "10.0.0.0/16")]);

        var routes = new ReferenceRouting(estate).EffectiveRoutes(Subnet(spoke, "s"));

        Assert.DoesNotContain(routes, r => r.Prefix == IpPrefix.Parse("10.100.5.0/24"));
        var onPremises = Assert.Single(routes, r => r.Prefix == IpPrefix.Parse("10.0.0.0/16"));
        Assert.Empty(onPremises.NextHopIpAddresses); // the ExpressRoute route, whose MSEE next hops the configuration does not give
    }

    [Fact]
    [Trait("fact", "semantics.md 3.12")]
    public void An_appliance_outside_the_vnet_and_its_peers_gives_next_hop_none_with_the_route_table()
    {
        var table = RouteTable("rt", false, ("10.50.0.0/16", RouteNextHopType.VirtualAppliance, "10.200.0.4"));
        var vnet = WithSubnet(Vnet("v", "10.1.0.0/16", subnets: ("s", "10.1.1.0/24")), "s", s => s with { RouteTableId = table.Id });
        var routing = new ReferenceRouting(Estate.Create([vnet, table]));

        var hop = routing.NextHop(Subnet(vnet, "s"), IpAddress.Parse("10.50.1.1"));

        Assert.Equal("None", hop.NextHopType);
        Assert.Equal(IpAddress.Parse("10.200.0.4"), hop.NextHopIpAddress);
        Assert.Equal(table.Id, hop.RouteTableId);
    }
}
