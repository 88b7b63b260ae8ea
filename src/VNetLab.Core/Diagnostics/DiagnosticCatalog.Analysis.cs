using VNetLab.Model;

namespace VNetLab.Diagnostics;

// VNL80xx: analysis findings (asymmetric paths, failed policy assertions).
// VNL98xx: the trace and reachability engine's fidelity notes: where it stops or assumes.
public static partial class DiagnosticCatalog
{
    public static partial class Descriptors
    {
        public static readonly DiagnosticDescriptor AsymmetricPath = new(
            "VNL8001", DiagnosticSeverity.Warning, null, "Asymmetric path",
            "The reply to {flow} does not come back the way the request went: {reason}.",
            "Make both directions cross the same stateful devices and edge: add the matching UDR on the other side (or on the GatewaySubnet), or advertise the prefix over the same connection.",
            "https://learn.microsoft.com/azure/architecture/networking/guide/network-virtual-appliance-high-availability");

        public static readonly DiagnosticDescriptor PolicyAssertionFailed = new(
            "VNL8002", DiagnosticSeverity.Error, null, "Policy assertion failed",
            "Assertion '{assertion}' does not hold: {reason}.",
            "Change the routes or rules listed with the assertion, or correct the assertion if the design changed on purpose.",
            "issue #6: verify");

        public static readonly DiagnosticDescriptor TraceServiceEndpointNotFollowed = new(
            "VNL9801", DiagnosticSeverity.Info, null, "Service endpoint traffic not followed",
            "Traffic to {destination} takes the service endpoint route {prefix}; the twin does not model the Azure service behind it and stops the trace there.",
            "Nothing to change in the estate; check the service's own firewall (storage account network rules, SQL firewall).",
            "semantics.md 3.1");

        public static readonly DiagnosticDescriptor TraceNextHopNotInEstate = new(
            "VNL9802", DiagnosticSeverity.Warning, null, "Virtual appliance not in the estate",
            "The route {prefix} sends traffic to virtual appliance {address}, which no NIC or Azure Firewall in the estate holds; the twin cannot follow the packet further.",
            "Add the appliance's NIC (or load balancer backends as NICs) to the estate, or correct the route's next hop address.",
            "semantics.md 3.12");

        public static readonly DiagnosticDescriptor TraceFirewallPolicyNotModelled = new(
            "VNL9803", DiagnosticSeverity.Warning, null, "Firewall Policy not modelled",
            "Azure Firewall {firewall} is governed by a Firewall Policy and has no classic network rule collections; the twin does not evaluate policies and stops the trace there.",
            "Export the policy's network rules as classic rule collections for analysis, or trace to the firewall only.",
            "https://learn.microsoft.com/azure/firewall/policy-rule-sets");

        public static readonly DiagnosticDescriptor TraceGatewayRouteUnknown = new(
            "VNL9804", DiagnosticSeverity.Warning, null, "Gateway has no route for the destination",
            "Gateway {gateway} received traffic for {destination} but has no learned route covering it; the twin does not know where the gateway sends it.",
            "Add the external site (with its advertised prefixes) or the local network gateway's address space that covers {destination}.",
            "semantics.md 3.9");

        public static readonly DiagnosticDescriptor TraceAddressInNoSubnet = new(
            "VNL9805", DiagnosticSeverity.Info, null, "Destination in no subnet",
            "{destination} is inside the address space of {vnet} but in none of its subnets; Azure has nowhere to deliver it.",
            "Trace to an address inside a subnet.",
            "semantics.md 3.1");

        public static readonly DiagnosticDescriptor TraceSiteReturnConnectionAssumed = new(
            "VNL9806", DiagnosticSeverity.Info, null, "External site's return path assumed",
            "External site {site} learns {prefix} over {count} connections; the twin assumed it answers over {connection} (ExpressRoute first, then the shortest AS path, then the connection id), as its routers' choice is not in the estate.",
            "Describe the site's routing preference by advertising or filtering prefixes so only one connection carries the return route.",
            "semantics.md 3.9");

        public static readonly DiagnosticDescriptor TraceFirewallFqdnRuleSkipped = new(
            "VNL9807", DiagnosticSeverity.Info, null, "Firewall FQDN rule not evaluated",
            "Network rule {rule} of firewall {firewall} names destination FQDNs; the twin does not resolve names, so the rule matches no packet in the analysis.",
            "Give destination addresses instead of FQDNs where the analysis matters.",
            "https://learn.microsoft.com/azure/firewall/fqdn-filtering-network-rules");

