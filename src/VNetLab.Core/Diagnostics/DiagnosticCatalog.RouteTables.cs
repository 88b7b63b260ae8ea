using VNetLab.Addressing;
using VNetLab.Model;

namespace VNetLab.Diagnostics;

// VNL5xxx: route tables, user-defined routes and gateway route propagation.
public static partial class DiagnosticCatalog
{
    public static partial class Descriptors
    {
        public static readonly DiagnosticDescriptor RouteConflict = new(
            "VNL5001", DiagnosticSeverity.Error, "RouteConflict", "Two routes for the same prefix",
            "Route: {routeName} conflicts with Route: {otherRouteName}. Routes cannot have the same AddressPrefix.",
            "Keep one route for {prefix} in route table '{routeTableName}': delete '{routeName}' or change its address prefix.",
            "constraints.md 6.1")
        { IsAzureText = true };

        public static readonly DiagnosticDescriptor MissingNextHopIpAddress = new(
            "VNL5002", DiagnosticSeverity.Error, "MissingNextHopIpAddress", "VirtualAppliance route without a next hop IP",
            "NextHopIpAddress cannot be Null or Empty in route {routeName} when NextHopType is VirtualAppliance.",
            "Set nextHopIpAddress to the private IP of the appliance (its NIC, or an internal load balancer frontend).",
            "constraints.md 6.2")
        { IsAzureText = true };

        public static readonly DiagnosticDescriptor NextHopIpAddressNotAllowed = new(
            "VNL5003", DiagnosticSeverity.Error, null, "Next hop IP on a route that is not VirtualAppliance",
            "Route {routeId} has next hop type {nextHopType} and next hop IP {ip}; only VirtualAppliance routes take a next hop IP.",
            "Remove nextHopIpAddress, or use nextHopType VirtualAppliance if {ip} is an appliance." + AzureTextUnknown,
            "constraints.md 6.2");

        public static readonly DiagnosticDescriptor InvalidNextHopIpAddress = new(
            "VNL5004", DiagnosticSeverity.Error, null, "Next hop IP that is not an IP address",
            "Route {routeId} has next hop IP '{value}', which is not an IP address.",
            "Give the appliance's private IP address, for example 10.0.1.4." + AzureTextUnknown,
            "constraints.md 6.2");

        public static readonly DiagnosticDescriptor VirtualApplianceNotReachable = new(
            "VNL5005", DiagnosticSeverity.Warning, null, "Virtual appliance outside the subnet's VNet and peers",
            "Route {routeId} sends {prefix} to virtual appliance {ip}, which is neither in virtual network {vnetId} of subnet {subnetId} nor in a virtual network peered with it; Azure accepts the route, but it does not work (Network Watcher reports next hop None).",
            "Point the route at an appliance in the subnet's VNet or in a directly peered VNet; an appliance reachable only through a gateway cannot be a next hop.",
            "constraints.md 6.3; semantics.md 3.12");

        public static readonly DiagnosticDescriptor VirtualApplianceWithoutIpForwarding = new(
            "VNL5006", DiagnosticSeverity.Warning, null, "Virtual appliance without IP forwarding",
            "Route {routeId} sends {prefix} to {ip}, an address of network interface {nicId}, which does not have IP forwarding enabled; Azure drops the packets the appliance did not originate.",
            "Enable IP forwarding (enableIPForwarding) on '{nicName}', and forwarding in the appliance's operating system.",
            "constraints.md 6.3; semantics.md 3.12");

        public static readonly DiagnosticDescriptor VirtualNetworkGatewayNextHopUnusable = new(
            "VNL5007", DiagnosticSeverity.Warning, null, "Route to a gateway that cannot be a next hop",
            "Route {routeId} sends {prefix} to the virtual network gateway, but {problem}; the route has no working next hop for subnet {subnetId}.",
            "Next hop VirtualNetworkGateway works only with a VPN gateway, and not while VPN and ExpressRoute gateways coexist; route to an appliance, or rely on the gateway's own routes. Azure accepts the route.",
            "constraints.md 6.4; semantics.md 3.11");

        public static readonly DiagnosticDescriptor RoutesPerTableLimit = new(
            "VNL5008", DiagnosticSeverity.Error, null, "Too many routes in a route table",
            "Route table {routeTableId} has {count} routes; Azure allows {limit}.",
            "Summarise routes or split the subnets over several route tables." + AzureTextUnknown,
            "constraints.md 6.6");

