using VNetLab.Addressing;
using VNetLab.Core.Tests.Validation;
using VNetLab.Model;
using VNetLab.Validation;

namespace VNetLab.Core.Tests.Catalogue;

public static partial class ValidationCases
{
    private static EstateBuilder ChangeVpnGateway(EstateBuilder b, Func<VirtualNetworkGateway, VirtualNetworkGateway> change) =>
        b.Change(Gateway("vpngw"), change);

    private static EstateBuilder ChangeBranch(EstateBuilder b, Func<LocalNetworkGateway, LocalNetworkGateway> change) =>
        b.Change(Id("localNetworkGateways", "lng-branch"), change);

    /// <summary>The hub VPN gateway made Basic with a Basic public IP, so only the case's own change is wrong.</summary>
    private static EstateBuilder BasicVpnGateway(EstateBuilder b) => b
        .Change<PublicIpAddress>(Id("publicIPAddresses", "pip-vpn"), p => p with { SkuName = "Basic" })
        .Change<VirtualNetworkGateway>(Gateway("vpngw"), g => g with { SkuName = "Basic", EnableBgp = false });

    /// <summary>The hub VPN gateway active-active with one IP configuration per public IP.</summary>
    private static EstateBuilder ActiveActive(EstateBuilder b, bool pointToSite, params string[] zonesOfEachIp)
    {
        for (var i = 0; i < zonesOfEachIp.Length; i++)
        {
            b.PublicIp("pip-aa" + i, zones: zonesOfEachIp[i].Length == 0 ? [] : [zonesOfEachIp[i]]);
        }

        return b.Change<VirtualNetworkGateway>(Gateway("vpngw"), g => g with
        {
            ActiveActive = true,
            HasVpnClientConfiguration = pointToSite,
            IpConfigurations = [.. zonesOfEachIp.Select((_, i) => new GatewayIpConfiguration
            {
                Id = g.Id.Child("ipConfigurations", "ipconfig" + i),
                SubnetId = Subnet("hub", "GatewaySubnet"),
                PublicIpAddressId = Id("publicIPAddresses", "pip-aa" + i),
            })],
        });
    }

    private static EstateBuilder SecondHub(EstateBuilder b, VpnType vpnType) => b
        .Vnet("hub2", "10.2.0.0/16")
        .Subnet("hub2", "GatewaySubnet", "10.2.255.0/27")
        .PublicIp("pip-vpn2")
        .Gateway("vpngw2", "hub2", VirtualNetworkGatewayType.Vpn, "VpnGw1AZ", "pip-vpn2")
        .Change<VirtualNetworkGateway>(Gateway("vpngw2"), g => g with { VpnType = vpnType });

    /// <summary>Circuits in as many European peering locations as given, each linked to the hub's ExpressRoute gateway.</summary>
    private static EstateBuilder MoreCircuits(EstateBuilder b, params string[] locations)
    {
        for (var i = 0; i < locations.Length; i++)
        {
            var name = "erc-extra" + i;
            b.Circuit(name, peeringLocation: locations[i])
                .CircuitPeering(name, "AzurePrivatePeering", 65010, $"192.168.{101 + i}.0/30", $"192.168.{101 + i}.4/30", 100)
                .Connection("conn-" + name, VirtualNetworkGatewayConnectionType.ExpressRoute, "ergw", circuit: name);
        }

        return b;
    }

