using VNetLab.Addressing;
using VNetLab.Model;

namespace VNetLab.Diagnostics;

// VNL3xxx: virtual network gateways, local network gateways and connections.
public static partial class DiagnosticCatalog
{
    public static partial class Descriptors
    {
        public static readonly DiagnosticDescriptor MoreThanOneGatewayOfType = new(
            "VNL3001", DiagnosticSeverity.Error, null, "Two gateways of one type in a VNet",
            "A virtual network can't be associated with more than one gateway.",
            "Gateway {otherGatewayId} is already the {gatewayType} gateway of '{vnetName}'; a VNet holds at most one VPN and one ExpressRoute gateway. Add connections to the existing gateway instead. "
            + "(Azure's sentence as a user quoted it; it may be portal wording, and no error code was captured.)",
            "constraints.md 3.1")
        { IsAzureText = true };

        public static readonly DiagnosticDescriptor GatewayNotInGatewaySubnet = new(
            "VNL3002", DiagnosticSeverity.Error, null, "Gateway outside GatewaySubnet",
            "IP configuration '{ipConfigurationName}' of virtual network gateway {gatewayId} {placement}; a gateway must be placed in the subnet named exactly 'GatewaySubnet' of its virtual network.",
            "Create a subnet named exactly GatewaySubnet (the name is case-sensitive) in the VNet and reference it from every IP configuration of the gateway." + AzureTextUnknown,
            "constraints.md 3.2");

        public static readonly DiagnosticDescriptor GatewaySubnetTooSmall = new(
            "VNL3003", DiagnosticSeverity.Error, null, "GatewaySubnet too small for the gateway",
            "GatewaySubnet {prefix} of virtual network {vnetId} is too small for gateway {gatewayId}: {requirement}.",
            "Give GatewaySubnet a {needed} or larger prefix; with a gateway already deployed, delete the gateway, resize the subnet and create the gateway again." + AzureTextUnknown,
            "constraints.md 3.3");

        public static readonly DiagnosticDescriptor GatewaySkuNotValidForType = new(
            "VNL3004", DiagnosticSeverity.Error, null, "Gateway SKU not valid for the gateway type",
            "Virtual network gateway {gatewayId} of type {gatewayType} has SKU {sku}, which is not a {gatewayType} gateway SKU.",
            "Use one of: {allowed}." + AzureTextUnknown,
            "constraints.md 3.4");

        public static readonly DiagnosticDescriptor CoexistenceRequirementsNotMet = new(
            "VNL3005", DiagnosticSeverity.Error, null, "ExpressRoute and VPN gateways cannot coexist as configured",
            "Virtual network {vnetId} has ExpressRoute gateway {expressRouteGatewayId} and VPN gateway {vpnGatewayId}, but {problem}; the two coexist only with a route-based VPN gateway of SKU VpnGw1 or higher (legacy Standard, HighPerformance) and a GatewaySubnet of /27 or larger.",
            "Make the VPN gateway route-based with a non-Basic SKU and give GatewaySubnet a /27 or larger prefix (resizing it means deleting and re-creating the gateways)." + AzureTextUnknown,
            "constraints.md 3.9");

        public static readonly DiagnosticDescriptor PolicyBasedRequiresBasicSku = new(
            "VNL3006", DiagnosticSeverity.Error, null, "Policy-based VPN gateway with a non-Basic SKU",
            "VPN gateway {gatewayId} is PolicyBased with SKU {sku}; policy-based VPN gateways exist only with the Basic SKU.",
            "Use vpnType RouteBased (set usePolicyBasedTrafficSelectors on a connection to talk to a policy-based device), or the Basic SKU if a single policy-based tunnel is enough." + AzureTextUnknown,
            "constraints.md 3.4");

        public static readonly DiagnosticDescriptor GatewayGenerationMismatch = new(
            "VNL3007", DiagnosticSeverity.Error, null, "VPN gateway generation not available for the SKU",
            "VPN gateway {gatewayId} has SKU {sku} with {generation}, but {sku} exists only as {expected}.",
            "Set vpnGatewayGeneration to {expected}, or pick a SKU offered in {generation}." + AzureTextUnknown,
            "constraints.md 3.4");