        public static readonly DiagnosticDescriptor RouteTablesPerSubscriptionLimit = new(
            "VNL5009", DiagnosticSeverity.Error, null, "Too many route tables in a subscription and region",
            "Subscription {subscriptionId} has {count} route tables in {region}; Azure allows {limit}.",
            "Share route tables between subnets that need the same routes." + AzureTextUnknown,
            "constraints.md 6.6");

        public static readonly DiagnosticDescriptor ServiceTagRoutesLimit = new(
            "VNL5010", DiagnosticSeverity.Error, null, "Too many service-tag routes in a route table",
            "Route table {routeTableId} has {count} routes whose address prefix is a service tag; Azure allows {limit}.",
            "Use fewer service-tag routes (a broader tag such as AzureCloud covers many regional ones)." + AzureTextUnknown,
            "constraints.md 6.7");

        public static readonly DiagnosticDescriptor ServiceTagNotAllowedInRoute = new(
            "VNL5011", DiagnosticSeverity.Error, null, "Service tag that routes cannot use",
            "Route {routeId} uses service tag {tag} as its address prefix; {tag} cannot be used in a route.",
            "Use a CIDR or another service tag; AzurePlatformDNS, AzurePlatformIMDS, AzurePlatformLKM, VirtualNetwork, AzureLoadBalancer and Internet are not allowed in routes." + AzureTextUnknown,
            "semantics.md 4.5; constraints.md 6.7");

        public static readonly DiagnosticDescriptor InvalidRouteAddressPrefix = new(
            "VNL5012", DiagnosticSeverity.Error, "InvalidAddressPrefixFormat", "Route prefix not in CIDR notation",
            "Address prefix {prefix} of resource {resourceId} is not formatted correctly. It should follow CIDR notation, for example 10.0.0.0/24.",
            "Write the route's address prefix as a.b.c.d/n (n from 0 to 32), or give a service tag name.",
            "constraints.md 2.1")
        { IsAzureText = true };

        public static readonly DiagnosticDescriptor DefaultRouteOnGatewaySubnet = new(
            "VNL5013", DiagnosticSeverity.Error, null, "0.0.0.0/0 route on GatewaySubnet",
            "Route table {routeTableId} on GatewaySubnet of virtual network {vnetId} has route '{routeName}' for 0.0.0.0/0; a gateway cannot be created with, and does not work with, a default route on its subnet.",
            "Remove the 0.0.0.0/0 route from the GatewaySubnet's route table (routes for specific prefixes, e.g. spokes to a firewall, are fine)." + AzureTextUnknown,
            "constraints.md 6.9");

        public static readonly DiagnosticDescriptor BgpPropagationDisabledOnGatewaySubnet = new(
            "VNL5014", DiagnosticSeverity.Error, null, "Gateway route propagation disabled on GatewaySubnet",
            "Route table {routeTableId} on GatewaySubnet of virtual network {vnetId} has disableBgpRoutePropagation set; the gateway does not work with gateway route propagation disabled on its subnet.",
            "Set disableBgpRoutePropagation to false on the route table of GatewaySubnet (or use a separate route table for it)." + AzureTextUnknown,
            "constraints.md 6.10");

        public static readonly DiagnosticDescriptor RouteTableLocationMismatch = new(
            "VNL5015", DiagnosticSeverity.Warning, null, "Route table in another region or subscription than the VNet",
            "Route table {routeTableId} ({routeTableRegion}, subscription {routeTableSubscription}) is associated with subnet {subnetId} of a virtual network in {vnetRegion}, subscription {vnetSubscription}; a route table must be in the same region and subscription as the virtual network.",
            "Create the route table in the VNet's region and subscription. (A warning, not an error: the documentation this rests on was not re-verified.)",
            "constraints.md 6.13");

        public static readonly DiagnosticDescriptor VirtualApplianceInSameSubnet = new(
            "VNL5016", DiagnosticSeverity.Warning, null, "Appliance inside the subnet that routes through it",
            "Route {routeId} sends {prefix} from subnet {subnetId} to {ip}, an appliance inside that same subnet; what the appliance forwards is routed back to itself.",
            "Put the appliance in its own subnet, without this route table.",
            "constraints.md 6.14");
    }

    public static Diagnostic RouteConflict(Route route, Route other, string prefix) =>
        Create(Descriptors.RouteConflict, route, ("routeName", route.Name), ("otherRouteName", other.Name), ("prefix", prefix),
            ("routeTableName", route.RouteTableId.Name));

