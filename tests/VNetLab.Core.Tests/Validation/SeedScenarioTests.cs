using VNetLab.Diagnostics;
using VNetLab.Model;
using VNetLab.Validation;

namespace VNetLab.Core.Tests.Validation;

/// <summary>
/// The field reports' failures, in Azure's words, and their successes clean. Seed 000: a VDI spoke that
/// needs a VPN tunnel to a proxy supplier next to the hub's ExpressRoute. Seed 001: an Office 365 route
/// filter on a Standard circuit.
/// </summary>
public sealed class SeedScenarioTests
{
    /// <summary>Seed 000's starting point: hub-vnet001 with an ExpressRoute gateway, vdi-vnet using it.</summary>
    private static EstateBuilder Hub() => new EstateBuilder()
        .Vnet("hub-vnet001", "10.100.0.0/16")
        .Subnet("hub-vnet001", "GatewaySubnet", "10.100.255.0/27")
        .PublicIp("pip-er")
        .Gateway("ERgw001", "hub-vnet001", VirtualNetworkGatewayType.ExpressRoute, "ErGw1AZ", "pip-er")
        .Vnet("vdi-vnet", "10.110.0.0/16")
        .Subnet("vdi-vnet", "tenant", "10.110.1.0/24")
        .Peering("hub-vnet001", "vdi-vnet", allowGatewayTransit: true, name: "hub-vnet-to-vdi-vnet")
        .Peering("vdi-vnet", "hub-vnet001", useRemoteGateways: true, name: "vdi-vnet-to-hub-vnet");

    private static List<Diagnostic> Errors(EstateBuilder builder) =>
        [.. Validator.Default.Validate(builder.Build()).Where(d => d.Severity == DiagnosticSeverity.Error)];