        public static readonly DiagnosticDescriptor InvalidGatewaySkuForDeploymentType = new(
            "VNL3008", DiagnosticSeverity.Error, "InvalidGatewaySkuSpecifiedForGatewayDeploymentType", "Basic VPN gateway with a Standard public IP",
            "Virtual network gateway Sku specified is not valid for gateway {gatewayId} with DeploymentType VMScaleSet. The allowed Skus are VpnGw1AZ,VpnGw2AZ,VpnGw3AZ,VpnGw4AZ,VpnGw5AZ,VpnGw1,VpnGw2,VpnGw3,VpnGw4,VpnGw5.",
            "A Standard public IP ({publicIpId}) makes Azure deploy the gateway on a scale set, where the Basic SKU does not exist: use a VpnGw SKU (recommended; Basic public IPs are retired), or a Basic public IP with the Basic SKU.",
            "constraints.md 3.4")
        { IsAzureText = true };

        public static readonly DiagnosticDescriptor PublicIpWithBasicSkuNotAllowedOnVpnGateways = new(
            "VNL3009", DiagnosticSeverity.Error, "PublicIpWithBasicSkuNotAllowedOnVPNGateways", "Basic public IP on a non-Basic VPN gateway",
            "Basic IP configuration for VPN Virtual Network Gateways is not supported. Follow the link for more details : https://go.microsoft.com/fwlink/p/?linkid=2241350 {gatewayId}",
            "Use a Standard SKU, static public IP instead of {publicIpId}; only the Basic gateway SKU may still use a Basic public IP.",
            "constraints.md 3.14")
        { IsAzureText = true };

        public static readonly DiagnosticDescriptor BasicSkuDoesNotSupportBgp = new(
            "VNL3010", DiagnosticSeverity.Error, "BasicSkuVirtualNetworkGatewayDoesNotSupportBgp", "BGP on a Basic VPN gateway",
            "A virtual network gateway SKU of Standard or higher is required for BGP support on virtual network gateway {gatewayId}",
            "Use SKU VpnGw1 or higher for BGP, or turn BGP off (enableBgp false) on the Basic gateway.",
            "constraints.md 3.5")
        { IsAzureText = true };

        public static readonly DiagnosticDescriptor ActiveActiveGatewayMustHaveTwoIpConfigurations = new(
            "VNL3011", DiagnosticSeverity.Error, "ActiveActiveGatewayMustHaveExactlyTwoIpConfigurations", "Active-active gateway without two IP configurations",
            "Gateway has {count} IP configurations specified for gateway {gatewayId}. ActiveActive Gateway must be created with two IP configurations.",
            "Give the active-active gateway exactly two IP configurations, each with its own public IP, or turn active-active off.",
            "constraints.md 3.6")
        { IsAzureText = true };

        public static readonly DiagnosticDescriptor ActiveActiveP2SGatewayMustHaveThreeIpConfigurations = new(
            "VNL3012", DiagnosticSeverity.Error, "ActiveActiveP2SGatewayMustHaveExactlyThreeIpConfigurations", "Active-active point-to-site gateway without three IP configurations",
            "Active-active gateway {gatewayId} has a VPN client (point-to-site) configuration and {count} IP configurations; it needs exactly three.",
            "Add a third IP configuration with its own public IP, or remove the VPN client configuration. Azure's message for this case was captured only in part, so the message above is VNetLab's wording around Azure's code.",
            "constraints.md 3.7");

        public static readonly DiagnosticDescriptor ActiveActivePublicIpsDiffer = new(
            "VNL3013", DiagnosticSeverity.Error, "ActiveActiveGatewayPublicIPAddressesDiffersInSkuOrZones", "Active-active gateway public IPs differ",
            "Virtual network gateway {gatewayId} in active active mode is using PublicIPAddresses either with different Skus or with different PublicIPAllocationMethod or from a different availability zones. Networking does not support using resources from multiple zones. Networking also does not support using both regional resources and zonal resources.",
            "Give the gateway's public IPs ({publicIps}) the same SKU, the same allocation method and the same zones.",
            "constraints.md 3.8")
        { IsAzureText = true };