    private static IEnumerable<ValidationCase> Gateways() =>
    [
        new("VNL3001",
            b => b.PublicIp("pip-vpn2").Gateway("vpngw2", "hub", VirtualNetworkGatewayType.Vpn, "VpnGw1AZ", "pip-vpn2"),
            b => SecondHub(b, VpnType.RouteBased),
            "A virtual network can't be associated with more than one gateway."),
        new("VNL3002",
            b => b.Change<GatewayIpConfiguration>(Gateway("vpngw").Child("ipConfigurations", "ipconfig1"), c => c with { SubnetId = Subnet("hub", "shared") }),
            b => b.Change<GatewayIpConfiguration>(Gateway("vpngw").Child("ipConfigurations", "ipconfig1"), c => c with { SubnetId = Subnet("hub", "GatewaySubnet") })),
        new("VNL3003",
            b => b.Change<Subnet>(Subnet("hub", "GatewaySubnet"), s => s with { AddressPrefixes = EstateBuilder.Prefixes("10.0.255.0/28") }),
            b => b.Change<Subnet>(Subnet("hub", "GatewaySubnet"), s => s with { AddressPrefixes = EstateBuilder.Prefixes("10.0.255.0/26") })),
        new("VNL3004",
            b => ChangeVpnGateway(b, g => g with { SkuName = "ErGw1AZ" }),
            b => ChangeVpnGateway(b, g => g with { SkuName = "VpnGw2AZ" })),
        new("VNL3005",
            b => ChangeVpnGateway(b, g => g with { VpnType = VpnType.PolicyBased }),
            b => b),
        new("VNL3006",
            b => ChangeVpnGateway(b, g => g with { VpnType = VpnType.PolicyBased }),
            b => ChangeVpnGateway(BasicVpnGateway(b), g => g with { VpnType = VpnType.PolicyBased })),
        new("VNL3007",
            b => ChangeVpnGateway(b, g => g with { VpnGatewayGeneration = "Generation2" }),
            b => ChangeVpnGateway(b, g => g with { VpnGatewayGeneration = "Generation1" })),
        new("VNL3008",
            b => ChangeVpnGateway(b, g => g with { SkuName = "Basic", EnableBgp = false }),
            b => BasicVpnGateway(b),
            $"Virtual network gateway Sku specified is not valid for gateway {Gateway("vpngw")} with DeploymentType VMScaleSet. The allowed Skus are VpnGw1AZ,VpnGw2AZ,VpnGw3AZ,VpnGw4AZ,VpnGw5AZ,VpnGw1,VpnGw2,VpnGw3,VpnGw4,VpnGw5."),
        new("VNL3009",
            b => b.Change<PublicIpAddress>(Id("publicIPAddresses", "pip-vpn"), p => p with { SkuName = "Basic" }),
            b => b,
            $"Basic IP configuration for VPN Virtual Network Gateways is not supported. Follow the link for more details : https://go.microsoft.com/fwlink/p/?linkid=2241350 {Gateway("vpngw")}"),
        new("VNL3010",
            b => ChangeVpnGateway(BasicVpnGateway(b), g => g with { EnableBgp = true }),
            b => BasicVpnGateway(b),
            $"A virtual network gateway SKU of Standard or higher is required for BGP support on virtual network gateway {Gateway("vpngw")}"),
        new("VNL3011",
            b => ActiveActive(b, pointToSite: false, ""),
            b => ActiveActive(b, pointToSite: false, "", ""),
            $"Gateway has 1 IP configurations specified for gateway {Gateway("vpngw")}. ActiveActive Gateway must be created with two IP configurations."),
        new("VNL3012",
            b => ActiveActive(b, pointToSite: true, "", ""),
            b => ActiveActive(b, pointToSite: true, "", "", "")),
        new("VNL3013",
            b => ActiveActive(b, pointToSite: false, "", "1"),
            b => ActiveActive(b, pointToSite: false, "1", "1"),
            $"Virtual network gateway {Gateway("vpngw")} in active active mode is using PublicIPAddresses either with different Skus or with different PublicIPAllocationMethod or from a different availability zones. Networking does not support using resources from multiple zones. Networking also does not support using both regional resources and zonal resources."),
        new("VNL3014",
            b => ChangeVpnGateway(BasicVpnGateway(b), g => g with { ActiveActive = true }),
            b => ActiveActive(b, pointToSite: false, "", "")),
        new("VNL3015",
            b => ChangeVpnGateway(BasicVpnGateway(b), g => g with { VpnType = VpnType.PolicyBased })
                .LocalGateway("lng-branch2", "198.51.100.11", "172.17.0.0/16")
                .Connection("conn-vpn2", VirtualNetworkGatewayConnectionType.IPsec, "vpngw", lng: "lng-branch2"),
            b => ChangeVpnGateway(BasicVpnGateway(b), g => g with { VpnType = VpnType.PolicyBased })),
        new("VNL3016",
            b => ChangeBranch(b, l => l with { BgpSettings = l.BgpSettings! with { Asn = 65515 } }),
            b => ChangeBranch(b, l => l with { BgpSettings = l.BgpSettings! with { Asn = 65514 } })),
        new("VNL3017",
            b => ChangeBranch(b, l => l with { BgpSettings = l.BgpSettings! with { Asn = 0 } }),
            b => ChangeBranch(b, l => l with { BgpSettings = l.BgpSettings! with { Asn = 1 } }),
            $"The local network gateway {Id("localNetworkGateways", "lng-branch")} cannot have an ASN of zero"),
        new("VNL3018",
            b => ChangeVpnGateway(b, g => g with { BgpSettings = new BgpSettings { Asn = 65020 } }),
            b => ChangeVpnGateway(b, g => g with { BgpSettings = new BgpSettings { Asn = 65021 } })),
        new("VNL3019",
            b => b.Change<VirtualNetworkGateway>(Gateway("ergw"), g => g with { SkuName = "ErGwScale" })
                .Change<PublicIpAddress>(Id("publicIPAddresses", "pip-er"), p => p with { SkuName = "Basic" }),
            b => b.Change<VirtualNetworkGateway>(Gateway("ergw"), g => g with { SkuName = "ErGwScale" })),
        new("VNL3020",
            b => MoreCircuits(b, "London", "Paris", "Frankfurt", "Dublin"),
            b => MoreCircuits(b, "London", "Paris", "Frankfurt", "Dublin").Change<VirtualNetworkGateway>(Gateway("ergw"), g => g with { SkuName = "ErGw2AZ" })),
        new("VNL3021",
            b => b.Change<GatewayIpConfiguration>(Gateway("vpngw").Child("ipConfigurations", "ipconfig1"), c => c with { PublicIpAddressId = null }),
            b => b.Change<GatewayIpConfiguration>(Gateway("ergw").Child("ipConfigurations", "ipconfig1"), c => c with { PublicIpAddressId = null }),
            $"Public IP address reference is required for gateway IP configration {Gateway("vpngw")}."),
        new("VNL3022",
            b => ChangeBranch(b, l => l with { AddressPrefixes = EstateBuilder.Prefixes("10.0.5.0/24") }),
            b => ChangeBranch(b, l => l with { AddressPrefixes = EstateBuilder.Prefixes("0.0.0.0/1, 128.0.0.0/1") })),
        new("VNL3023",
            b => ChangeBranch(b, l => l with { AddressPrefixes = EstateBuilder.Prefixes("0.0.0.0/0") }),
            b => ChangeBranch(b, l => l with { AddressPrefixes = EstateBuilder.Prefixes("0.0.0.0/1, 128.0.0.0/1") })),
        new("VNL3024",
            b => ChangeBranch(b, l => l with { BgpSettings = l.BgpSettings! with { BgpPeeringAddresses = [IpAddress.Parse("198.51.100.10")] } }),
            b => ChangeBranch(b, l => l with { BgpSettings = l.BgpSettings! with { BgpPeeringAddresses = [IpAddress.Parse("172.16.255.2")] } })),
        new("VNL3025",
            b => b.Site("branch", Id("localNetworkGateways", "lng-branch"), "172.16.0.0/16", "172.17.0.0/16"),
            b => b.Site("onprem2", CircuitPeering("erc", "AzurePrivatePeering"), "172.16.0.0/16", "172.17.0.0/16"),
            Limits: ValidationLimits.Azure with { VpnBgpPrefixesPerPeer = 1 }),
        new("VNL3026",
            b => b.Change<VirtualNetworkGatewayConnection>(Id("connections", "conn-vpn"), c => c with { SharedKeyLength = 129 }),
            b => b.Change<VirtualNetworkGatewayConnection>(Id("connections", "conn-vpn"), c => c with { SharedKeyLength = 128 })),
        new("VNL3027",
            b => b.Change<VirtualNetworkGatewayConnection>(Id("connections", "conn-er"), c => c with { HasSharedKey = true, SharedKeyLength = 10 }),
            b => b.Change<VirtualNetworkGatewayConnection>(Id("connections", "conn-er"), c => c with { HasAuthorizationKey = true })),
        new("VNL3028",
            b => SecondHub(b, VpnType.PolicyBased).Connection("v2v", VirtualNetworkGatewayConnectionType.Vnet2Vnet, "vpngw", gateway2: "vpngw2"),
            b => SecondHub(b, VpnType.RouteBased).Connection("v2v", VirtualNetworkGatewayConnectionType.Vnet2Vnet, "vpngw", gateway2: "vpngw2")),
        new("VNL3029",
            b => b.LocalGateway("lng-empty", "198.51.100.20", ""),
            b => b.LocalGateway("lng-bgp", "198.51.100.20", "", asn: 65030, bgpPeer: "172.18.0.1"),
            $"The local network gateway {Id("localNetworkGateways", "lng-empty")} cannot have both empty address prefix and empty BGP Settings."),
        new("VNL3030",
            b => b.LocalGateway("lng-noip", null, "172.18.0.0/16"),
            b => b.LocalGateway("lng-noip", null, "172.18.0.0/16").Change<LocalNetworkGateway>(Id("localNetworkGateways", "lng-noip"), l => l with { Fqdn = "vpn.contoso.com" })),
        new("VNL3031",
            b => ChangeBranch(b, l => l with { BgpSettings = l.BgpSettings! with { BgpPeeringAddresses = [IpAddress.Parse("255.255.255.255")] } }),
            b => ChangeBranch(b, l => l with { BgpSettings = l.BgpSettings! with { BgpPeeringAddresses = [IpAddress.Parse("172.16.255.2")] } }),
            "The specified BGP peer IP address '255.255.255.255' is not valid."),
        new("VNL3032",
            b => ChangeVpnGateway(b, g => g with { EnableBgp = false }),
            b => ChangeVpnGateway(b, g => g with { EnableBgp = false })
                .Change<VirtualNetworkGatewayConnection>(Id("connections", "conn-vpn"), c => c with { EnableBgp = false })),
        new("VNL3033",
            b => b.Connection("conn-bad", VirtualNetworkGatewayConnectionType.IPsec, "ergw", lng: "lng-branch"),
            b => b.Connection("conn-good", VirtualNetworkGatewayConnectionType.IPsec, "vpngw", lng: "lng-branch")),
    ];
}
