using VNetLab.Addressing;
using VNetLab.Model;

namespace VNetLab.Diagnostics;

// VNL4xxx: ExpressRoute circuits, their peerings and links, and route filters.
public static partial class DiagnosticCatalog
{
    public static partial class Descriptors
    {
        public static readonly DiagnosticDescriptor CircuitNotProvisioned = new(
            "VNL4001", DiagnosticSeverity.Error, null, "Link to a circuit the provider has not provisioned",
            "ExpressRoute connection {connectionId} links circuit {circuitId}, whose service provider provisioning state is {state}; a circuit can be linked only once the provider has provisioned it.",
            "Ask the connectivity provider to provision the circuit (serviceProviderProvisioningState Provisioned), then create the connection. "
            + "For a Virtual WAN ExpressRoute connection Azure answers ServiceProviderNotProvisioned ('The current cross connection provisioning state 'NotProvisioned' of this service key ... prevents this operation.'); "
            + "its answer for Microsoft.Network/connections was not captured, so the message above is VNetLab's wording.",
            "constraints.md 4.9");

        public static readonly DiagnosticDescriptor CircuitWithoutPrivatePeering = new(
            "VNL4002", DiagnosticSeverity.Error, null, "Link to a circuit without private peering",
            "ExpressRoute connection {connectionId} links circuit {circuitId}, which has no AzurePrivatePeering; virtual networks connect to a circuit through its private peering.",
            "Configure the circuit's AzurePrivatePeering (peer ASN, primary and secondary /30 prefixes, VLAN ID) before linking virtual networks." + AzureTextUnknown,
            "constraints.md 4.9");

        public static readonly DiagnosticDescriptor CrossSubscriptionLinkWithoutAuthorization = new(
            "VNL4003", DiagnosticSeverity.Error, null, "Link from another subscription without an authorization key",
            "ExpressRoute connection {connectionId} in subscription {connectionSubscription} links circuit {circuitId} of subscription {circuitSubscription} without an authorization key.",
            "Have the circuit owner create an authorization on the circuit and give its key as authorizationKey on the connection." + AzureTextUnknown,
            "constraints.md 4.9");

        public static readonly DiagnosticDescriptor CircuitAuthorizationsExhausted = new(
            "VNL4004", DiagnosticSeverity.Error, null, "More cross-subscription links than authorizations",
            "Circuit {circuitId} has {authorizations} authorizations but {count} connections from other subscriptions; each authorization can be redeemed by one connection only.",
            "Create one authorization per connection from another subscription." + AzureTextUnknown,
            "constraints.md 4.9");

        public static readonly DiagnosticDescriptor LinkOutsideGeopoliticalRegion = new(
            "VNL4005", DiagnosticSeverity.Error, null, "Link across geopolitical regions without Premium",
            "ExpressRoute connection {connectionId} links virtual network {vnetId} in {vnetRegion} ({vnetGeo}) to {tier} circuit {circuitId} at peering location {peeringLocation} ({circuitGeo}); linking across geopolitical regions needs the Premium add-on.",
            "Enable the Premium add-on on the circuit, or link the VNet to a circuit whose peering location is in {vnetGeo}." + AzureTextUnknown,
            "constraints.md 4.10; expressroute-locations-providers.md (geopolitical regions include, 2024-04-05)");

        public static readonly DiagnosticDescriptor VnetLinksPerCircuitLimit = new(
            "VNL4006", DiagnosticSeverity.Error, null, "More VNet links than the circuit supports",
            "Circuit {circuitId} ({tier}, {bandwidth}) is linked to {count} virtual networks; it supports {limit}.",
            "Link fewer VNets (spokes can share the hub's link through gateway transit) or, on Premium, raise the bandwidth. Global Reach connections count against the same limit." + AzureTextUnknown,
            "constraints.md 4.11");

        public static readonly DiagnosticDescriptor Office365RouteFilterNotAuthorized = new(
            "VNL4007", DiagnosticSeverity.Error, null, "Office 365 route filter in a subscription not authorised for it",
            "The subscription with id '{subscriptionId}' is not authorized for creating route filters for O365 services. Read more about requesting approval.",
            "Ask Microsoft to authorise subscription {subscriptionId} for Office 365 over ExpressRoute (a vetting process that takes weeks), then declare it with a VNetLab/subscriptionFeatures resource named {subscriptionId} with properties.office365RouteFilters true. "
            + "Communities that need the authorisation: 12076:5010, 12076:5020, 12076:5030, 12076:5100. Azure's message is known; its error code was not captured.",
            "constraints.md 5.1")
        { IsAzureText = true };