        public static readonly DiagnosticDescriptor BasicSkuNotActiveActive = new(
            "VNL3014", DiagnosticSeverity.Error, null, "Active-active Basic VPN gateway",
            "VPN gateway {gatewayId} has SKU Basic, which cannot run active-active.",
            "Use VpnGw1 or higher for active-active, or turn active-active off." + AzureTextUnknown,
            "constraints.md 3.10");

        public static readonly DiagnosticDescriptor TunnelsOverSkuLimit = new(
            "VNL3015", DiagnosticSeverity.Error, null, "More tunnels than the gateway SKU supports",
            "VPN gateway {gatewayId} ({sku}, {vpnType}) has {count} site-to-site and VNet-to-VNet tunnels; it supports at most {limit}.",
            "Use a larger SKU (VpnGw1–3: 30 tunnels, VpnGw4–5: 100) or move the branches to Azure Virtual WAN." + AzureTextUnknown,
            "constraints.md 3.10, 3.11");

        public static readonly DiagnosticDescriptor ReservedAsn = new(
            "VNL3016", DiagnosticSeverity.Error, null, "BGP ASN reserved by Azure or IANA",
            "{resourceKind} {resourceId} uses BGP ASN {asn}, which is reserved ({reason}).",
            "Choose another ASN: the private ranges 64512–65514 and 65521–65534 are usable, as is a public ASN you own." + AzureTextUnknown,
            "constraints.md 3.12");

        public static readonly DiagnosticDescriptor LocalNetworkGatewayCannotHaveZeroAsn = new(
            "VNL3017", DiagnosticSeverity.Error, "LocalNetworkGatewayCannotHaveZeroAsn", "Local network gateway with ASN 0",
            "The local network gateway {lngId} cannot have an ASN of zero",
            "Set bgpSettings.asn to the on-premises device's ASN, or remove bgpSettings when the connection does not use BGP.",
            "constraints.md 4.4")
        { IsAzureText = true };

        public static readonly DiagnosticDescriptor SameAsnOnBothSides = new(
            "VNL3018", DiagnosticSeverity.Error, null, "On-premises ASN equals the gateway's",
            "Connection {connectionId} runs BGP between gateway {gatewayId} and local network gateway {lngId}, which both use ASN {asn}; the on-premises ASN must differ from the Azure gateway's.",
            "Give the on-premises device (and its local network gateway) another ASN." + AzureTextUnknown,
            "constraints.md 3.12");

        public static readonly DiagnosticDescriptor ErGwScaleRequiresStandardPublicIp = new(
            "VNL3019", DiagnosticSeverity.Error, null, "ErGwScale gateway with a Basic public IP",
            "ExpressRoute gateway {gatewayId} has SKU ErGwScale and public IP {publicIpId} of SKU {publicIpSku}; ErGwScale needs a Standard public IP.",
            "Use a Standard SKU public IP for the gateway." + AzureTextUnknown,
            "constraints.md 3.14");

        public static readonly DiagnosticDescriptor ExpressRouteGatewayCircuitLimit = new(
            "VNL3020", DiagnosticSeverity.Error, null, "More circuits than the ExpressRoute gateway supports",
            "ExpressRoute gateway {gatewayId} {detail}.",
            "Use a larger ExpressRoute gateway SKU (ErGw1Az/Standard: 4 circuits, ErGw2Az/HighPerformance: 8, ErGw3Az/UltraPerformance: 16) or fewer circuits; at most 4 circuits from one peering location can be linked." + AzureTextUnknown,
            "constraints.md 3.16, 4.12");

        public static readonly DiagnosticDescriptor PublicIpForGatewayIsRequired = new(
            "VNL3021", DiagnosticSeverity.Error, "PublicIpForGatewayIsRequired", "VPN gateway IP configuration without a public IP",
            "Public IP address reference is required for gateway IP configration {gatewayId}.",
            "Give IP configuration '{ipConfigurationName}' a publicIPAddress (Standard SKU, static allocation).",
            "constraints.md 3.24")
        { IsAzureText = true };

        public static readonly DiagnosticDescriptor LocalNetworkPrefixInsideVnet = new(
            "VNL3022", DiagnosticSeverity.Error, null, "Local network gateway prefix inside the VNet",
            "Address prefix {prefix} of local network gateway {lngId} lies inside {vnetPrefix}, the address space of virtual network {vnetId} that connection {connectionId} joins it to.",
            "List only on-premises prefixes in the local network gateway; a prefix equal to or inside the VNet's range cannot go to the tunnel (a prefix that contains the VNet, such as 0.0.0.0/1, is accepted)." + AzureTextUnknown,
            "constraints.md 4.2");

