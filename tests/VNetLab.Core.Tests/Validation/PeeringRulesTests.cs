using VNetLab.Model;
using VNetLab.Validation;

namespace VNetLab.Core.Tests.Validation;

public sealed class PeeringRulesTests
{
    [Fact]
    [Trait("fact", "constraints.md 1.9")]
    public void Design_WithoutPeeringStates_AOneSidedPeeringWillStayInitiated()
    {
        var estate = new EstateBuilder().Vnet("a", "10.1.0.0/16").Vnet("b", "10.2.0.0/16").Peering("a", "b", state: null).Build();
        var warning = Assert.Single(Validator.Default.Validate(estate));
        Assert.Equal("VNL2010", warning.Code);
        Assert.Contains("is Initiated: virtual network 'b' has no peering back to 'a'.", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("fact", "constraints.md 1.9")]
    public void Design_WithoutPeeringStates_BothSidesPresent_IsConnected()
    {
        var estate = new EstateBuilder().Vnet("a", "10.1.0.0/16").Vnet("b", "10.2.0.0/16")
            .Peering("a", "b", state: null).Peering("b", "a", state: null).Build();
        Assert.Empty(Validator.Default.Validate(estate));
    }

    [Fact]
    [Trait("fact", "constraints.md 1.9; CONTRACT.md (dangling ids are input errors)")]
    public void PeeringToAVnetOutsideTheEstate_IsNotJudged()
    {
        var estate = new EstateBuilder().Vnet("a", "10.1.0.0/16").Peering("a", "elsewhere", useRemoteGateways: true, state: null).Build();
        Assert.Empty(Validator.Default.Validate(estate));
    }

    [Fact]
    [Trait("fact", "constraints.md 1.6")]
    public void TwoOverlappingSpokesOfOneHub_EachSpokeSidePeeringIsRefused()
    {
        var estate = new EstateBuilder().Vnet("hub", "10.0.0.0/16").Vnet("s1", "10.1.0.0/16").Vnet("s2", "10.1.0.0/16")
            .Peering("hub", "s1").Peering("s1", "hub").Peering("hub", "s2").Peering("s2", "hub").Build();
        var refused = Validator.Default.Validate(estate).Where(d => d.Code == "VNL2007").Select(d => d.ResourceId?.Name).Order();
        Assert.Equal(["s1-to-hub", "s2-to-hub"], refused);
    }

    [Fact]
    [Trait("fact", "constraints.md 1.4 (the accepted mismatch)")]
    public void TransitOfferedToAVnetThatAlreadyUsesAnotherRemoteGateway_IsNotWarned()
    {
        var estate = EstateBuilder.Baseline()
            .Vnet("hub2", "10.2.0.0/16")
            .Subnet("hub2", "GatewaySubnet", "10.2.255.0/27")
            .PublicIp("pip2")
            .Gateway("gw2", "hub2", VirtualNetworkGatewayType.ExpressRoute, "ErGw1AZ", "pip2")
            .Peering("hub2", "spoke", allowGatewayTransit: true)
            .Peering("spoke", "hub2")
            .Build();
        Assert.DoesNotContain(Validator.Default.Validate(estate), d => d.Code == "VNL2005");
    }

    [Fact]
    [Trait("fact", "constraints.md 1.4 (the accepted mismatch); seed 000 Solution #2 as deployed")]
    public void TransitOfferedToAVnetWithItsOwnGateway_IsWarned_ItLosesTheHubsRoutes()
    {
        var estate = EstateBuilder.Baseline()
            .Subnet("spoke", "GatewaySubnet", "10.1.255.0/27")
            .PublicIp("pip-spoke")
            .Gateway("spokegw", "spoke", VirtualNetworkGatewayType.Vpn, "VpnGw1AZ", "pip-spoke")
            .Change<VirtualNetworkPeering>(EstateBuilder.PeeringId("spoke", "hub"), p => p with { UseRemoteGateways = false })
            .Build();
        var warning = Assert.Single(Validator.Default.Validate(estate));
        Assert.Equal("VNL2005", warning.Code);
        Assert.Equal(EstateBuilder.PeeringId("spoke", "hub"), warning.ResourceId);
    }
}