        public static readonly DiagnosticDescriptor CircuitNotCompatibleWithOffice365Filter = new(
            "VNL4008", DiagnosticSeverity.Error, null, "Office 365 route filter on a circuit without Premium",
            "{circuitName} is not compatible with the route filter. The route filter includes Office 365 communities. The circuit does not have access to Office365.",
            "Upgrade circuit '{circuitName}' to the Premium SKU (Microsoft 365 over ExpressRoute needs the Premium add-on), or remove the Office 365 communities from route filter '{routeFilterName}'. Azure's message is known; its error code was not captured.",
            "constraints.md 5.2")
        { IsAzureText = true };

        public static readonly DiagnosticDescriptor CommunityNameMustContainColon = new(
            "VNL4009", DiagnosticSeverity.Error, null, "Community without a colon",
            "Community name {value} of route filter rule {ruleId} is invalid. The name must contain colon (:).",
            "Give each community as its own list entry of the form ASN:value, e.g. 12076:5010 (a comma-joined string counts as one invalid community). Azure's message is known; its error code was not captured.",
            "constraints.md 5.3")
        { IsAzureText = true };

        public static readonly DiagnosticDescriptor UnknownCommunity = new(
            "VNL4010", DiagnosticSeverity.Warning, null, "Community Microsoft does not publish",
            "Community {value} of route filter rule {ruleId} is not a BGP community value Microsoft publishes for ExpressRoute; the filter lets no route through for it.",
            "Use values from `Get-AzBgpServiceCommunity`: service communities such as 12076:5010 and regional ones such as 12076:51002. VNetLab's list follows expressroute-routing.md and may miss values added since.",
            "constraints.md 5.A; semantics.md 5.4");

        public static readonly DiagnosticDescriptor RouteFilterMoreThanOneRule = new(
            "VNL4011", DiagnosticSeverity.Error, null, "Route filter with more than one rule",
            "Route filter {routeFilterId} has {count} rules; a route filter has exactly one rule.",
            "Put every community in the communities list of a single rule." + AzureTextUnknown,
            "constraints.md 5.4");

        public static readonly DiagnosticDescriptor RouteFilterRuleNotAllowCommunity = new(
            "VNL4012", DiagnosticSeverity.Error, null, "Route filter rule that is not an Allow community rule",
            "Route filter rule {ruleId} has access {access} and type {type}; a route filter rule must be an Allow rule of type Community.",
            "Set access to Allow and routeFilterRuleType to Community; list the communities to let through." + AzureTextUnknown,
            "constraints.md 5.4");

        public static readonly DiagnosticDescriptor MicrosoftPeeringWithoutRouteFilter = new(
            "VNL4013", DiagnosticSeverity.Warning, null, "Microsoft peering without a route filter",
            "Microsoft peering {peeringId} has no route filter, so Microsoft advertises no prefixes over it (VNetLab assumes the circuit was configured on or after 1 August 2017).",
            "Attach a route filter that allows the BGP communities of the services you need. Azure accepts the peering without one.",
            "constraints.md 5.6");

        public static readonly DiagnosticDescriptor PeeringAddressPrefixFormat = new(
            "VNL4014", DiagnosticSeverity.Error, "InvalidAddressPrefixFormat", "Peering link prefix not in CIDR notation",
            "Address prefix {prefix} of resource {resourceId} is not formatted correctly. It should follow CIDR notation, for example 10.0.0.0/24.",
            "Give primaryPeerAddressPrefix and secondaryPeerAddressPrefix as /30 prefixes (e.g. 192.168.100.128/30 and 192.168.100.132/30).",
            "constraints.md 5.7, 2.1")
        { IsAzureText = true };

        public static readonly DiagnosticDescriptor PeeringAddressPrefixNotSlash30 = new(
            "VNL4015", DiagnosticSeverity.Error, null, "Peering link prefix not a /30",
            "{field} {prefix} of circuit peering {peeringId} is not a /30; an ExpressRoute peering uses two /30 link subnets (/126 for IPv6).",
            "Split the link range into two /30 prefixes, one for the primary and one for the secondary link." + AzureTextUnknown,
            "constraints.md 5.7");

