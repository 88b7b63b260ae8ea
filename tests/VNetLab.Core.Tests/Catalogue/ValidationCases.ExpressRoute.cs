using VNetLab.Core.Tests.Validation;
using VNetLab.Model;
using VNetLab.Validation;

namespace VNetLab.Core.Tests.Catalogue;

public static partial class ValidationCases
{
    private static EstateBuilder ChangeCircuit(EstateBuilder b, Func<ExpressRouteCircuit, ExpressRouteCircuit> change) => b.Change(Circuit("erc"), change);

    private static EstateBuilder ChangePrivatePeering(EstateBuilder b, Func<ExpressRouteCircuitPeering, ExpressRouteCircuitPeering> change) =>
        b.Change(CircuitPeering("erc", "AzurePrivatePeering"), change);

    private static EstateBuilder ChangeMicrosoftPeering(EstateBuilder b, Func<ExpressRouteCircuitPeering, ExpressRouteCircuitPeering> change) =>
        b.Change(CircuitPeering("erc", "MicrosoftPeering"), change);

    private static EstateBuilder Communities(EstateBuilder b, params string[] communities) =>
        b.Change<RouteFilterRule>(Id("routeFilters", "rf").Child("routeFilterRules", "AcceptedRoutes"), r => r with { Communities = [.. communities] });

    private static EstateBuilder Authorizations(EstateBuilder b, int count) =>
        ChangeCircuit(b, c => c with
        {
            Authorizations = [.. Enumerable.Range(1, count).Select(i => new ExpressRouteCircuitAuthorization { Id = c.Id.Child("authorizations", "auth" + i) })],
        });

    private static EstateBuilder CrossSubscriptionLinks(EstateBuilder b, int count, bool withKeys)
    {
        for (var i = 1; i <= count; i++)
        {
            b.Connection("conn-other" + i, VirtualNetworkGatewayConnectionType.ExpressRoute, "ergw", circuit: "erc", subscription: EstateBuilder.OtherSubscription)
                .Change<VirtualNetworkGatewayConnection>(EstateBuilder.Id("connections", "conn-other" + i, EstateBuilder.OtherSubscription),
                    c => c with { HasAuthorizationKey = withKeys });
        }

        return b;
    }

    /// <summary>More hubs, each with an ExpressRoute gateway linked to circuit erc.</summary>
    private static EstateBuilder MoreLinkedVnets(EstateBuilder b, int count)
    {
        for (var i = 1; i <= count; i++)
        {
            var vnet = "linked" + i;
            b.Vnet(vnet, $"10.{100 + i}.0.0/16")
                .Subnet(vnet, "GatewaySubnet", $"10.{100 + i}.255.0/27")
                .PublicIp("pip-" + vnet)
                .Gateway("ergw-" + vnet, vnet, VirtualNetworkGatewayType.ExpressRoute, "ErGw1AZ", "pip-" + vnet)
                .Connection("conn-" + vnet, VirtualNetworkGatewayConnectionType.ExpressRoute, "ergw-" + vnet, circuit: "erc");
        }

        return b;
    }