        public static readonly DiagnosticDescriptor LocalNetworkDefaultRoute = new(
            "VNL3023", DiagnosticSeverity.Error, null, "Default route in a local network gateway",
            "Local network gateway {lngId} lists {prefix}; a local network gateway's address space cannot contain a default route.",
            "Split it into 0.0.0.0/1 and 128.0.0.0/1 (what seed 000 did; the more specific VNet, peering and ExpressRoute routes still win), or have the VPN device advertise 0.0.0.0/0 over BGP. "
            + "The portal refuses it with 'The prefix must be between 1 and 32'; the API's own error text is not known, so the message above is VNetLab's wording.",
            "constraints.md 4.3");

        public static readonly DiagnosticDescriptor BgpPeerAddressIsGatewayAddress = new(
            "VNL3024", DiagnosticSeverity.Error, null, "BGP peer address equals the device's public IP",
            "The BGP peer address {ip} of local network gateway {lngId} is also its gatewayIpAddress; the BGP peer address must be the device's BGP address, not its public IP.",
            "Set bgpSettings.bgpPeeringAddress to the address the on-premises device uses for BGP (a loopback or tunnel address)." + AzureTextUnknown,
            "constraints.md 4.5");

        public static readonly DiagnosticDescriptor BgpPrefixLimit = new(
            "VNL3025", DiagnosticSeverity.Warning, null, "More BGP prefixes than a VPN gateway accepts",
            "{siteName} advertises {count} prefixes through {attachmentId}; a VPN gateway accepts at most {limit} prefixes from a BGP peer and drops the session beyond that.",
            "Summarise what {siteName} advertises to at most {limit} prefixes. Azure accepts the configuration; the BGP session fails at run time.",
            "constraints.md 4.6");

        public static readonly DiagnosticDescriptor SharedKeyLength = new(
            "VNL3026", DiagnosticSeverity.Error, null, "Shared key length out of range",
            "Connection {connectionId} has a shared key of {length} characters; a shared key has 1 to 128 characters.",
            "Use a key of 1 to 128 characters, or omit it on an IPsec connection to let Azure generate one." + AzureTextUnknown,
            "constraints.md 4.7");

        public static readonly DiagnosticDescriptor SharedKeyOnExpressRouteConnection = new(
            "VNL3027", DiagnosticSeverity.Error, null, "Shared key on an ExpressRoute connection",
            "ExpressRoute connection {connectionId} has a shared key; shared keys belong to IPsec and VNet-to-VNet connections.",
            "Remove sharedKey; an ExpressRoute link is authorised with an authorizationKey when the circuit is in another subscription (the Azure CLI refuses the combination before sending it)." + AzureTextUnknown,
            "constraints.md 4.7");

        public static readonly DiagnosticDescriptor Vnet2VnetRequiresRouteBased = new(
            "VNL3028", DiagnosticSeverity.Error, null, "VNet-to-VNet connection on a policy-based gateway",
            "VNet-to-VNet connection {connectionId} uses gateway {gatewayId}, which is PolicyBased; VNet-to-VNet connections need route-based VPN gateways at both ends.",
            "Make both VPN gateways RouteBased (a policy-based gateway supports a single site-to-site tunnel and no VNet-to-VNet)." + AzureTextUnknown,
            "constraints.md 4.8");

        public static readonly DiagnosticDescriptor LocalNetworkGatewayEmpty = new(
            "VNL3029", DiagnosticSeverity.Error, "LocalNetworkGatewayCannotHaveEmptyAddressPrefixAndBgpSettings", "Local network gateway without prefixes or BGP",
            "The local network gateway {lngId} cannot have both empty address prefix and empty BGP Settings.",
            "List the on-premises prefixes in localNetworkAddressSpace.addressPrefixes, or give BGP settings (ASN and peer address) when the connection uses BGP.",
            "constraints.md 4.15")
        { IsAzureText = true };

