using System.Collections.Immutable;
using VNetLab.Addressing;
using VNetLab.Model;
using VNetLab.Routing;
using static VNetLab.Core.Tests.Routing.TestEstate;

namespace VNetLab.Core.Tests.Routing;

/// <summary>
/// Microsoft's own worked examples, reproduced row for row (tables compared as sets, since Azure's order is
/// not specified, semantics.md 2.1).
/// </summary>
public class AzureExamplesTests
{
    private const string LearnRoutingExample = "https://learn.microsoft.com/azure/virtual-network/virtual-networks-udr-overview#routing-example";
    private const string GatewayPublicIp = "20.50.60.70";

    private static readonly Dictionary<string, ImmutableArray<IpPrefix>> StorageTags = new()
    {
        ["Storage.WestEurope"] = [IpPrefix.Parse("20.38.108.0/23"), IpPrefix.Parse("52.239.140.0/22")],
    };

    /// <summary>
    /// The article's scenario: Virtual-network-1 (10.0.0.0/16) with Subnet1, Subnet2, an NVA at 10.0.100.4 and a
    /// VPN gateway to an on-premises 10.10.0.0/16; Virtual-network-2 (10.1.0.0/16 and 10.2.0.0/16) peered with it;
    /// Subnet1 with a Storage service endpoint and the article's six user-defined routes.
    /// </summary>
    private static CompiledRouting LearnExample(PlatformNoneRouteSet noneRoutes) => new TestEstate()
        .Vnet("Virtual-network-1", "10.0.0.0/16")
        .Subnet("Virtual-network-1", "Subnet1", "10.0.0.0/24", "Subnet1-routes", new ServiceEndpoint("Microsoft.Storage", ["westeurope"]))
        .Subnet("Virtual-network-1", "Subnet2", "10.0.1.0/24")
        .Subnet("Virtual-network-1", "DMZ", "10.0.100.0/24")
        .Subnet("Virtual-network-1", "GatewaySubnet", "10.0.255.0/27")
        .Vnet("Virtual-network-2", "10.1.0.0/16, 10.2.0.0/16")
        .Subnet("Virtual-network-2", "Subnet1", "10.1.0.0/24")
        .Peer("Virtual-network-1", "Virtual-network-2")
        .VpnGateway("Gateway", "Virtual-network-1", publicIp: GatewayPublicIp, enableBgp: false)
        .LocalNetworkGateway("On-premises", "10.10.0.0/16")
        .VpnConnection("Gateway-to-On-premises", "Gateway", "On-premises", enableBgp: false)
        .RouteTable("Subnet1-routes", false,
            Udr("Within-VNet1", "10.0.0.0/16", RouteNextHopType.VirtualAppliance, "10.0.100.4"),
            Udr("Within-Subnet1", "10.0.0.0/24", RouteNextHopType.VnetLocal),
            Udr("ToVNet2-1-Drop", "10.1.0.0/16", RouteNextHopType.None),
            Udr("ToVNet2-2-Drop", "10.2.0.0/16", RouteNextHopType.None),
            Udr("To-On-Prem", "10.10.0.0/16", RouteNextHopType.VirtualAppliance, "10.0.100.4"),
            Udr("Default-NVA", "0.0.0.0/0", RouteNextHopType.VirtualAppliance, "10.0.100.4"))
        .Compile(new RoutingOptions { ServiceTags = StorageTags, PlatformNoneRoutes = noneRoutes });

    [Fact]
    [Trait("fact", LearnRoutingExample + " (Subnet1 table, IDs 1-12); semantics.md 2.2 (gateway routes have source VirtualNetworkGateway)")]
    public void Learn_routing_example_Subnet1()
    {
        var routing = LearnExample(PlatformNoneRouteSet.Documented);

        // ID8 is printed with source "Default" in the article; Azure's API reports gateway routes with source
        // VirtualNetworkGateway ("the source is also virtual network gateway", same article), which is what is checked.
        RouteRows.AssertSameRows(
        [
            new("Default", "Invalid", "10.0.0.0/16", "VnetLocal", ""),
            new("User", "Active", "10.0.0.0/16", "VirtualAppliance", "10.0.100.4", "Within-VNet1"),
            new("User", "Active", "10.0.0.0/24", "VnetLocal", "", "Within-Subnet1"),
            new("Default", "Invalid", "10.1.0.0/16", "VNetPeering", ""),
            new("Default", "Invalid", "10.2.0.0/16", "VNetPeering", ""),
            new("User", "Active", "10.1.0.0/16", "None", "", "ToVNet2-1-Drop"),
            new("User", "Active", "10.2.0.0/16", "None", "", "ToVNet2-2-Drop"),
            new("VirtualNetworkGateway", "Invalid", "10.10.0.0/16", "VirtualNetworkGateway", GatewayPublicIp),
            new("User", "Active", "10.10.0.0/16", "VirtualAppliance", "10.0.100.4", "To-On-Prem"),
            new("Default", "Active", "20.38.108.0/23,52.239.140.0/22", "VirtualNetworkServiceEndpoint", ""),
            new("Default", "Invalid", "0.0.0.0/0", "Internet", ""),
            new("User", "Active", "0.0.0.0/0", "VirtualAppliance", "10.0.100.4", "Default-NVA"),
        ], routing.EffectiveRoutesOf(SubnetId("Virtual-network-1", "Subnet1")));
    }

