using System.Collections.Immutable;
using VNetLab.Addressing;
using VNetLab.Model;
using VNetLab.Routing;
using static VNetLab.Core.Tests.Routing.TestEstate;

namespace VNetLab.Core.Tests.Routing;

public class ServiceEndpointRoutesTests
{
    private static readonly Dictionary<string, ImmutableArray<IpPrefix>> Tags = new()
    {
        ["Storage.WestEurope"] = [IpPrefix.Parse("20.38.108.0/23"), IpPrefix.Parse("52.239.140.0/22")],
        ["Storage"] = [IpPrefix.Parse("20.38.108.0/23"), IpPrefix.Parse("52.239.140.0/22"), IpPrefix.Parse("20.60.0.0/16")],
    };

    private static TestEstate Estate() => new TestEstate()
        .Vnet("vnet1", "10.0.0.0/16").Subnet("vnet1", "with", "10.0.0.0/24", null, new ServiceEndpoint("Microsoft.Storage", ["westeurope"]))
        .Subnet("vnet1", "without", "10.0.1.0/24")
        .Vnet("vnet2", "10.1.0.0/16").Subnet("vnet2", "a", "10.1.0.0/24")
        .Peer("vnet1", "vnet2");

    [Fact]
    [Trait("fact", "semantics.md 2.2 (one entry holding all the service's prefixes, only on the subnet with the endpoint, not over peering)")]
    public void A_service_endpoint_adds_one_route_with_all_the_tags_prefixes_to_its_own_subnet_only()
    {
        var routing = Estate().Compile(new RoutingOptions { ServiceTags = Tags });

        var route = Assert.Single(routing.EffectiveRoutesOf(SubnetId("vnet1", "with")), r => r.NextHopType == NextHopType.VirtualNetworkServiceEndpoint);
        Assert.Equal(["20.38.108.0/23", "52.239.140.0/22"], route.AddressPrefixes.Select(p => p.ToString()));
        Assert.Equal(EffectiveRouteSource.Default, route.Source);
        Assert.Equal(["Storage.WestEurope"], route.DestinationServiceTags.AsEnumerable());
        Assert.DoesNotContain(routing.EffectiveRoutesOf(SubnetId("vnet1", "without")), r => r.NextHopType == NextHopType.VirtualNetworkServiceEndpoint);
        Assert.DoesNotContain(routing.EffectiveRoutesOf(SubnetId("vnet2", "a")), r => r.NextHopType == NextHopType.VirtualNetworkServiceEndpoint);
        Assert.NotSame(routing.RouteTableOf(SubnetId("vnet1", "with")), routing.RouteTableOf(SubnetId("vnet1", "without")));
    }

    [Fact]
    [Trait("fact", "semantics.md 3.6 (service endpoint routes are longer than a 0.0.0.0/0 UDR and still win); 2.2 (cannot be overridden)")]
    public void Service_endpoint_traffic_bypasses_a_default_route_to_an_appliance_and_is_not_overridden_by_an_equal_user_route()
    {
        var routing = Estate()
            .Subnet("vnet1", "forced", "10.0.2.0/24", "rt", new ServiceEndpoint("Microsoft.Storage", ["westeurope"]))
            .Subnet("vnet1", "nva", "10.0.3.0/24")
            .RouteTable("rt", false,
                Udr("default", "0.0.0.0/0", RouteNextHopType.VirtualAppliance, "10.0.3.4"),
                Udr("storage-block", "52.239.140.0/22", RouteNextHopType.None))
            .Compile(new RoutingOptions { ServiceTags = Tags });

        Assert.True(routing.TryGetNextHop(SubnetId("vnet1", "forced"), IpAddress.Parse("52.239.141.1"), out var storage));
        Assert.Equal(NextHopType.VirtualNetworkServiceEndpoint, storage.NextHopType);
        Assert.True(routing.TryGetNextHop(SubnetId("vnet1", "forced"), IpAddress.Parse("93.184.216.34"), out var other));
        Assert.Equal(NextHopType.VirtualAppliance, other.NextHopType);

        var routes = routing.EffectiveRoutesOf(SubnetId("vnet1", "forced"));
        var endpoint = Assert.Single(routes, r => r.NextHopType == NextHopType.VirtualNetworkServiceEndpoint);
        Assert.Equal(EffectiveRouteReason.ServiceEndpointNotOverridable, endpoint.Reason);
        var blocked = Assert.Single(routes, r => r.Name == "storage-block");
        Assert.Equal(EffectiveRouteState.Invalid, blocked.State);
        Assert.Equal(EffectiveRouteReason.OverriddenByServiceEndpoint, blocked.Reason);
    }

    [Fact]
    [Trait("fact", "semantics.md 2.2; VNL9009 (no service tags file)")]
    public void Without_a_service_tags_file_the_route_has_no_prefixes_and_the_subnet_carries_a_note()
    {
        var routing = Estate().Compile();

        var route = Assert.Single(routing.EffectiveRoutesOf(SubnetId("vnet1", "with")), r => r.NextHopType == NextHopType.VirtualNetworkServiceEndpoint);
        Assert.Empty(route.AddressPrefixes);
        var note = Assert.Single(routing.NotesFor(SubnetId("vnet1", "with")), n => n.Code == "VNL9009");
        Assert.Equal(SubnetId("vnet1", "with"), note.ResourceId);
        Assert.DoesNotContain(routing.NotesFor(SubnetId("vnet1", "without")), n => n.Code == "VNL9009");
    }
}