    public static Diagnostic MissingNextHopIpAddress(Route route) =>
        Create(Descriptors.MissingNextHopIpAddress, route, ("routeName", route.Name));

    public static Diagnostic NextHopIpAddressNotAllowed(Route route, string ip) =>
        Create(Descriptors.NextHopIpAddressNotAllowed, route, ("routeId", route.Id), ("nextHopType", route.NextHopType), ("ip", ip));

    public static Diagnostic InvalidNextHopIpAddress(Route route, string value) =>
        Create(Descriptors.InvalidNextHopIpAddress, route, ("routeId", route.Id), ("value", value));

    public static Diagnostic VirtualApplianceNotReachable(Route route, IpAddress ip, Subnet subnet) =>
        Create(Descriptors.VirtualApplianceNotReachable, route, ("routeId", route.Id), ("prefix", route.AddressPrefix), ("ip", ip),
            ("vnetId", subnet.VirtualNetworkId), ("subnetId", subnet.Id));

    public static Diagnostic VirtualApplianceWithoutIpForwarding(Route route, IpAddress ip, NetworkInterface nic) =>
        Create(Descriptors.VirtualApplianceWithoutIpForwarding, route, ("routeId", route.Id), ("prefix", route.AddressPrefix), ("ip", ip),
            ("nicId", nic.Id), ("nicName", nic.Name));

    // problem: Why no gateway can take the route, e.g. "virtual network hub has no VPN gateway".
    public static Diagnostic VirtualNetworkGatewayNextHopUnusable(Route route, Subnet subnet, string problem) =>
        Create(Descriptors.VirtualNetworkGatewayNextHopUnusable, route, ("routeId", route.Id), ("prefix", route.AddressPrefix),
            ("problem", problem), ("subnetId", subnet.Id));

    public static Diagnostic RoutesPerTableLimit(RouteTable table, int count, int limit) =>
        Create(Descriptors.RoutesPerTableLimit, table, ("routeTableId", table.Id), ("count", count), ("limit", limit));

    public static Diagnostic RouteTablesPerSubscriptionLimit(RouteTable table, string region, int count, int limit) =>
        Create(Descriptors.RouteTablesPerSubscriptionLimit, table, ("subscriptionId", table.Id.Subscription), ("region", region), ("count", count), ("limit", limit));

    public static Diagnostic ServiceTagRoutesLimit(RouteTable table, int count, int limit) =>
        Create(Descriptors.ServiceTagRoutesLimit, table, ("routeTableId", table.Id), ("count", count), ("limit", limit));

    public static Diagnostic ServiceTagNotAllowedInRoute(Route route) =>
        Create(Descriptors.ServiceTagNotAllowedInRoute, route, ("routeId", route.Id), ("tag", route.AddressPrefix));

    public static Diagnostic InvalidRouteAddressPrefix(Route route) =>
        Create(Descriptors.InvalidRouteAddressPrefix, route, ("prefix", route.AddressPrefix), ("resourceId", route.Id));

    public static Diagnostic DefaultRouteOnGatewaySubnet(Subnet gatewaySubnet, RouteTable table, Route route) =>
        Create(Descriptors.DefaultRouteOnGatewaySubnet, gatewaySubnet, ("routeTableId", table.Id), ("vnetId", gatewaySubnet.VirtualNetworkId), ("routeName", route.Name));

    public static Diagnostic BgpPropagationDisabledOnGatewaySubnet(Subnet gatewaySubnet, RouteTable table) =>
        Create(Descriptors.BgpPropagationDisabledOnGatewaySubnet, gatewaySubnet, ("routeTableId", table.Id), ("vnetId", gatewaySubnet.VirtualNetworkId));

    public static Diagnostic RouteTableLocationMismatch(Subnet subnet, RouteTable table, string routeTableRegion, string vnetRegion) =>
        Create(Descriptors.RouteTableLocationMismatch, subnet, ("routeTableId", table.Id), ("routeTableRegion", routeTableRegion),
            ("routeTableSubscription", table.Id.Subscription), ("subnetId", subnet.Id), ("vnetRegion", vnetRegion),
            ("vnetSubscription", subnet.Id.Subscription));

    public static Diagnostic VirtualApplianceInSameSubnet(Route route, Subnet subnet, IpAddress ip) =>
        Create(Descriptors.VirtualApplianceInSameSubnet, route, ("routeId", route.Id), ("prefix", route.AddressPrefix), ("subnetId", subnet.Id), ("ip", ip));
}