        public static readonly DiagnosticDescriptor LocalNetworkGatewayWithoutAddress = new(
            "VNL3030", DiagnosticSeverity.Error, null, "Local network gateway without an address",
            "Local network gateway {lngId} has neither gatewayIpAddress nor fqdn, so Azure does not know where the on-premises VPN device is.",
            "Set gatewayIpAddress to the device's public IP (or fqdn to its DNS name)." + AzureTextUnknown,
            "constraints.md 4.1");

        public static readonly DiagnosticDescriptor InvalidBgpPeerIpAddress = new(
            "VNL3031", DiagnosticSeverity.Error, "InvalidIPAddress", "BGP peer address not a unicast IP",
            "The specified BGP peer IP address '{ip}' is not valid.",
            "Give local network gateway {lngId} the unicast address the on-premises device uses for BGP. (Azure reports this in the details of a failed deployment: ResourceDeploymentFailure, 'The resource operation completed with terminal provisioning state 'Failed'.')",
            "constraints.md 4.18")
        { IsAzureText = true };

        public static readonly DiagnosticDescriptor BgpConnectionWithoutBgpEndpoints = new(
            "VNL3032", DiagnosticSeverity.Error, null, "BGP connection between endpoints without BGP",
            "Connection {connectionId} enables BGP, but {problem}.",
            "Enable BGP on the VPN gateway and give the local network gateway bgpSettings (ASN and BGP peer address), or set enableBgp to false on the connection." + AzureTextUnknown,
            "constraints.md 3.5, 4.1");

        public static readonly DiagnosticDescriptor ConnectionEndpointsMismatch = new(
            "VNL3033", DiagnosticSeverity.Error, null, "Connection endpoints do not fit its type",
            "Connection {connectionId} of type {connectionType} {problem}.",
            "IPsec connections join a VPN gateway to a local network gateway, Vnet2Vnet connections join two VPN gateways, and ExpressRoute connections join an ExpressRoute gateway to a circuit (peer.id)." + AzureTextUnknown,
            "constraints.md §4 (connection types)");
    }

    public static Diagnostic MoreThanOneGatewayOfType(VirtualNetworkGateway gateway, VirtualNetworkGateway other, ResourceId vnetId) =>
        Create(Descriptors.MoreThanOneGatewayOfType, gateway, ("otherGatewayId", other.Id), ("gatewayType", gateway.GatewayType), ("vnetName", vnetId.Name));

    // placement: Where the IP configuration is, as a verb phrase: "is in subnet 'Workload'" or "names no subnet".
    public static Diagnostic GatewayNotInGatewaySubnet(VirtualNetworkGateway gateway, GatewayIpConfiguration ipConfiguration, string placement) =>
        Create(Descriptors.GatewayNotInGatewaySubnet, gateway, ("ipConfigurationName", ipConfiguration.Name), ("gatewayId", gateway.Id), ("placement", placement));

    public static Diagnostic GatewaySubnetTooSmall(VirtualNetworkGateway gateway, Subnet gatewaySubnet, AddressPrefix prefix, string requirement, int neededLength) =>
        Create(Descriptors.GatewaySubnetTooSmall, gateway, ("prefix", prefix), ("vnetId", gatewaySubnet.VirtualNetworkId), ("gatewayId", gateway.Id),
            ("requirement", requirement), ("needed", "/" + neededLength));

    public static Diagnostic GatewaySkuNotValidForType(VirtualNetworkGateway gateway, IEnumerable<string> allowed) =>
        Create(Descriptors.GatewaySkuNotValidForType, gateway, ("gatewayId", gateway.Id), ("gatewayType", gateway.GatewayType),
            ("sku", gateway.SkuName), ("allowed", string.Join(", ", allowed)));

    public static Diagnostic CoexistenceRequirementsNotMet(VirtualNetworkGateway vpnGateway, VirtualNetworkGateway expressRouteGateway, ResourceId vnetId, string problem) =>
        Create(Descriptors.CoexistenceRequirementsNotMet, vpnGateway, ("vnetId", vnetId), ("expressRouteGatewayId", expressRouteGateway.Id),
            ("vpnGatewayId", vpnGateway.Id), ("problem", problem));

