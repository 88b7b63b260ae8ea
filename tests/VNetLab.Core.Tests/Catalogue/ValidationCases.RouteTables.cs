using VNetLab.Core.Tests.Validation;
using VNetLab.Model;
using VNetLab.Validation;

namespace VNetLab.Core.Tests.Catalogue;

public static partial class ValidationCases
{
    private static EstateBuilder GatewaySubnetTable(EstateBuilder b, bool disablePropagation, string prefix, RouteNextHopType nextHop, string? nextHopIp = null) =>
        b.RouteTable("rt-gw", disablePropagation)
            .Route("rt-gw", "r1", prefix, nextHop, nextHopIp)
            .Change<Subnet>(Subnet("hub", "GatewaySubnet"), s => s with { RouteTableId = Id("routeTables", "rt-gw") });

    private static IEnumerable<ValidationCase> RouteTables() =>
    [
        new("VNL5001",
            b => b.Route("rt-app", "dup", "0.0.0.0/0", RouteNextHopType.Internet),
            b => b.Route("rt-app", "more", "10.0.0.0/8", RouteNextHopType.VirtualAppliance, "10.0.1.4"),
            "Route: dup conflicts with Route: default. Routes cannot have the same AddressPrefix."),
        new("VNL5002",
            b => b.Route("rt-app", "nva", "10.2.0.0/16", RouteNextHopType.VirtualAppliance),
            b => b.Route("rt-app", "nva", "10.2.0.0/16", RouteNextHopType.VirtualAppliance, "10.0.1.4"),
            "NextHopIpAddress cannot be Null or Empty in route nva when NextHopType is VirtualAppliance."),
        new("VNL5003",
            b => b.Route("rt-app", "inet", "10.2.0.0/16", RouteNextHopType.Internet, "10.0.1.4"),
            b => b.Route("rt-app", "inet", "10.2.0.0/16", RouteNextHopType.Internet)),
        new("VNL5004",
            b => b.Route("rt-app", "nva", "10.2.0.0/16", RouteNextHopType.VirtualAppliance, "10.0.1.400"),
            b => b.Route("rt-app", "nva", "10.2.0.0/16", RouteNextHopType.VirtualAppliance, "10.0.1.5")),
        new("VNL5005",
            b => b.Route("rt-app", "far", "10.2.0.0/16", RouteNextHopType.VirtualAppliance, "10.9.0.4"),
            b => b.Route("rt-app", "near", "10.2.0.0/16", RouteNextHopType.VirtualAppliance, "10.0.1.5")),
        new("VNL5006",
            b => b.Nic("nva-nic", "hub", "shared", "10.0.2.4").Route("rt-app", "nva", "10.2.0.0/16", RouteNextHopType.VirtualAppliance, "10.0.2.4"),
            b => b.Nic("nva-nic", "hub", "shared", "10.0.2.4", ipForwarding: true).Route("rt-app", "nva", "10.2.0.0/16", RouteNextHopType.VirtualAppliance, "10.0.2.4")),
        new("VNL5007",
            b => b.Route("rt-app", "gw", "10.2.0.0/16", RouteNextHopType.VirtualNetworkGateway),
            b => b.Remove(Gateway("ergw")).Remove(Id("connections", "conn-er")).Route("rt-app", "gw", "10.2.0.0/16", RouteNextHopType.VirtualNetworkGateway)),
        new("VNL5008",
            b => b.Route("rt-app", "r2", "10.2.0.0/16", RouteNextHopType.Internet),
            b => b.RouteTable("rt2").Route("rt2", "r1", "10.2.0.0/16", RouteNextHopType.Internet),
            Limits: ValidationLimits.Azure with { RoutesPerRouteTable = 1 }),
        new("VNL5009",
            b => b.RouteTable("rt2"),
            b => b.RouteTable("rt2").Change<RouteTable>(Id("routeTables", "rt2"), t => t with { Location = "northeurope" }),
            Limits: ValidationLimits.Azure with { RouteTablesPerSubscriptionRegion = 1 }),
        new("VNL5010",
            b => b.Route("rt-app", "st", "Storage", RouteNextHopType.Internet).Route("rt-app", "cloud", "AzureCloud.westeurope", RouteNextHopType.Internet),
            b => b.Route("rt-app", "st", "Storage", RouteNextHopType.Internet),
            Limits: ValidationLimits.Azure with { ServiceTagRoutesPerRouteTable = 1 }),
        new("VNL5011",
            b => b.Route("rt-app", "vnet", "VirtualNetwork", RouteNextHopType.VirtualAppliance, "10.0.1.4"),
            b => b.Route("rt-app", "storage", "Storage", RouteNextHopType.VirtualAppliance, "10.0.1.4")),
        new("VNL5012",
            b => b.Route("rt-app", "bad", "10.2.0.0", RouteNextHopType.Internet),
            b => b.Route("rt-app", "good", "10.2.0.0/16", RouteNextHopType.Internet),
            $"Address prefix 10.2.0.0 of resource {RouteId("rt-app", "bad")} is not formatted correctly. It should follow CIDR notation, for example 10.0.0.0/24."),
        new("VNL5013",
            b => GatewaySubnetTable(b, false, "0.0.0.0/0", RouteNextHopType.Internet),
            b => GatewaySubnetTable(b, false, "10.1.0.0/16", RouteNextHopType.VirtualAppliance, "10.0.1.4")),
        new("VNL5014",
            b => GatewaySubnetTable(b, true, "10.1.0.0/16", RouteNextHopType.VirtualAppliance, "10.0.1.4"),
            b => b.Change<RouteTable>(Id("routeTables", "rt-app"), t => t with { DisableBgpRoutePropagation = true })),
        new("VNL5015",
            b => b.Change<RouteTable>(Id("routeTables", "rt-app"), t => t with { Location = "northeurope" }),
            b => b.Change<RouteTable>(Id("routeTables", "rt-app"), t => t with { Location = "West Europe" })),
        new("VNL5016",
            b => b.Nic("nva", "spoke", "app", "10.1.1.10", ipForwarding: true).Route("rt-app", "to-nva", "10.2.0.0/16", RouteNextHopType.VirtualAppliance, "10.1.1.10"),
            b => b.Nic("nva", "hub", "shared", "10.0.2.10", ipForwarding: true).Route("rt-app", "to-nva", "10.2.0.0/16", RouteNextHopType.VirtualAppliance, "10.0.2.10")),
    ];
}
