using VNetLab.Model;

namespace VNetLab.Diagnostics;

// VNL2xxx: virtual network peering.
public static partial class DiagnosticCatalog
{
    /// <summary>What Azure's documentation recommends when one VNet needs two gateways (seed 000).</summary>
    private const string OneGatewayPlaceAdvice =
        "Azure's documentation recommends one place for gateways: deploy the VPN gateway in the hub next to the ExpressRoute gateway, "
        + "or, when only some VNets need the tunnel, peer those VNets to a second hub that hosts both an ExpressRoute and a VPN gateway.";

    public static partial class Descriptors
    {
        public static readonly DiagnosticDescriptor UseRemoteGatewaysOnMoreThanOnePeering = new(
            "VNL2001", DiagnosticSeverity.Error, null, "UseRemoteGateways on more than one peering",
            "Peering {vnetName}/{peeringName} cannot have UseRemoteGateways flag set to true, because another peering {otherPeeringId} already has UseRemoteGateways flag set to true.",
            "A VNet can use the gateways of one peered VNet only: set useRemoteGateways to false on '{peeringName}'. " + OneGatewayPlaceAdvice
            + " Azure's message is known; its error code was not captured.",
            "constraints.md 1.1")
        { IsAzureText = true };

        public static readonly DiagnosticDescriptor RemoteVnetHasNoGateways = new(
            "VNL2002", DiagnosticSeverity.Error, "RemoteVnetHasNoGateways", "UseRemoteGateways towards a VNet without a gateway",
            "Peering {peeringId} cannot have UseRemoteGateway flag set to true because remote virtual network {remoteVnetId} referenced by the peering does not have any gateways.",
            "Create the gateway in '{remoteVnetName}' first (in a template, make the peering depend on it), or set useRemoteGateways to false until it exists.",
            "constraints.md 1.2")
        { IsAzureText = true };

        public static readonly DiagnosticDescriptor UseRemoteGatewaysWithLocalGateway = new(
            "VNL2003", DiagnosticSeverity.Error, null, "UseRemoteGateways on a VNet that has its own gateway",
            "Peering {vnetName}/{peeringName} cannot use the gateways of remote virtual network {remoteVnetId} because virtual network {vnetId} has its own gateway {gatewayId}.",
            "Either delete '{gatewayName}' and keep useRemoteGateways, or keep the gateway and set useRemoteGateways to false (the VNet then loses the routes of the remote gateway, e.g. the hub's ExpressRoute). "
            + OneGatewayPlaceAdvice + AzureTextUnknown,
            "constraints.md 1.3");

        public static readonly DiagnosticDescriptor UseRemoteGatewaysWithoutGatewayTransit = new(
            "VNL2004", DiagnosticSeverity.Error, null, "UseRemoteGateways while the remote side does not allow gateway transit",
            "Peering {vnetName}/{peeringName} cannot have UseRemoteGateways flag set to true, because corresponding remote peering has AllowGatewayTransit flag set to false.",
            "Set allowGatewayTransit to true on {remotePeeringId} first (deploy the hub side before the spoke side), or set useRemoteGateways to false here. "
            + "Azure's message is known (its '{vnetName}/' part by analogy with VNL2001); its error code was not captured.",
            "constraints.md 1.4")
        { IsAzureText = true };

        public static readonly DiagnosticDescriptor GatewayTransitNotUsed = new(
            "VNL2005", DiagnosticSeverity.Warning, null, "Gateway transit offered but not used",
            "Peering {remotePeeringId} allows gateway transit, but peering {peeringId} does not use remote gateways: virtual network {vnetId} gets no routes from the gateway of {remoteVnetName} and the gateway does not advertise its prefixes.",
            "If '{vnetName}' should reach on-premises through '{remoteVnetName}', set useRemoteGateways to true on '{peeringName}' (a VNet with a gateway of its own must drop it first); otherwise set allowGatewayTransit to false on the remote peering to make the intent explicit. Azure accepts this combination.",
            "constraints.md 1.4");

        public static readonly DiagnosticDescriptor VnetAddressSpacesOverlap = new(
            "VNL2006", DiagnosticSeverity.Error, "VnetAddressSpacesOverlap", "Peered VNets with overlapping address spaces",
            "Cannot create or update peering {peeringId}. Virtual networks {vnetId} and {remoteVnetId} cannot be peered because their address spaces overlap. Overlapping address prefixes: {prefixes}",
            "Re-address one of the two VNets so that no prefix of '{vnetName}' overlaps a prefix of '{remoteVnetName}'; peering cannot connect overlapping ranges.",
            "constraints.md 1.5")
        { IsAzureText = true };