        public static readonly DiagnosticDescriptor TraceNoAddress = new(
            "VNL9808", DiagnosticSeverity.Warning, null, "Endpoint without a usable address",
            "{endpoint} has no IPv4 address the twin can trace from or to; IPv6 flows and NICs without a private IP are not analysed.",
            "Give the NIC's IP configuration a privateIPAddress, or trace by IP.",
            "issue #6");

        public static readonly DiagnosticDescriptor TraceFromInternetNotModelled = new(
            "VNL9809", DiagnosticSeverity.Warning, null, "Inbound traffic from the Internet not modelled",
            "Traffic from the Internet to {destination} would enter through a public IP or load balancer; the twin does not trace inbound Internet traffic yet.",
            "Trace the outbound direction (from the NIC to the Internet) instead; its return is symmetric through the same SNAT.",
            "issue #6");

        public static readonly DiagnosticDescriptor TraceDestinationNotInEstate = new(
            "VNL9810", DiagnosticSeverity.Warning, null, "Destination VNet not in the estate",
            "A {nextHopType} route sends {destination} to a peered VNet that is not in the estate; the twin cannot check that VNet's NSGs or NICs.",
            "Add the peered VNet (its subnets, NSGs and NICs) to the estate; export its resource group too.",
            "DESIGN.md: the estate records unresolved references");

        public static readonly DiagnosticDescriptor TraceResourceMissing = new(
            "VNL9811", DiagnosticSeverity.Warning, null, "Resource on the path not in the estate",
            "The packet's path needs {what}, which is not in the estate; the twin cannot follow it past {where}.",
            "Add {what} to the estate (export its resource group too).",
            "DESIGN.md: the estate records unresolved references");
    }

    public static Diagnostic AsymmetricPath(ResourceId? resourceId, string flow, string reason) =>
        Create(Descriptors.AsymmetricPath, resourceId, null, ("flow", flow), ("reason", reason));

    public static Diagnostic PolicyAssertionFailed(string assertion, string reason) =>
        Create(Descriptors.PolicyAssertionFailed, null, null, ("assertion", assertion), ("reason", reason));

    public static Diagnostic TraceServiceEndpointNotFollowed(ResourceId subnetId, string destination, string prefix) =>
        Create(Descriptors.TraceServiceEndpointNotFollowed, subnetId, null, ("destination", destination), ("prefix", prefix));

    public static Diagnostic TraceNextHopNotInEstate(ResourceId subnetId, string prefix, string address) =>
        Create(Descriptors.TraceNextHopNotInEstate, subnetId, null, ("prefix", prefix), ("address", address));

    public static Diagnostic TraceFirewallPolicyNotModelled(ResourceId firewallId) =>
        Create(Descriptors.TraceFirewallPolicyNotModelled, firewallId, null, ("firewall", firewallId.Name));

    public static Diagnostic TraceGatewayRouteUnknown(ResourceId gatewayId, string destination) =>
        Create(Descriptors.TraceGatewayRouteUnknown, gatewayId, null, ("gateway", gatewayId.Name), ("destination", destination));

    public static Diagnostic TraceAddressInNoSubnet(ResourceId vnetId, string destination) =>
        Create(Descriptors.TraceAddressInNoSubnet, vnetId, null, ("vnet", vnetId.Name), ("destination", destination));

    public static Diagnostic TraceSiteReturnConnectionAssumed(ResourceId siteId, string prefix, int count, ResourceId connectionId) =>
        Create(Descriptors.TraceSiteReturnConnectionAssumed, siteId, null, ("site", siteId.Name), ("prefix", prefix), ("count", count),
            ("connection", connectionId.Name));

    public static Diagnostic TraceFirewallFqdnRuleSkipped(ResourceId firewallId, string rule) =>
        Create(Descriptors.TraceFirewallFqdnRuleSkipped, firewallId, null, ("firewall", firewallId.Name), ("rule", rule));

    public static Diagnostic TraceNoAddress(ResourceId? resourceId, string endpoint) =>
        Create(Descriptors.TraceNoAddress, resourceId, null, ("endpoint", endpoint));

    public static Diagnostic TraceDestinationNotInEstate(ResourceId subnetId, string nextHopType, string destination) =>
        Create(Descriptors.TraceDestinationNotInEstate, subnetId, null, ("nextHopType", nextHopType), ("destination", destination));

    public static Diagnostic TraceResourceMissing(ResourceId where, string what) =>
        Create(Descriptors.TraceResourceMissing, where, null, ("what", what), ("where", where.Name));

    public static Diagnostic TraceFromInternetNotModelled(string destination) =>
        Create(Descriptors.TraceFromInternetNotModelled, null, null, ("destination", destination));
}
