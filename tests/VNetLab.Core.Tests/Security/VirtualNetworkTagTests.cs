using System.Collections.Immutable;
using VNetLab.Addressing;
using VNetLab.Model;
using VNetLab.Security;
using static VNetLab.Core.Tests.Security.SecurityEstate;

namespace VNetLab.Core.Tests.Security;

public class VirtualNetworkTagTests
{
    private static VirtualNetworkTag TagOf(string vnet, string subnet, IEnumerable<Resource> resources,
        IReadOnlyDictionary<ResourceId, ImmutableArray<IpPrefix>>? gatewayPrefixes = null)
    {
        var estate = Estate.Create(resources);
        return SecurityCompiler.Compile(estate, new SecurityOptions { GatewayPrefixes = gatewayPrefixes })
            .VirtualNetworkTagOf(estate.Find<Subnet>(SubnetId(vnet, subnet)));
    }

    private static string Expanded(VirtualNetworkTag tag) => string.Join(" ", tag.ExpandedPrefixes);

    [Fact]
    [Trait("fact", "semantics.md 4.5")]
    public void A_plain_VNet_expands_to_its_space_and_the_host_virtual_IP()
    {
        var tag = TagOf("vnet1", "s1", [Vnet("vnet1", "10.1.0.0/24", Subnet("vnet1", "s1", "10.1.0.0/25"))]);

        Assert.Equal("10.1.0.0/24 168.63.129.16/32", Expanded(tag));
        Assert.Empty(tag.Notes);
    }

    [Fact]
    [Trait("fact", "semantics.md 4.5")]
    public void UDR_prefixes_of_the_subnet_route_table_are_included_even_with_an_unreachable_next_hop()
    {
        var routeTable = RouteTable("rt", false, ("10.1.3.0/24", RouteNextHopType.VirtualAppliance));
        var tag = TagOf("vnet1", "s1", [routeTable,
            Vnet("vnet1", "10.17.3.0/24", Subnet("vnet1", "s1", "10.17.3.0/25", routeTable: routeTable.Id), Subnet("vnet1", "s2", "10.17.3.128/25"))]);
        var sibling = TagOf("vnet1", "s2", [routeTable,
            Vnet("vnet1", "10.17.3.0/24", Subnet("vnet1", "s1", "10.17.3.0/25", routeTable: routeTable.Id), Subnet("vnet1", "s2", "10.17.3.128/25"))]);

        // The 2017 recorded response: ["10.1.3.0/24","10.17.3.0/24","168.63.129.16/32"], sorted.
        Assert.Equal("10.1.3.0/24 10.17.3.0/24 168.63.129.16/32", Expanded(tag));
        Assert.Equal("10.17.3.0/24 168.63.129.16/32", Expanded(sibling));
    }

    [Fact]
    [Trait("fact", "semantics.md 4.5")]
    public void A_default_route_UDR_turns_the_tag_into_everything()
    {
        var routeTable = RouteTable("rt", false, ("0.0.0.0/0", RouteNextHopType.VirtualAppliance));
        var tag = TagOf("vnet1", "s1", [routeTable, Vnet("vnet1", "10.1.0.0/16", Subnet("vnet1", "s1", "10.1.0.0/24", routeTable: routeTable.Id))]);

        Assert.Equal("0.0.0.0/0", Expanded(tag));
        Assert.True(tag.Addresses.Contains(IpAddress.Parse("8.8.8.8")));
    }

    [Fact]
    [Trait("fact", "semantics.md 4.5")]
    public void Directly_peered_VNets_are_included_and_peers_of_peers_are_not()
    {
        var hub = Vnet("hub", "10.0.0.0/16", Subnet("hub", "s", "10.0.0.0/24")) with { Peerings = [Peering("hub", "spoke1"), Peering("hub", "spoke2")] };
        var spoke1 = Vnet("spoke1", "10.1.0.0/16", Subnet("spoke1", "s", "10.1.0.0/24")) with { Peerings = [Peering("spoke1", "hub")] };
        var spoke2 = Vnet("spoke2", "10.2.0.0/16", Subnet("spoke2", "s", "10.2.0.0/24")) with { Peerings = [Peering("spoke2", "hub")] };

        Assert.Equal("10.0.0.0/16 10.1.0.0/16 10.2.0.0/16 168.63.129.16/32", Expanded(TagOf("hub", "s", [hub, spoke1, spoke2])));
        Assert.Equal("10.0.0.0/16 10.1.0.0/16 168.63.129.16/32", Expanded(TagOf("spoke1", "s", [hub, spoke1, spoke2])));
    }

    [Fact]
    [Trait("fact", "semantics.md 7.6")]
    public void A_peering_without_virtual_network_access_is_left_out_with_a_note()
    {
        var vnet1 = Vnet("vnet1", "10.1.0.0/16", Subnet("vnet1", "s", "10.1.0.0/24")) with { Peerings = [Peering("vnet1", "vnet2", allowAccess: false)] };
        var vnet2 = Vnet("vnet2", "10.2.0.0/16");

        var tag = TagOf("vnet1", "s", [vnet1, vnet2]);

        Assert.Equal("10.1.0.0/16 168.63.129.16/32", Expanded(tag));
        Assert.Contains(tag.Notes, n => n.Code == "VNL9109");
    }

    [Fact]
    [Trait("fact", "semantics.md 4.5")]
    public void Gateway_learned_prefixes_given_by_the_caller_are_included_unless_the_route_table_stops_propagation()
    {
        var quiet = RouteTable("quiet", disableBgpRoutePropagation: true);
        var spoke = Vnet("spoke", "10.1.0.0/16", Subnet("spoke", "s", "10.1.0.0/24"), Subnet("spoke", "isolated", "10.1.1.0/24", routeTable: quiet.Id))
            with { Peerings = [Peering("spoke", "hub", useRemoteGateways: true)] };
        var learned = new Dictionary<ResourceId, ImmutableArray<IpPrefix>> { [VnetId("spoke")] = [IpPrefix.Parse("172.16.0.0/16")] };

        Assert.Equal("10.1.0.0/16 168.63.129.16/32 172.16.0.0/16", Expanded(TagOf("spoke", "s", [spoke, quiet], learned)));
        Assert.Equal("10.1.0.0/16 168.63.129.16/32", Expanded(TagOf("spoke", "isolated", [spoke, quiet], learned)));
    }

    [Fact]
    [Trait("fact", "semantics.md 4.5")]
    public void Without_a_routing_result_a_VNet_that_uses_a_gateway_gets_a_note_that_on_premises_prefixes_are_missing()
    {
        var spoke = Vnet("spoke", "10.1.0.0/16", Subnet("spoke", "s", "10.1.0.0/24")) with { Peerings = [Peering("spoke", "hub", useRemoteGateways: true)] };

        var tag = TagOf("spoke", "s", [spoke]);

        Assert.False(tag.GatewayPrefixesKnown);
        Assert.Contains(tag.Notes, n => n.Code == "VNL9104");
    }
}