        public static readonly DiagnosticDescriptor VnetAddressSpaceOverlapsWithAlreadyPeeredVnet = new(
            "VNL2007", DiagnosticSeverity.Error, "VnetAddressSpaceOverlapsWithAlreadyPeeredVnet", "VNet overlaps another VNet already peered with the remote",
            "Cannot create or update peering {peeringId}. Virtual networks {vnetId} and {remoteVnetId} cannot be peered because address space of the first virtual network overlaps with address space of virtual network {thirdVnetId} already peered with the second virtual network. Overlapping address prefixes: {prefixes}. For more information please refer to https://aka.ms/VnetPeeringInfo",
            "Re-address '{vnetName}' or '{thirdVnetName}': a hub cannot be peered with two VNets whose address spaces overlap.",
            "constraints.md 1.6")
        { IsAzureText = true };

        public static readonly DiagnosticDescriptor AnotherPeeringAlreadyReferencesRemoteVnet = new(
            "VNL2008", DiagnosticSeverity.Error, "AnotherPeeringAlreadyReferencesRemoteVnet", "Two peerings to the same remote VNet",
            "Peering {peeringId} references remote virtual network {remoteVnetId}, which peering {otherPeeringId} of the same virtual network already references.",
            "Keep one peering per remote VNet: delete '{peeringName}' or merge its settings into '{otherPeeringName}'. Azure's code for this case is known but its message was not captured; the message above is VNetLab's wording.",
            "constraints.md 1.7");

        public static readonly DiagnosticDescriptor RemotePeeringIsDisconnected = new(
            "VNL2009", DiagnosticSeverity.Error, "RemotePeeringIsDisconnected", "Remote peering is Disconnected",
            "Cannot create or update peering {peeringId} because remote peering {remotePeeringId} referencing parent virtual network {vnetId} is in Disconnected state. Update or re-create the remote peering to get it back to Initiated state. Peering gets Disconnected when remote vnet or remote peering is deleted and re-created.",
            "Delete both peerings ('{peeringName}' and '{remotePeeringName}') and create both again.",
            "constraints.md 1.8")
        { IsAzureText = true };

        public static readonly DiagnosticDescriptor PeeringNotConnected = new(
            "VNL2010", DiagnosticSeverity.Warning, null, "Peering not Connected",
            "Peering {peeringId} is {state}: {reason} Traffic and routes flow over a peering only when both sides are Connected.",
            "Create the matching peering on '{remoteVnetName}' back to '{vnetName}'; a Disconnected peering must be deleted and created again on both sides.",
            "constraints.md 1.9");

        public static readonly DiagnosticDescriptor PeeringNotInSync = new(
            "VNL2011", DiagnosticSeverity.Warning, null, "Peering not synchronised with the remote address space",
            "Peering {peeringId} last synchronised the address space {synced} of virtual network {remoteVnetId}, which is now {current}; until the peering is synced, the changed ranges are not reachable over it.",
            "Sync the peering: `az network vnet peering sync`, or a PUT of the peering with ?syncRemoteAddressSpace=true (on both sides).",
            "constraints.md 1.11");

        public static readonly DiagnosticDescriptor PeeringsPerVnetLimit = new(
            "VNL2012", DiagnosticSeverity.Error, null, "Too many peerings on a VNet",
            "Virtual network {vnetId} has {count} peerings; Azure allows {limit} per virtual network.",
            "Reduce the peerings, for example with several hubs or Azure Virtual WAN." + AzureTextUnknown,
            "constraints.md 1.15");

        public static readonly DiagnosticDescriptor PeeredPrivateAddressLimit = new(
            "VNL2013", DiagnosticSeverity.Error, null, "Too many private IPs across a VNet and its peers",
            "Virtual network {vnetId} and the virtual networks peered with it hold {count} private IP configurations; Azure allows {limit} across a virtual network and its peers.",
            "Peer fewer VNets with '{vnetName}' or spread the workload over separate hubs." + AzureTextUnknown,
            "constraints.md 1.15");
    }

    public static Diagnostic UseRemoteGatewaysOnMoreThanOnePeering(VirtualNetworkPeering peering, VirtualNetworkPeering other) =>
        Create(Descriptors.UseRemoteGatewaysOnMoreThanOnePeering, peering, ("vnetName", peering.VirtualNetworkId.Name),
            ("peeringName", peering.Name), ("otherPeeringId", other.Id));

    public static Diagnostic RemoteVnetHasNoGateways(VirtualNetworkPeering peering) =>
        Create(Descriptors.RemoteVnetHasNoGateways, peering, ("peeringId", peering.Id), ("remoteVnetId", peering.RemoteVirtualNetworkId),
            ("remoteVnetName", peering.RemoteVirtualNetworkId.Name));

    public static Diagnostic UseRemoteGatewaysWithLocalGateway(VirtualNetworkPeering peering, VirtualNetworkGateway gateway) =>
        Create(Descriptors.UseRemoteGatewaysWithLocalGateway, peering, ("vnetName", peering.VirtualNetworkId.Name), ("peeringName", peering.Name),
            ("remoteVnetId", peering.RemoteVirtualNetworkId), ("vnetId", peering.VirtualNetworkId), ("gatewayId", gateway.Id), ("gatewayName", gateway.Name));