    private static IEnumerable<ValidationCase> ExpressRoute() =>
    [
        new("VNL4001",
            b => ChangeCircuit(b, c => c with { ServiceProviderProvisioningState = "NotProvisioned" }),
            b => ChangeCircuit(b, c => c with { ServiceProviderProvisioningState = "provisioned" })),
        new("VNL4002",
            b => b.Remove(CircuitPeering("erc", "AzurePrivatePeering")),
            b => b),
        new("VNL4003",
            b => CrossSubscriptionLinks(b, 1, withKeys: false),
            b => Authorizations(CrossSubscriptionLinks(b, 1, withKeys: true), 1)),
        new("VNL4004",
            b => Authorizations(CrossSubscriptionLinks(b, 2, withKeys: true), 1),
            b => Authorizations(CrossSubscriptionLinks(b, 2, withKeys: true), 2)),
        new("VNL4005",
            b => ChangeCircuit(b, c => c with { PeeringLocation = "Washington DC" }),
            b => ChangeCircuit(b, c => c with { PeeringLocation = "Washington DC", SkuTier = "Premium" })),
        new("VNL4006",
            b => MoreLinkedVnets(b, 10),
            b => ChangeCircuit(MoreLinkedVnets(b, 10), c => c with { SkuTier = "Premium", BandwidthInMbps = 50 })),
        new("VNL4007",
            b => Communities(b, "12076:5010").Features(EstateBuilder.Subscription, false),
            b => Communities(b, "12076:5010").Features(EstateBuilder.Subscription, true),
            $"The subscription with id '{EstateBuilder.Subscription}' is not authorized for creating route filters for O365 services. Read more about requesting approval."),
        new("VNL4008",
            b => Communities(b, "12076:5010").Features(EstateBuilder.Subscription, true),
            b => ChangeCircuit(Communities(b, "12076:5010").Features(EstateBuilder.Subscription, true), c => c with { SkuTier = "Premium" }),
            "erc is not compatible with the route filter. The route filter includes Office 365 communities. The circuit does not have access to Office365."),
        new("VNL4009",
            b => Communities(b, "12076:5040,12076:5050"),
            b => Communities(b, "12076:5040", "12076:5050"),
            $"Community name 12076:5040,12076:5050 of route filter rule {Id("routeFilters", "rf").Child("routeFilterRules", "AcceptedRoutes")} is invalid. The name must contain colon (:)."),
        new("VNL4010",
            b => Communities(b, "12076:9999"),
            b => Communities(b, "12076:51002")),
        new("VNL4011",
            b => b.Change<RouteFilter>(Id("routeFilters", "rf"), f => f with
            {
                Rules = f.Rules.Add(f.Rules[0] with { Id = f.Id.Child("routeFilterRules", "More") }),
            }),
            b => b),
        new("VNL4012",
            b => b.Change<RouteFilterRule>(Id("routeFilters", "rf").Child("routeFilterRules", "AcceptedRoutes"), r => r with { Access = "Deny" }),
            b => b.Change<RouteFilterRule>(Id("routeFilters", "rf").Child("routeFilterRules", "AcceptedRoutes"), r => r with { Access = "allow" })),
        new("VNL4013",
            b => ChangeMicrosoftPeering(b, p => p with { RouteFilterId = null }),
            b => b),
        new("VNL4014",
            b => ChangePrivatePeering(b, p => p with { PrimaryPeerAddressPrefix = "192.168.100.128" }),
            b => b,
            $"Address prefix 192.168.100.128 of resource {CircuitPeering("erc", "AzurePrivatePeering")} is not formatted correctly. It should follow CIDR notation, for example 10.0.0.0/24."),
        new("VNL4015",
            b => ChangePrivatePeering(b, p => p with { PrimaryPeerAddressPrefix = "192.168.100.128/29" }),
            b => b),
        new("VNL4016",
            b => ChangePrivatePeering(b, p => p with { PrimaryPeerAddressPrefix = "10.0.250.0/30" }),
            b => ChangePrivatePeering(b, p => p with { PrimaryPeerAddressPrefix = "10.200.0.0/30" })),
        new("VNL4017",
            b => ChangeMicrosoftPeering(b, p => p with { PrimaryPeerAddressPrefix = "10.20.0.0/30" }),
            b => ChangeMicrosoftPeering(b, p => p with { PrimaryPeerAddressPrefix = "203.0.113.8/30" })),
        new("VNL4018",
            b => ChangePrivatePeering(b, p => p with { VlanId = null }),
            b => ChangeMicrosoftPeering(b, p => p with { VlanId = null })),
        new("VNL4019",
            b => ChangeCircuit(b, c => c with { ServiceProviderProvisioningState = "Provisioning" }),
            b => ChangeCircuit(b, c => c with { ServiceProviderProvisioningState = null })),
        new("VNL4020",
            b => b,
            b => ChangeCircuit(b, c => c with { SkuTier = "Premium" }),
            Limits: ValidationLimits.Azure with { PrivatePeeringPrefixesStandard = 1 }),
        new("VNL4021",
            b => b.Site("ms", CircuitPeering("erc", "MicrosoftPeering"), "10.0.0.0/8"),
            b => b.Site("ms", CircuitPeering("erc", "MicrosoftPeering"), "203.0.113.64/26")),
        new("VNL4022",
            b => ChangeCircuit(b, c => c with { SkuTier = "Local", GlobalReachEnabled = true }),
            b => ChangeCircuit(b, c => c with { GlobalReachEnabled = true })),
        new("VNL4023",
            b => b.Circuit("erc2"),
            b => b.Circuit("erc2", subscription: EstateBuilder.OtherSubscription),
            Limits: ValidationLimits.Azure with { CircuitsPerSubscription = 1 }),
        new("VNL4024",
            b => ChangeCircuit(b, c => c with { SkuTier = "Local", PeeringLocation = "Dublin" }),
            b => ChangeCircuit(b, c => c with { SkuTier = "Local" })),
    ];
}