    public static Diagnostic PolicyBasedRequiresBasicSku(VirtualNetworkGateway gateway) =>
        Create(Descriptors.PolicyBasedRequiresBasicSku, gateway, ("gatewayId", gateway.Id), ("sku", gateway.SkuName));

    public static Diagnostic GatewayGenerationMismatch(VirtualNetworkGateway gateway, string generation, string expected) =>
        Create(Descriptors.GatewayGenerationMismatch, gateway, ("gatewayId", gateway.Id), ("sku", gateway.SkuName), ("generation", generation), ("expected", expected));

    public static Diagnostic InvalidGatewaySkuForDeploymentType(VirtualNetworkGateway gateway, PublicIpAddress publicIp) =>
        Create(Descriptors.InvalidGatewaySkuForDeploymentType, gateway, ("gatewayId", gateway.Id), ("publicIpId", publicIp.Id));

    public static Diagnostic PublicIpWithBasicSkuNotAllowedOnVpnGateways(VirtualNetworkGateway gateway, PublicIpAddress publicIp) =>
        Create(Descriptors.PublicIpWithBasicSkuNotAllowedOnVpnGateways, gateway, ("gatewayId", gateway.Id), ("publicIpId", publicIp.Id));

    public static Diagnostic BasicSkuDoesNotSupportBgp(VirtualNetworkGateway gateway) =>
        Create(Descriptors.BasicSkuDoesNotSupportBgp, gateway, ("gatewayId", gateway.Id));

    public static Diagnostic ActiveActiveGatewayMustHaveTwoIpConfigurations(VirtualNetworkGateway gateway) =>
        Create(Descriptors.ActiveActiveGatewayMustHaveTwoIpConfigurations, gateway, ("count", gateway.IpConfigurations.Length), ("gatewayId", gateway.Id));

    public static Diagnostic ActiveActiveP2SGatewayMustHaveThreeIpConfigurations(VirtualNetworkGateway gateway) =>
        Create(Descriptors.ActiveActiveP2SGatewayMustHaveThreeIpConfigurations, gateway, ("count", gateway.IpConfigurations.Length), ("gatewayId", gateway.Id));

    public static Diagnostic ActiveActivePublicIpsDiffer(VirtualNetworkGateway gateway, IEnumerable<PublicIpAddress> publicIps) =>
        Create(Descriptors.ActiveActivePublicIpsDiffer, gateway, ("gatewayId", gateway.Id), ("publicIps", string.Join(", ", publicIps.Select(p => p.Name))));

    public static Diagnostic BasicSkuNotActiveActive(VirtualNetworkGateway gateway) =>
        Create(Descriptors.BasicSkuNotActiveActive, gateway, ("gatewayId", gateway.Id));

    public static Diagnostic TunnelsOverSkuLimit(VirtualNetworkGateway gateway, int count, int limit) =>
        Create(Descriptors.TunnelsOverSkuLimit, gateway, ("gatewayId", gateway.Id), ("sku", gateway.SkuName),
            ("vpnType", gateway.VpnType ?? VpnType.RouteBased), ("count", count), ("limit", limit));

    // resourceKind: "Virtual network gateway", "Local network gateway", "ExpressRoute circuit peering".
    public static Diagnostic ReservedAsn(Resource resource, string resourceKind, long asn, string reason) =>
        Create(Descriptors.ReservedAsn, resource, ("resourceKind", resourceKind), ("resourceId", resource.Id), ("asn", asn), ("reason", reason));

    public static Diagnostic LocalNetworkGatewayCannotHaveZeroAsn(LocalNetworkGateway lng) =>
        Create(Descriptors.LocalNetworkGatewayCannotHaveZeroAsn, lng, ("lngId", lng.Id));

    public static Diagnostic SameAsnOnBothSides(VirtualNetworkGatewayConnection connection, ResourceId gatewayId, ResourceId lngId, long asn) =>
        Create(Descriptors.SameAsnOnBothSides, connection, ("connectionId", connection.Id), ("gatewayId", gatewayId), ("lngId", lngId), ("asn", asn));

    public static Diagnostic ErGwScaleRequiresStandardPublicIp(VirtualNetworkGateway gateway, PublicIpAddress publicIp) =>
        Create(Descriptors.ErGwScaleRequiresStandardPublicIp, gateway, ("gatewayId", gateway.Id), ("publicIpId", publicIp.Id), ("publicIpSku", publicIp.SkuName));

