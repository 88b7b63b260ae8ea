using VNetLab.Core.Tests.Validation;
using VNetLab.Model;

namespace VNetLab.Core.Tests.Catalogue;

public static partial class ValidationCases
{
    private static IEnumerable<ValidationCase> Notes() =>
    [
        new("VNL9201",
            b => b.Rule("nsg-app", "r", 110, source: ["SomeFutureServiceTag"]),
            b => b.Rule("nsg-app", "r", 110, source: ["Storage.WestEurope"])),
        new("VNL9202",
            b => ChangeCircuit(b, c => c with { PeeringLocation = "Reykjavik" }),
            b => ChangeCircuit(b, c => c with { PeeringLocation = "Amsterdam2" })),
        new("VNL9203",
            b => b.Change<VirtualNetworkGateway>(Gateway("vpngw"), g => g with { SkuName = null }),
            b => b),
        new("VNL9204",
            b => ChangeCircuit(MoreLinkedVnets(b, 20), c => c with { SkuTier = "Premium", BandwidthInMbps = null }),
            b => ChangeCircuit(MoreLinkedVnets(b, 20), c => c with { SkuTier = "Premium", BandwidthInMbps = 10_000 })),
        new("VNL9205",
            b => Communities(b, "12076:5010"),
            b => Communities(b, "12076:5010").Features(EstateBuilder.Subscription, false)),
    ];
}