    [Fact]
    [Trait("fact", "constraints.md 1.1")]
    public void Seed000_Solution1_ProxyVnetWithUseRemoteGateways_FailsWithAzuresMessage()
    {
        var estate = Hub()
            .Vnet("proxy-vnet", "10.120.0.0/16")
            .Subnet("proxy-vnet", "GatewaySubnet", "10.120.255.0/27")
            .PublicIp("pip-proxy")
            .Gateway("VPNgw-proxy", "proxy-vnet", VirtualNetworkGatewayType.Vpn, "VpnGw1AZ", "pip-proxy")
            .Peering("proxy-vnet", "vdi-vnet", allowGatewayTransit: true, name: "proxy-vnet-to-vdi-vnet")
            .Peering("vdi-vnet", "proxy-vnet", useRemoteGateways: true, name: "vdi-vnet-to-proxy-vnet");

        var error = Assert.Single(Errors(estate));
        Assert.Equal("VNL2001", error.Code);
        Assert.Equal(
            "Peering vdi-vnet/vdi-vnet-to-proxy-vnet cannot have UseRemoteGateways flag set to true, because another peering "
            + EstateBuilder.VnetId("vdi-vnet").Child("virtualNetworkPeerings", "vdi-vnet-to-hub-vnet") + " already has UseRemoteGateways flag set to true.",
            error.Message);
        Assert.Contains("deploy the VPN gateway in the hub", error.Fix, StringComparison.Ordinal);
        Assert.Contains("second hub", error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("fact", "constraints.md 1.3")]
    public void Seed000_Solution2_VpnGatewayInTheSpokeThatUsesTheHubGateway_Fails_AndTheFixPointsAtTheHub()
    {
        var estate = Hub()
            .Subnet("vdi-vnet", "GatewaySubnet", "10.110.255.0/27")
            .PublicIp("pip-vdi")
            .Gateway("VPNgw-vdi001", "vdi-vnet", VirtualNetworkGatewayType.Vpn, "VpnGw1AZ", "pip-vdi");

        var error = Assert.Single(Errors(estate));
        Assert.Equal("VNL2003", error.Code);
        Assert.Null(error.AzureCode);
        Assert.Contains("has its own gateway " + EstateBuilder.Id("virtualNetworkGateways", "VPNgw-vdi001"), error.Message, StringComparison.Ordinal);
        Assert.Contains("deploy the VPN gateway in the hub", error.Fix, StringComparison.Ordinal);
        Assert.Contains("not known", error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("fact", "constraints.md 3.1, 3.9; seed 000 Solution #3")]
    public void Seed000_Solution3_ExpressRouteAndVpnGatewaysInTheSpoke_WithoutRemoteGateways_IsAccepted()
    {
        var estate = Hub()
            .Change<VirtualNetworkPeering>(EstateBuilder.VnetId("vdi-vnet").Child("virtualNetworkPeerings", "vdi-vnet-to-hub-vnet"),
                p => p with { UseRemoteGateways = false })
            .Change<VirtualNetworkPeering>(EstateBuilder.VnetId("hub-vnet001").Child("virtualNetworkPeerings", "hub-vnet-to-vdi-vnet"),
                p => p with { AllowGatewayTransit = false })
            .Subnet("vdi-vnet", "GatewaySubnet", "10.110.255.0/27")
            .PublicIp("pip-vdi-vpn")
            .PublicIp("pip-vdi-er")
            .Gateway("VPNgw-vdi001", "vdi-vnet", VirtualNetworkGatewayType.Vpn, "VpnGw1AZ", "pip-vdi-vpn")
            .Gateway("ERgw-vdi001", "vdi-vnet", VirtualNetworkGatewayType.ExpressRoute, "ErGw1AZ", "pip-vdi-er");

        Assert.Empty(Errors(estate));
    }

    [Fact]
    [Trait("fact", "constraints.md 4.3; seed 000 Solution #4")]
    public void Seed000_Solution4_DefaultRouteInTheLocalNetworkGateway_IsRefused_TheSlash1PairIsNot()
    {
        var withDefault = Hub()
            .Subnet("hub-vnet001", "dummy", "10.100.1.0/24")
            .PublicIp("pip-vpn")
            .Gateway("VPNgw001", "hub-vnet001", VirtualNetworkGatewayType.Vpn, "VpnGw1AZ", "pip-vpn")
            .LocalGateway("lng-proxy", "198.51.100.20", "0.0.0.0/0")
            .Connection("cn-proxy", VirtualNetworkGatewayConnectionType.IPsec, "VPNgw001", lng: "lng-proxy");
        var error = Assert.Single(Errors(withDefault));
        Assert.Equal("VNL3023", error.Code);
        Assert.Contains("0.0.0.0/1 and 128.0.0.0/1", error.Fix, StringComparison.Ordinal);

        var split = withDefault.Change<LocalNetworkGateway>(EstateBuilder.Id("localNetworkGateways", "lng-proxy"),
            l => l with { AddressPrefixes = EstateBuilder.Prefixes("0.0.0.0/1, 128.0.0.0/1") });
        Assert.Empty(Errors(split));
    }

    [Fact]
    [Trait("fact", "constraints.md 5.1, 5.2; seed 001")]
    public void Seed001_Office365Filter_NotAuthorized_AndOnAStandardCircuit_GivesBothErrors()
    {
        var estate = Office365Estate().Features(EstateBuilder.Subscription, false);

        var errors = Errors(estate);
        Assert.Equal(["VNL4007", "VNL4008"], errors.Select(e => e.Code));
        Assert.Equal($"The subscription with id '{EstateBuilder.Subscription}' is not authorized for creating route filters for O365 services. Read more about requesting approval.",
            errors[0].Message);
        Assert.Equal("erc-ams is not compatible with the route filter. The route filter includes Office 365 communities. The circuit does not have access to Office365.",
            errors[1].Message);
    }

    [Fact]
    [Trait("fact", "constraints.md 5.2; seed 001")]
    public void Seed001_Office365Filter_Authorized_LeavesOnlyThePremiumError_AndPremiumFixesIt()
    {
        var authorized = Office365Estate().Features(EstateBuilder.Subscription, true);
        Assert.Equal("VNL4008", Assert.Single(Errors(authorized)).Code);

        var premium = authorized.Change<ExpressRouteCircuit>(EstateBuilder.Id("expressRouteCircuits", "erc-ams"), c => c with { SkuTier = "Premium" });
        Assert.Empty(Errors(premium));
    }

    [Fact]
    [Trait("fact", "constraints.md 5.1 (authorisation needed only for 5010, 5020, 5030, 5100)")]
    public void Dynamics365Community_NeedsNoAuthorisation()
    {
        var estate = Office365Estate().Change<RouteFilterRule>(
            EstateBuilder.Id("routeFilters", "rf-o365").Child("routeFilterRules", "AcceptedRoutes"), r => r with { Communities = ["12076:5040"] });
        Assert.Empty(Validator.Default.Validate(estate.Build()));
    }

    [Fact]
    [Trait("fact", "constraints.md 5.1; CONTRACT.md subscription features")]
    public void Office365Filter_WithoutAFeaturesResource_IsAssumedNotAuthorised_AndSaysSo()
    {
        var codes = Validator.Default.Validate(Office365Estate().Build()).Select(d => d.Code);
        Assert.Equal(["VNL4007", "VNL4008", "VNL9205"], codes.Order());
    }

    private static EstateBuilder Office365Estate() => new EstateBuilder()
        .RouteFilter("rf-o365", "12076:5010", "12076:5020", "12076:5030")
        .Circuit("erc-ams")
        .CircuitPeering("erc-ams", "MicrosoftPeering", 65100, "203.0.113.0/30", "203.0.113.4/30", 300, routeFilter: "rf-o365");
}