        public static readonly DiagnosticDescriptor PrivatePeeringPrefixOverlapsVnet = new(
            "VNL4016", DiagnosticSeverity.Error, null, "Private peering link prefix overlaps a linked VNet",
            "{field} {prefix} of private peering {peeringId} overlaps {vnetPrefix}, the address space of virtual network {vnetId} linked to the circuit.",
            "Use link subnets outside every VNet range linked to the circuit." + AzureTextUnknown,
            "constraints.md 5.7");

        public static readonly DiagnosticDescriptor MicrosoftPeeringPrivatePrefix = new(
            "VNL4017", DiagnosticSeverity.Error, null, "Private address on Microsoft peering",
            "{field} {prefix} of Microsoft peering {peeringId} is a private address; Microsoft peering needs public addresses that you own.",
            "Use public prefixes registered to you in an RIR or IRR (ARIN, APNIC, AFRINIC, LACNIC, RIPENCC, RADB, ALTDB)." + AzureTextUnknown,
            "constraints.md 5.7");

        public static readonly DiagnosticDescriptor PrivatePeeringConfigIncomplete = new(
            "VNL4018", DiagnosticSeverity.Error, "ExpressRoutePrivatePeeringConfigIncomplete", "Private peering missing parameters",
            "Private peering {peeringId} has no {missing}; a private peering needs a peer ASN, primary and secondary /30 prefixes and a VLAN ID.",
            "Give the missing parameters. Azure's code for this case is known but its message was not captured; the message above is VNetLab's wording.",
            "constraints.md 5.9");

        public static readonly DiagnosticDescriptor PeeringOnUnprovisionedCircuit = new(
            "VNL4019", DiagnosticSeverity.Error, null, "Peering on a circuit the provider has not provisioned",
            "Circuit {circuitId} has peering {peeringName} but its service provider provisioning state is {state}; peerings can be configured only once the provider has provisioned the circuit.",
            "Wait until serviceProviderProvisioningState is Provisioned (the provider does this), then configure the peering." + AzureTextUnknown,
            "constraints.md 5.11");

        public static readonly DiagnosticDescriptor PrivatePeeringPrefixLimit = new(
            "VNL4020", DiagnosticSeverity.Warning, null, "More prefixes than private peering accepts",
            "{siteName} advertises {count} prefixes to private peering {peeringId}; a {tier} circuit accepts at most {limit} and drops the BGP session beyond that.",
            "Summarise the on-premises prefixes, or enable the Premium add-on (10,000 prefixes). Azure accepts the configuration; the BGP session fails at run time.",
            "constraints.md 5.12");

        public static readonly DiagnosticDescriptor MicrosoftPeeringRouteNotAccepted = new(
            "VNL4021", DiagnosticSeverity.Warning, null, "Route Microsoft peering does not accept",
            "{siteName} advertises {prefix} over Microsoft peering {peeringId}; Microsoft peering accepts neither the default route nor private (RFC 1918) prefixes, so that route is dropped.",
            "Advertise only public prefixes you own over Microsoft peering; send a default route over private peering instead.",
            "constraints.md 5.12");

        public static readonly DiagnosticDescriptor LocalSkuGlobalReach = new(
            "VNL4022", DiagnosticSeverity.Error, null, "Global Reach on a Local circuit",
            "Circuit {circuitId} has the Local SKU, which does not support Global Reach.",
            "Use a Standard or Premium circuit for Global Reach, or turn Global Reach off." + AzureTextUnknown,
            "constraints.md 5.13");

        public static readonly DiagnosticDescriptor CircuitsPerSubscriptionLimit = new(
            "VNL4023", DiagnosticSeverity.Error, null, "Too many circuits in a subscription",
            "Subscription {subscriptionId} has {count} ExpressRoute circuits{scope}; Azure allows {limit}.",
            "Move circuits to another subscription or remove unused ones." + AzureTextUnknown,
            "constraints.md 5.14");