    // detail: A verb phrase: "connects 5 circuits in different peering locations; SKU ErGw1AZ supports 4".
    public static Diagnostic ExpressRouteGatewayCircuitLimit(VirtualNetworkGateway gateway, string detail) =>
        Create(Descriptors.ExpressRouteGatewayCircuitLimit, gateway, ("gatewayId", gateway.Id), ("detail", detail));

    public static Diagnostic PublicIpForGatewayIsRequired(VirtualNetworkGateway gateway, GatewayIpConfiguration ipConfiguration) =>
        Create(Descriptors.PublicIpForGatewayIsRequired, gateway, ("gatewayId", gateway.Id), ("ipConfigurationName", ipConfiguration.Name));

    public static Diagnostic LocalNetworkPrefixInsideVnet(LocalNetworkGateway lng, AddressPrefix prefix, AddressPrefix vnetPrefix, ResourceId vnetId, VirtualNetworkGatewayConnection connection) =>
        Create(Descriptors.LocalNetworkPrefixInsideVnet, lng, ("prefix", prefix), ("lngId", lng.Id), ("vnetPrefix", vnetPrefix), ("vnetId", vnetId),
            ("connectionId", connection.Id));

    public static Diagnostic LocalNetworkDefaultRoute(LocalNetworkGateway lng, AddressPrefix prefix) =>
        Create(Descriptors.LocalNetworkDefaultRoute, lng, ("lngId", lng.Id), ("prefix", prefix));

    public static Diagnostic BgpPeerAddressIsGatewayAddress(LocalNetworkGateway lng, IpAddress ip) =>
        Create(Descriptors.BgpPeerAddressIsGatewayAddress, lng, ("ip", ip), ("lngId", lng.Id));

    public static Diagnostic BgpPrefixLimit(ExternalSite site, ResourceId attachmentId, int count, int limit) =>
        Create(Descriptors.BgpPrefixLimit, site, ("siteName", site.Name), ("count", count), ("attachmentId", attachmentId), ("limit", limit));

    public static Diagnostic SharedKeyLength(VirtualNetworkGatewayConnection connection, int length) =>
        Create(Descriptors.SharedKeyLength, connection, ("connectionId", connection.Id), ("length", length));

    public static Diagnostic SharedKeyOnExpressRouteConnection(VirtualNetworkGatewayConnection connection) =>
        Create(Descriptors.SharedKeyOnExpressRouteConnection, connection, ("connectionId", connection.Id));

    public static Diagnostic Vnet2VnetRequiresRouteBased(VirtualNetworkGatewayConnection connection, ResourceId gatewayId) =>
        Create(Descriptors.Vnet2VnetRequiresRouteBased, connection, ("connectionId", connection.Id), ("gatewayId", gatewayId));

    public static Diagnostic LocalNetworkGatewayEmpty(LocalNetworkGateway lng) =>
        Create(Descriptors.LocalNetworkGatewayEmpty, lng, ("lngId", lng.Id));

    public static Diagnostic LocalNetworkGatewayWithoutAddress(LocalNetworkGateway lng) =>
        Create(Descriptors.LocalNetworkGatewayWithoutAddress, lng, ("lngId", lng.Id));

    public static Diagnostic InvalidBgpPeerIpAddress(LocalNetworkGateway lng, string ip) =>
        Create(Descriptors.InvalidBgpPeerIpAddress, lng, ("ip", ip), ("lngId", lng.Id));

    // problem: What is missing, e.g. "gateway vpngw does not have BGP enabled".
    public static Diagnostic BgpConnectionWithoutBgpEndpoints(VirtualNetworkGatewayConnection connection, string problem) =>
        Create(Descriptors.BgpConnectionWithoutBgpEndpoints, connection, ("connectionId", connection.Id), ("problem", problem));

    // problem: A verb phrase: "names no local network gateway", "uses ExpressRoute gateway X".
    public static Diagnostic ConnectionEndpointsMismatch(VirtualNetworkGatewayConnection connection, string problem) =>
        Create(Descriptors.ConnectionEndpointsMismatch, connection, ("connectionId", connection.Id), ("connectionType", connection.ConnectionType), ("problem", problem));
}