    [Fact]
    [Trait("fact", LearnRoutingExample + " (Subnet1: where traffic goes, per the ID explanations)")]
    public void Learn_routing_example_Subnet1_forwarding()
    {
        var routing = LearnExample(PlatformNoneRouteSet.Documented);
        var subnet1 = SubnetId("Virtual-network-1", "Subnet1");

        (string Destination, NextHopType Type)[] cases =
        [
            ("10.0.0.7", NextHopType.VnetLocal),            // ID3: stays within the subnet
            ("10.0.1.7", NextHopType.VirtualAppliance),     // ID2: rest of the VNet through the NVA
            ("10.1.3.3", NextHopType.None),                 // ID6: dropped instead of going to the peer
            ("10.2.3.3", NextHopType.None),                 // ID7
            ("10.10.1.1", NextHopType.VirtualAppliance),    // ID9: on-premises through the NVA, not the gateway
            ("52.239.141.9", NextHopType.VirtualNetworkServiceEndpoint), // ID10: storage directly
            ("93.184.216.34", NextHopType.VirtualAppliance), // ID12: everything else through the NVA
        ];
        foreach (var (destination, type) in cases)
        {
            Assert.True(routing.TryGetNextHop(subnet1, IpAddress.Parse(destination), out var hop));
            Assert.True(type == hop.NextHopType, $"{destination}: expected {type}, got {hop.NextHopType} ({hop.Route})");
        }
    }

    [Fact]
    [Trait("fact", LearnRoutingExample + " (Subnet2 table, which lists the three pre-2020 None routes); semantics.md 7.8 (the table omits 172.16.0.0/12)")]
    public void Learn_routing_example_Subnet2()
    {
        RouteRow[] common =
        [
            new("Default", "Active", "10.0.0.0/16", "VnetLocal", ""),
            new("Default", "Active", "10.1.0.0/16", "VNetPeering", ""),
            new("Default", "Active", "10.2.0.0/16", "VNetPeering", ""),
            new("VirtualNetworkGateway", "Active", "10.10.0.0/16", "VirtualNetworkGateway", GatewayPublicIp),
            new("Default", "Active", "0.0.0.0/0", "Internet", ""),
            new("Default", "Active", "10.0.0.0/8", "None", ""),
            new("Default", "Active", "100.64.0.0/10", "None", ""),
            new("Default", "Active", "192.168.0.0/16", "None", ""),
        ];

        // Exactly the article's rows with the None set the article's table shows.
        RouteRows.AssertSameRows(common,
            LearnExample(PlatformNoneRouteSet.Observed2020).EffectiveRoutesOf(SubnetId("Virtual-network-1", "Subnet2")));

        // With the four documented None prefixes, the 172.16.0.0/12 row the table left out is there too.
        RouteRows.AssertSameRows([.. common, new("Default", "Active", "172.16.0.0/12", "None", "")],
            LearnExample(PlatformNoneRouteSet.Documented).EffectiveRoutesOf(SubnetId("Virtual-network-1", "Subnet2")));
    }

    [Fact]
    [Trait("fact", "semantics.md 1.1, 2.1; REST API example NetworkInterfaces_GetEffectiveRouteTable (NetworkInterfaceEffectiveRouteTableList.json, API S13)")]
    public void Rest_api_example_of_GetEffectiveRouteTable()
    {
        var routing = new TestEstate()
            .Vnet("vnet1", "172.20.2.0/24")
            .Subnet("vnet1", "default", "172.20.2.0/24")
            .Nic("nic1", "vnet1", "default", "172.20.2.4")
            .Compile();

        RouteRows.AssertSameRows(
        [
            new("Default", "Active", "172.20.2.0/24", "VnetLocal", ""),
            new("Default", "Active", "0.0.0.0/0", "Internet", ""),
            new("Default", "Active", "10.0.0.0/8", "None", ""),
            new("Default", "Active", "100.64.0.0/10", "None", ""),
            new("Default", "Active", "172.16.0.0/12", "None", ""),
            new("Default", "Active", "192.168.0.0/16", "None", ""),
        ], routing.EffectiveRoutesOf(NicId("nic1")));
    }
}