        public static readonly DiagnosticDescriptor LinkOutsideLocalRegions = new(
            "VNL4024", DiagnosticSeverity.Error, null, "Link outside a Local circuit's regions",
            "ExpressRoute connection {connectionId} links virtual network {vnetId} in {vnetRegion} to Local circuit {circuitId} at peering location {peeringLocation}, which serves {localRegions}; a Local circuit links only virtual networks in the Azure regions local to its peering location.",
            "Link the VNet to a Standard or Premium circuit, or to a Local circuit at a peering location local to {vnetRegion}." + AzureTextUnknown,
            "constraints.md 4.10, 5.13; expressroute-locations-providers.md (Local Azure regions, 2026-04-28)");
    }

    public static Diagnostic CircuitNotProvisioned(VirtualNetworkGatewayConnection connection, ExpressRouteCircuit circuit) =>
        Create(Descriptors.CircuitNotProvisioned, connection, ("connectionId", connection.Id), ("circuitId", circuit.Id),
            ("state", circuit.ServiceProviderProvisioningState));

    public static Diagnostic CircuitWithoutPrivatePeering(VirtualNetworkGatewayConnection connection, ExpressRouteCircuit circuit) =>
        Create(Descriptors.CircuitWithoutPrivatePeering, connection, ("connectionId", connection.Id), ("circuitId", circuit.Id));

    public static Diagnostic CrossSubscriptionLinkWithoutAuthorization(VirtualNetworkGatewayConnection connection, ExpressRouteCircuit circuit) =>
        Create(Descriptors.CrossSubscriptionLinkWithoutAuthorization, connection, ("connectionId", connection.Id),
            ("connectionSubscription", connection.Id.Subscription), ("circuitId", circuit.Id), ("circuitSubscription", circuit.Id.Subscription));

    public static Diagnostic CircuitAuthorizationsExhausted(ExpressRouteCircuit circuit, int count) =>
        Create(Descriptors.CircuitAuthorizationsExhausted, circuit, ("circuitId", circuit.Id), ("authorizations", circuit.Authorizations.Length), ("count", count));

    public static Diagnostic LinkOutsideLocalRegions(VirtualNetworkGatewayConnection connection, ResourceId vnetId, string vnetRegion,
        ExpressRouteCircuit circuit, IReadOnlyList<string> localRegions) =>
        Create(Descriptors.LinkOutsideLocalRegions, connection, ("connectionId", connection.Id), ("vnetId", vnetId), ("vnetRegion", vnetRegion),
            ("circuitId", circuit.Id), ("peeringLocation", circuit.PeeringLocation),
            ("localRegions", localRegions.Count == 0 ? "no Azure region (ExpressRoute Local is not offered there)" : string.Join(", ", localRegions)));

    public static Diagnostic LinkOutsideGeopoliticalRegion(VirtualNetworkGatewayConnection connection, ResourceId vnetId, string vnetRegion, string vnetGeo,
        ExpressRouteCircuit circuit, string circuitGeo) =>
        Create(Descriptors.LinkOutsideGeopoliticalRegion, connection, ("connectionId", connection.Id), ("vnetId", vnetId), ("vnetRegion", vnetRegion),
            ("vnetGeo", vnetGeo), ("tier", circuit.SkuTier ?? "Standard"), ("circuitId", circuit.Id), ("peeringLocation", circuit.PeeringLocation), ("circuitGeo", circuitGeo));

    public static Diagnostic VnetLinksPerCircuitLimit(ExpressRouteCircuit circuit, int count, int limit) =>
        Create(Descriptors.VnetLinksPerCircuitLimit, circuit, ("circuitId", circuit.Id), ("tier", circuit.SkuTier ?? "Standard"),
            ("bandwidth", circuit.BandwidthInMbps is { } mbps ? mbps + " Mbps" : "bandwidth not given"), ("count", count), ("limit", limit));

    public static Diagnostic Office365RouteFilterNotAuthorized(RouteFilterRule rule, string subscriptionId) =>
        Create(Descriptors.Office365RouteFilterNotAuthorized, rule, ("subscriptionId", subscriptionId));

    public static Diagnostic CircuitNotCompatibleWithOffice365Filter(RouteFilterRule rule, ExpressRouteCircuit circuit) =>
        Create(Descriptors.CircuitNotCompatibleWithOffice365Filter, rule, ("circuitName", circuit.Name), ("routeFilterName", rule.RouteFilterId.Name));

    public static Diagnostic CommunityNameMustContainColon(RouteFilterRule rule, string value) =>
        Create(Descriptors.CommunityNameMustContainColon, rule, ("value", value), ("ruleId", rule.Id));

