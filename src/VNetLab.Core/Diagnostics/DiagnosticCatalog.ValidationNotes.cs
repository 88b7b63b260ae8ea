using VNetLab.Model;

namespace VNetLab.Diagnostics;

// VNL9200–VNL9299: fidelity notes from validation. Where the twin cannot know what Azure would do
// (a service tag it has no list for, a region it cannot place), it says which assumption it made
// instead of guessing silently.
public static partial class DiagnosticCatalog
{
    public static partial class Descriptors
    {
        public static readonly DiagnosticDescriptor UnknownServiceTagAssumed = new(
            "VNL9201", DiagnosticSeverity.Info, null, "Service tag not known to VNetLab",
            "'{value}' in {parameter} of security rule {ruleId} is not a service tag VNetLab knows; validation assumed it is a valid service tag.",
            "Nothing to do if it is a service tag (VNetLab's list is not complete). If it is not, Azure rejects the rule with SecurityRuleInvalidAddressPrefix.",
            "constraints.md 7.5; semantics.md 4.5");

        public static readonly DiagnosticDescriptor GeopoliticalRegionUnknown = new(
            "VNL9202", DiagnosticSeverity.Info, null, "Region of an ExpressRoute link unknown",
            "VNetLab does not know {what}; it did not check whether connection {connectionId} needs the Premium add-on (or, for a Local circuit, whether the VNet's region is local to the peering location).",
            "Check the link against learn.microsoft.com/azure/expressroute/expressroute-locations; VNetLab's tables of regions and peering locations come from its revisions of 2024-04-05 (geopolitical regions) and 2026-04-28 (regions local to each location).",
            "constraints.md 4.10, 5.13; expressroute-locations-providers.md (geopolitical regions include, 2024-04-05; Local Azure regions, 2026-04-28)");

        public static readonly DiagnosticDescriptor GatewaySkuNotGiven = new(
            "VNL9203", DiagnosticSeverity.Info, null, "Gateway SKU not given",
            "Virtual network gateway {gatewayId} has no SKU in the input; the checks that depend on the SKU (GatewaySubnet size, tunnels, BGP, active-active, coexistence) were skipped for it.",
            "Give sku.name (e.g. VpnGw1AZ, ErGw1AZ) so that VNetLab can check what Azure checks.",
            "constraints.md 3.3, 3.4");

        public static readonly DiagnosticDescriptor CircuitBandwidthNotGiven = new(
            "VNL9204", DiagnosticSeverity.Info, null, "Premium circuit bandwidth not given",
            "Circuit {circuitId} is Premium but its bandwidth is not given; VNetLab checked its {count} VNet links against the limit of the largest bandwidths ({limit}), though smaller Premium circuits allow as few as 20.",
            "Give serviceProviderProperties.bandwidthInMbps so that the link limit of the circuit's bandwidth applies.",
            "constraints.md 4.11");

        public static readonly DiagnosticDescriptor Office365AuthorizationAssumed = new(
            "VNL9205", DiagnosticSeverity.Info, null, "Office 365 authorisation not declared",
            "No VNetLab/subscriptionFeatures resource says whether subscription {subscriptionId} is authorised for Office 365 route filters; VNetLab assumed it is not.",
            "If Microsoft has authorised the subscription, add a VNetLab/subscriptionFeatures resource named {subscriptionId} with properties.office365RouteFilters set to true.",
            "constraints.md 5.1; CONTRACT.md (subscription features)");
    }

    public static Diagnostic UnknownServiceTagAssumed(SecurityRule rule, string parameter, string value) =>
        Create(Descriptors.UnknownServiceTagAssumed, rule, ("value", value), ("parameter", parameter), ("ruleId", rule.Id));

    // what: What is unknown, as a noun phrase: "the geopolitical region of Azure region 'swedencentral'".
    public static Diagnostic GeopoliticalRegionUnknown(VirtualNetworkGatewayConnection connection, string what) =>
        Create(Descriptors.GeopoliticalRegionUnknown, connection, ("what", what), ("connectionId", connection.Id));

    public static Diagnostic GatewaySkuNotGiven(VirtualNetworkGateway gateway) =>
        Create(Descriptors.GatewaySkuNotGiven, gateway, ("gatewayId", gateway.Id));

    public static Diagnostic CircuitBandwidthNotGiven(ExpressRouteCircuit circuit, int count, int limit) =>
        Create(Descriptors.CircuitBandwidthNotGiven, circuit, ("circuitId", circuit.Id), ("count", count), ("limit", limit));

    public static Diagnostic Office365AuthorizationAssumed(RouteFilterRule rule, string subscriptionId) =>
        Create(Descriptors.Office365AuthorizationAssumed, rule, ("subscriptionId", subscriptionId));
}
