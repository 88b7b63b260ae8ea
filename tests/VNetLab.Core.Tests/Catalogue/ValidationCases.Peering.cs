using VNetLab.Core.Tests.Validation;
using VNetLab.Model;
using VNetLab.Validation;

namespace VNetLab.Core.Tests.Catalogue;

public static partial class ValidationCases
{
    /// <summary>Seed 000 Solution #1: a proxy VNet with its own VPN gateway, peered with the spoke.</summary>
    private static EstateBuilder WithProxyVnet(EstateBuilder b, bool spokeUsesProxyGateway) => b
        .Vnet("proxy", "10.2.0.0/16")
        .Subnet("proxy", "GatewaySubnet", "10.2.255.0/27")
        .PublicIp("pip-proxy")
        .Gateway("proxygw", "proxy", VirtualNetworkGatewayType.Vpn, "VpnGw1AZ", "pip-proxy")
        .Peering("proxy", "spoke", allowGatewayTransit: spokeUsesProxyGateway)
        .Peering("spoke", "proxy", useRemoteGateways: spokeUsesProxyGateway);

    private static IEnumerable<ValidationCase> Peering() =>
    [
        new("VNL2001",
            b => WithProxyVnet(b, spokeUsesProxyGateway: true),
            b => WithProxyVnet(b, spokeUsesProxyGateway: false),
            $"Peering spoke/spoke-to-proxy cannot have UseRemoteGateways flag set to true, because another peering {Peering("spoke", "hub")} already has UseRemoteGateways flag set to true."),
        new("VNL2002",
            b => b.Vnet("spoke2", "10.2.0.0/16").Peering("spoke2", "spoke", useRemoteGateways: true).Peering("spoke", "spoke2", allowGatewayTransit: true),
            b => b.Vnet("spoke2", "10.2.0.0/16").Peering("spoke2", "hub", useRemoteGateways: true).Peering("hub", "spoke2", allowGatewayTransit: true),
            $"Peering {Peering("spoke2", "spoke")} cannot have UseRemoteGateway flag set to true because remote virtual network {Vnet("spoke")} referenced by the peering does not have any gateways."),
        new("VNL2003",
            b => b.Subnet("spoke", "GatewaySubnet", "10.1.255.0/27").PublicIp("pip-spoke")
                .Gateway("spokegw", "spoke", VirtualNetworkGatewayType.Vpn, "VpnGw1AZ", "pip-spoke"),
            b => b.Subnet("spoke", "GatewaySubnet", "10.1.255.0/27").PublicIp("pip-spoke")
                .Gateway("spokegw", "spoke", VirtualNetworkGatewayType.Vpn, "VpnGw1AZ", "pip-spoke")
                .Change<VirtualNetworkPeering>(Peering("spoke", "hub"), p => p with { UseRemoteGateways = false })),
        new("VNL2004",
            b => b.Change<VirtualNetworkPeering>(Peering("hub", "spoke"), p => p with { AllowGatewayTransit = false }),
            b => b,
            "Peering spoke/spoke-to-hub cannot have UseRemoteGateways flag set to true, because corresponding remote peering has AllowGatewayTransit flag set to false."),
        new("VNL2005",
            b => b.Change<VirtualNetworkPeering>(Peering("spoke", "hub"), p => p with { UseRemoteGateways = false }),
            b => b),
        new("VNL2006",
            b => b.Vnet("overlap", "10.0.128.0/17").Peering("hub", "overlap").Peering("overlap", "hub"),
            b => b.Vnet("other", "10.3.0.0/16").Peering("hub", "other").Peering("other", "hub"),
            $"Cannot create or update peering {Peering("hub", "overlap")}. Virtual networks {Vnet("hub")} and {Vnet("overlap")} cannot be peered because their address spaces overlap. Overlapping address prefixes: 10.0.0.0/16, 10.0.128.0/17"),
        new("VNL2007",
            b => b.Vnet("spoke2", "10.1.128.0/17").Peering("spoke2", "hub").Peering("hub", "spoke2"),
            b => b.Vnet("spoke2", "10.2.0.0/16").Peering("spoke2", "hub").Peering("hub", "spoke2"),
            $"Cannot create or update peering {Peering("spoke2", "hub")}. Virtual networks {Vnet("spoke2")} and {Vnet("hub")} cannot be peered because address space of the first virtual network overlaps with address space of virtual network {Vnet("spoke")} already peered with the second virtual network. Overlapping address prefixes: 10.1.128.0/17, 10.1.0.0/16. For more information please refer to https://aka.ms/VnetPeeringInfo"),
        new("VNL2008",
            b => b.Peering("spoke", "hub", name: "spoke-to-hub-again"),
            b => b.Vnet("other", "10.3.0.0/16").Peering("spoke", "other").Peering("other", "spoke")),
        new("VNL2009",
            b => b.Change<VirtualNetworkPeering>(Peering("hub", "spoke"), p => p with { PeeringState = PeeringState.Disconnected }),
            b => b.Change<VirtualNetworkPeering>(Peering("hub", "spoke"), p => p with { PeeringState = PeeringState.Initiated }),
            $"Cannot create or update peering {Peering("spoke", "hub")} because remote peering {Peering("hub", "spoke")} referencing parent virtual network {Vnet("spoke")} is in Disconnected state. Update or re-create the remote peering to get it back to Initiated state. Peering gets Disconnected when remote vnet or remote peering is deleted and re-created."),
        new("VNL2010",
            b => b.Change<VirtualNetworkPeering>(Peering("spoke", "hub"), p => p with { PeeringState = PeeringState.Initiated }),
            b => b.Change<VirtualNetworkPeering>(Peering("spoke", "hub"), p => p with { PeeringState = null })),
        new("VNL2011",
            b => b.Change<VirtualNetworkPeering>(Peering("spoke", "hub"), p => p with { RemoteAddressSpace = EstateBuilder.Prefixes("10.0.0.0/24") }),
            b => b.Change<VirtualNetworkPeering>(Peering("spoke", "hub"), p => p with { RemoteAddressSpace = EstateBuilder.Prefixes("10.0.0.0/16") })),
        new("VNL2012",
            b => b.Vnet("other", "10.3.0.0/16").Peering("hub", "other").Peering("other", "hub"),
            b => b.Vnet("other", "10.3.0.0/16").Vnet("other2", "10.4.0.0/16").Peering("other", "other2").Peering("other2", "other"),
            Limits: ValidationLimits.Azure with { PeeringsPerVirtualNetwork = 1 }),
        new("VNL2013",
            b => b.Nic("nic-hub", "hub", "shared", "10.0.2.5"),
            b => b.Vnet("other", "10.3.0.0/16").Subnet("other", "s", "10.3.0.0/24").Nic("nic-other", "other", "s", "10.3.0.5"),
            Limits: ValidationLimits.Azure with { PrivateAddressesPerPeeredGroup = 1 }),
    ];
}