    public static Diagnostic UseRemoteGatewaysWithoutGatewayTransit(VirtualNetworkPeering peering, VirtualNetworkPeering remotePeering) =>
        Create(Descriptors.UseRemoteGatewaysWithoutGatewayTransit, peering, ("vnetName", peering.VirtualNetworkId.Name),
            ("peeringName", peering.Name), ("remotePeeringId", remotePeering.Id));

    public static Diagnostic GatewayTransitNotUsed(VirtualNetworkPeering peering, VirtualNetworkPeering remotePeering) =>
        Create(Descriptors.GatewayTransitNotUsed, peering, ("remotePeeringId", remotePeering.Id), ("peeringId", peering.Id),
            ("vnetId", peering.VirtualNetworkId), ("vnetName", peering.VirtualNetworkId.Name), ("peeringName", peering.Name),
            ("remoteVnetName", peering.RemoteVirtualNetworkId.Name));

    public static Diagnostic VnetAddressSpacesOverlap(VirtualNetworkPeering peering, IEnumerable<AddressPrefix> overlapping) =>
        Create(Descriptors.VnetAddressSpacesOverlap, peering, ("peeringId", peering.Id), ("vnetId", peering.VirtualNetworkId),
            ("remoteVnetId", peering.RemoteVirtualNetworkId), ("prefixes", JoinPrefixes(overlapping)),
            ("vnetName", peering.VirtualNetworkId.Name), ("remoteVnetName", peering.RemoteVirtualNetworkId.Name));

    public static Diagnostic VnetAddressSpaceOverlapsWithAlreadyPeeredVnet(VirtualNetworkPeering peering, ResourceId thirdVnetId, IEnumerable<AddressPrefix> overlapping) =>
        Create(Descriptors.VnetAddressSpaceOverlapsWithAlreadyPeeredVnet, peering, ("peeringId", peering.Id), ("vnetId", peering.VirtualNetworkId),
            ("remoteVnetId", peering.RemoteVirtualNetworkId), ("thirdVnetId", thirdVnetId), ("prefixes", JoinPrefixes(overlapping)),
            ("vnetName", peering.VirtualNetworkId.Name), ("thirdVnetName", thirdVnetId.Name));

    public static Diagnostic AnotherPeeringAlreadyReferencesRemoteVnet(VirtualNetworkPeering peering, VirtualNetworkPeering other) =>
        Create(Descriptors.AnotherPeeringAlreadyReferencesRemoteVnet, peering, ("peeringId", peering.Id), ("remoteVnetId", peering.RemoteVirtualNetworkId),
            ("otherPeeringId", other.Id), ("peeringName", peering.Name), ("otherPeeringName", other.Name));

    public static Diagnostic RemotePeeringIsDisconnected(VirtualNetworkPeering peering, VirtualNetworkPeering remotePeering) =>
        Create(Descriptors.RemotePeeringIsDisconnected, peering, ("peeringId", peering.Id), ("remotePeeringId", remotePeering.Id),
            ("vnetId", peering.VirtualNetworkId), ("peeringName", peering.Name), ("remotePeeringName", remotePeering.Name));

    // state: The state Azure reports or will report (Initiated, Disconnected).
    // reason: Why, as one sentence.
    public static Diagnostic PeeringNotConnected(VirtualNetworkPeering peering, string state, string reason) =>
        Create(Descriptors.PeeringNotConnected, peering, ("peeringId", peering.Id), ("state", state), ("reason", reason),
            ("remoteVnetName", peering.RemoteVirtualNetworkId.Name), ("vnetName", peering.VirtualNetworkId.Name));

    public static Diagnostic PeeringNotInSync(VirtualNetworkPeering peering, IEnumerable<AddressPrefix> synced, IEnumerable<AddressPrefix> current) =>
        Create(Descriptors.PeeringNotInSync, peering, ("peeringId", peering.Id), ("synced", JoinPrefixes(synced)),
            ("remoteVnetId", peering.RemoteVirtualNetworkId), ("current", JoinPrefixes(current)));

    public static Diagnostic PeeringsPerVnetLimit(VirtualNetwork vnet, int count, int limit) =>
        Create(Descriptors.PeeringsPerVnetLimit, vnet, ("vnetId", vnet.Id), ("count", count), ("limit", limit));

    public static Diagnostic PeeredPrivateAddressLimit(VirtualNetwork vnet, int count, int limit) =>
        Create(Descriptors.PeeredPrivateAddressLimit, vnet, ("vnetId", vnet.Id), ("count", count), ("limit", limit), ("vnetName", vnet.Name));
}
