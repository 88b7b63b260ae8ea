using VNetLab.Model;
using VNetLab.Validation;

namespace VNetLab.Core.Tests.Validation;

public sealed class GatewayRulesTests
{
    private static EstateBuilder VnetWithGatewaySubnet(string prefix) =>
        new EstateBuilder().Vnet("v", "10.0.0.0/16").Subnet("v", "GatewaySubnet", prefix);

    [Theory]
    [Trait("fact", "constraints.md 3.3")]
    [InlineData("Basic", "10.0.255.0/29", false)]
    [InlineData("VpnGw1AZ", "10.0.255.0/28", true)]
    [InlineData("VpnGw1AZ", "10.0.255.0/27", false)]
    [InlineData("ErGw1AZ", "10.0.255.0/28", true)]
    public void GatewaySubnetSize_DependsOnTheSku(string sku, string prefix, bool tooSmall)
    {
        var estate = VnetWithGatewaySubnet(prefix)
            .PublicIp("pip", sku == "Basic" ? "Basic" : "Standard")
            .Gateway("gw", "v", sku.StartsWith("Er", StringComparison.Ordinal) ? VirtualNetworkGatewayType.ExpressRoute : VirtualNetworkGatewayType.Vpn, sku, "pip")
            .Build();
        Assert.Equal(tooSmall, Validator.Default.Validate(estate).Any(d => d.Code == "VNL3003"));
    }

    [Fact]
    [Trait("fact", "constraints.md 3.12")]
    public void Gateway_MayKeepTheDefaultAsn65515_ButNotTheOtherReservedOnes()
    {
        static bool Reserved(long asn) => Validator.Default.Validate(VnetWithGatewaySubnet("10.0.255.0/27").PublicIp("pip")
                .Gateway("gw", "v", VirtualNetworkGatewayType.Vpn, "VpnGw1AZ", "pip")
                .Change<VirtualNetworkGateway>(EstateBuilder.Id("virtualNetworkGateways", "gw"), g => g with { EnableBgp = true, BgpSettings = new BgpSettings { Asn = asn } })
                .Build())
            .Any(d => d.Code == "VNL3016");

        Assert.False(Reserved(65515));
        Assert.False(Reserved(65010));
        Assert.True(Reserved(65517));
        Assert.True(Reserved(12076));
        Assert.True(Reserved(64500));
    }

    [Fact]
    [Trait("fact", "constraints.md 3.12 (ExpressRoute: 65515–65520 reserved)")]
    public void ExpressRoutePeerAsn_InAzuresInternalRange_IsRefused()
    {
        var estate = new EstateBuilder().Circuit("c").CircuitPeering("c", "AzurePrivatePeering", 65516, "192.168.0.0/30", "192.168.0.4/30", 10).Build();
        var diagnostic = Assert.Single(Validator.Default.Validate(estate), d => d.Code == "VNL3016");
        Assert.Contains("ExpressRoute circuit peering", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("65515–65520", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("fact", "constraints.md 3.10, 3.11")]
    public void VnetToVnet_CountsOneTunnelPerRemoteGateway_NotPerConnectionObject()
    {
        var estate = new EstateBuilder()
            .Vnet("a", "10.1.0.0/16").Subnet("a", "GatewaySubnet", "10.1.255.0/27")
            .Vnet("b", "10.2.0.0/16").Subnet("b", "GatewaySubnet", "10.2.255.0/27")
            .PublicIp("pa", "Basic").PublicIp("pb", "Basic")
            .Gateway("ga", "a", VirtualNetworkGatewayType.Vpn, "Basic", "pa")
            .Gateway("gb", "b", VirtualNetworkGatewayType.Vpn, "Basic", "pb")
            .Connection("a-to-b", VirtualNetworkGatewayConnectionType.Vnet2Vnet, "ga", gateway2: "gb")
            .Connection("b-to-a", VirtualNetworkGatewayConnectionType.Vnet2Vnet, "gb", gateway2: "ga");
        for (var i = 0; i < 9; i++)
        {
            estate.LocalGateway("l" + i, "198.51.100." + (10 + i), $"172.{16 + i}.0.0/16")
                .Connection("c" + i, VirtualNetworkGatewayConnectionType.IPsec, "ga", lng: "l" + i);
        }

        // 9 IPsec + 1 VNet-to-VNet = 10 tunnels: the Basic limit, not above it.
        Assert.DoesNotContain(Validator.Default.Validate(estate.Build()), d => d.Code == "VNL3015");
        estate.LocalGateway("l9", "198.51.100.30", "172.30.0.0/16").Connection("c9", VirtualNetworkGatewayConnectionType.IPsec, "ga", lng: "l9");
        var diagnostic = Assert.Single(Validator.Default.Validate(estate.Build()), d => d.Code == "VNL3015");
        Assert.Contains("has 11 site-to-site and VNet-to-VNet tunnels; it supports at most 10", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("fact", "constraints.md 3.2; ARM ids compare case-insensitively")]
    public void GatewaySubnetReference_InAnotherCase_IsTheGatewaySubnet()
    {
        var estate = EstateBuilder.Baseline().Change<GatewayIpConfiguration>(
            EstateBuilder.Id("virtualNetworkGateways", "vpngw").Child("ipConfigurations", "ipconfig1"),
            c => c with { SubnetId = EstateBuilder.VnetId("hub").Child("subnets", "gatewaysubnet") });
        Assert.Empty(Validator.Default.Validate(estate.Build()));
    }
}