    public static Diagnostic UnknownCommunity(RouteFilterRule rule, string value) =>
        Create(Descriptors.UnknownCommunity, rule, ("value", value), ("ruleId", rule.Id));

    public static Diagnostic RouteFilterMoreThanOneRule(RouteFilter filter) =>
        Create(Descriptors.RouteFilterMoreThanOneRule, filter, ("routeFilterId", filter.Id), ("count", filter.Rules.Length));

    public static Diagnostic RouteFilterRuleNotAllowCommunity(RouteFilterRule rule) =>
        Create(Descriptors.RouteFilterRuleNotAllowCommunity, rule, ("ruleId", rule.Id), ("access", rule.Access), ("type", rule.RouteFilterRuleType));

    public static Diagnostic MicrosoftPeeringWithoutRouteFilter(ExpressRouteCircuitPeering peering) =>
        Create(Descriptors.MicrosoftPeeringWithoutRouteFilter, peering, ("peeringId", peering.Id));

    public static Diagnostic PeeringAddressPrefixFormat(ExpressRouteCircuitPeering peering, string prefix) =>
        Create(Descriptors.PeeringAddressPrefixFormat, peering, ("prefix", prefix), ("resourceId", peering.Id));

    public static Diagnostic PeeringAddressPrefixNotSlash30(ExpressRouteCircuitPeering peering, string field, string prefix) =>
        Create(Descriptors.PeeringAddressPrefixNotSlash30, peering, ("field", field), ("prefix", prefix), ("peeringId", peering.Id));

    public static Diagnostic PrivatePeeringPrefixOverlapsVnet(ExpressRouteCircuitPeering peering, string field, string prefix, AddressPrefix vnetPrefix, ResourceId vnetId) =>
        Create(Descriptors.PrivatePeeringPrefixOverlapsVnet, peering, ("field", field), ("prefix", prefix), ("peeringId", peering.Id),
            ("vnetPrefix", vnetPrefix), ("vnetId", vnetId));

    public static Diagnostic MicrosoftPeeringPrivatePrefix(ExpressRouteCircuitPeering peering, string field, string prefix) =>
        Create(Descriptors.MicrosoftPeeringPrivatePrefix, peering, ("field", field), ("prefix", prefix), ("peeringId", peering.Id));

    public static Diagnostic PrivatePeeringConfigIncomplete(ExpressRouteCircuitPeering peering, string missing) =>
        Create(Descriptors.PrivatePeeringConfigIncomplete, peering, ("peeringId", peering.Id), ("missing", missing));

    public static Diagnostic PeeringOnUnprovisionedCircuit(ExpressRouteCircuit circuit, ExpressRouteCircuitPeering peering) =>
        Create(Descriptors.PeeringOnUnprovisionedCircuit, peering, ("circuitId", circuit.Id), ("peeringName", peering.Name),
            ("state", circuit.ServiceProviderProvisioningState));

    public static Diagnostic PrivatePeeringPrefixLimit(ExternalSite site, ExpressRouteCircuitPeering peering, string tier, int count, int limit) =>
        Create(Descriptors.PrivatePeeringPrefixLimit, site, ("siteName", site.Name), ("count", count), ("peeringId", peering.Id), ("tier", tier), ("limit", limit));

    public static Diagnostic MicrosoftPeeringRouteNotAccepted(ExternalSite site, ExpressRouteCircuitPeering peering, IpPrefix prefix) =>
        Create(Descriptors.MicrosoftPeeringRouteNotAccepted, site, ("siteName", site.Name), ("prefix", prefix), ("peeringId", peering.Id));

    public static Diagnostic LocalSkuGlobalReach(ExpressRouteCircuit circuit) =>
        Create(Descriptors.LocalSkuGlobalReach, circuit, ("circuitId", circuit.Id));

    // scope: Empty for the subscription-wide limit, " in westeurope" for the per-region one.
    public static Diagnostic CircuitsPerSubscriptionLimit(ExpressRouteCircuit circuit, string scope, int count, int limit) =>
        Create(Descriptors.CircuitsPerSubscriptionLimit, circuit, ("subscriptionId", circuit.Id.Subscription), ("count", count), ("scope", scope), ("limit", limit));
}
