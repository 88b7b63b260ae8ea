using VNetLab.Core.Tests.Validation;
using VNetLab.Model;

namespace VNetLab.Core.Tests.Catalogue;

public static partial class ValidationCases
{
    private static EstateBuilder FirewallSubnetTable(EstateBuilder b, string prefix, RouteNextHopType nextHop, string? nextHopIp = null) =>
        b.RouteTable("rt-fw")
            .Route("rt-fw", "r1", prefix, nextHop, nextHopIp)
            .Change<Subnet>(Subnet("hub", "AzureFirewallSubnet"), s => s with { RouteTableId = Id("routeTables", "rt-fw") });

    private static IEnumerable<ValidationCase> Firewall() =>
    [
        new("VNL7001",
            b => b.Change<AzureFirewallIpConfiguration>(Id("azureFirewalls", "fw").Child("ipConfigurations", "ipconfig1"), c => c with { SubnetId = Subnet("hub", "shared") }),
            b => b),
        new("VNL7002",
            b => b.Change<PublicIpAddress>(Id("publicIPAddresses", "pip-fw"), p => p with { SkuName = "Basic" }),
            b => b),
        new("VNL7003",
            b => b.Change<Subnet>(Subnet("hub", "AzureFirewallSubnet"), s => s with { AddressPrefixes = EstateBuilder.Prefixes("10.0.1.0/27") }),
            b => b.Change<Subnet>(Subnet("hub", "AzureFirewallSubnet"), s => s with { AddressPrefixes = EstateBuilder.Prefixes("10.0.1.0/25") })),
        new("VNL7004",
            b => FirewallSubnetTable(b, "0.0.0.0/0", RouteNextHopType.VirtualAppliance, "10.0.2.4"),
            b => FirewallSubnetTable(b, "0.0.0.0/0", RouteNextHopType.Internet),
            "Route Table rt-fw on firewall subnet AzureFirewallSubnet must have 0.0.0.0/0 route with next hop Internet."),
    ];
}
