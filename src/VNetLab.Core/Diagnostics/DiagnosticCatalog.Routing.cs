using VNetLab.Addressing;
using VNetLab.Model;

namespace VNetLab.Diagnostics;

// VNL90xx: fidelity notes of the routing engine. Each says which assumption the twin made where Azure's
// behaviour is undocumented or has changed over time (shared/azure/semantics.md §7), so that a routes or
// next-hop answer never rests on a silent guess. Notes are info: they never change an exit code.
public static partial class DiagnosticCatalog
{
    public static partial class Descriptors
    {
        public static readonly DiagnosticDescriptor PlatformNoneRoutesAssumed = new(
            "VNL9001", DiagnosticSeverity.Info, null, "Platform None routes: version assumed",
            "The platform None routes are the '{set}' set ({count} prefixes; {source}). Real effective route tables have listed other sets over the years, so None rows may differ from the Azure output you compare with.",
            "Choose the set that matches your Azure output with --platform-routes (documented, 2020, 2021, 2023, 2025), or compare tables without the None rows.",
            "semantics.md 7.1");

        public static readonly DiagnosticDescriptor GatewayNextHopShapeAssumed = new(
            "VNL9002", DiagnosticSeverity.Info, null, "Active-active gateway routes: entry shape assumed",
            "Gateway {gateway} is active-active: its routes are listed as {shape}. Azure listed one entry per instance address until 2023 and one entry holding both addresses since 2024.",
            "Use --gateway-next-hops per-address to get the older shape when comparing with output captured before 2024.",
            "semantics.md 7.4");

        public static readonly DiagnosticDescriptor GatewayNextHopUnknown = new(
            "VNL9003", DiagnosticSeverity.Info, null, "Gateway route next hop address unknown",
            "The next hop address of the routes installed by gateway {gateway} is not known: {reason}. The routes are listed without a next hop IP.",
            "Add the missing data to the estate: {remedy}.",
            "semantics.md 3.10");

        public static readonly DiagnosticDescriptor ExpressRouteNextHopUnknown = new(
            "VNL9004", DiagnosticSeverity.Info, null, "ExpressRoute route next hop address unknown",
            "Routes learned by ExpressRoute gateway {gateway} have the circuit's edge routers (MSEE) as next hop, whose addresses the configuration does not contain; they are listed without a next hop IP.",
            "Nothing to change: the next hop address only appears in Azure's output, traffic still goes to the circuit.",
            "semantics.md 3.10, 7.4");

        public static readonly DiagnosticDescriptor SplitDefaultRouteKeepsInternetRoute = new(
            "VNL9005", DiagnosticSeverity.Info, null, "0.0.0.0/1 + 128.0.0.0/1 from a gateway: Default route kept",
            "VNet {vnet} receives 0.0.0.0/1 and 128.0.0.0/1 from gateway {gateway}. The twin keeps the Default 0.0.0.0/0 Internet route Active and the platform None routes listed, as captured Azure output with the pair from local network gateways shows; the /1 routes still take all traffic by longest prefix match. Seed 000 reports the Default route as Invalid, and no capture shows the pair learned over BGP.",
            "Nothing to change; the forwarding decision is the same either way. Give subnets that must keep direct Internet access User routes 0.0.0.0/1 and 128.0.0.0/1 to Internet.",
            "semantics.md 3.6, 7.2, 7.3");

        public static readonly DiagnosticDescriptor GatewayRouteInsidePeeredRange = new(
            "VNL9006", DiagnosticSeverity.Info, null, "Gateway route inside a peered range not listed",
            "Gateway route {prefix} lies inside {range}, an address range of directly peered VNet {peer}, so it cannot override the peering route and is not listed for VNet {vnet}; whether Azure lists it (as Invalid) is not known.",
            "Nothing to change; traffic to {prefix} goes over the peering either way.",
            "semantics.md 3.3, 7.11");

        public static readonly DiagnosticDescriptor UnreachableApplianceRouteState = new(
            "VNL9007", DiagnosticSeverity.Info, null, "Unreachable appliance: effective route state assumed",
            "User route {route} sends {prefix} to {address}, which is neither in VNet {vnet} nor in a directly peered VNet: Network Watcher answers next hop type None for it. The twin lists the route as Active because what Azure's effective routes show for it is not documented.",
            "Point the route at an appliance inside the VNet or a directly peered VNet.",
            "semantics.md 1.3, 3.12, 7.9");

        public static readonly DiagnosticDescriptor UserDefaultRouteNoneRowsAssumed = new(
            "VNL9008", DiagnosticSeverity.Info, null, "User 0.0.0.0/0: platform None rows assumed",
            "Route table {routeTable} sends 0.0.0.0/0 to {nextHopType}: the twin {effect} the platform None routes. Azure's output for this next hop type has not been recorded.",
            "Nothing to change unless you compare with Azure output that differs; then report the capture.",
            "semantics.md 3.2, 7.2");

        public static readonly DiagnosticDescriptor ServiceEndpointPrefixesUnknown = new(
            "VNL9009", DiagnosticSeverity.Info, null, "Service endpoint prefixes unknown",
            "The service endpoint route for {service} on subnet {subnet} has no prefixes because {reason}; it is listed without prefixes and matches no destination.",
            "Pass a service tags file (the ServiceTags_Public JSON from the Azure download center) with --service-tags.",
            "semantics.md 2.2");

        public static readonly DiagnosticDescriptor ServiceTagRouteUnresolved = new(
            "VNL9010", DiagnosticSeverity.Info, null, "Service tag route not resolved",
            "User route {route} has service tag {tag} as destination, and {reason}; the route is left out of the effective routes.",
            "Pass a service tags file that contains {tag} with --service-tags.",
            "semantics.md 3.5");

        public static readonly DiagnosticDescriptor PeeringStateAssumed = new(
            "VNL9011", DiagnosticSeverity.Info, null, "Peering state assumed",
            "Peering {peering} has no peeringState: the twin assumes {state} because {reason}.",
            "Export the peering from Azure (its peeringState is then known), or add the missing side of the peering.",
            "semantics.md 2.2");

        public static readonly DiagnosticDescriptor PeeringRegionUnknown = new(
            "VNL9012", DiagnosticSeverity.Info, null, "Peering region unknown",
            "Peering {peering}: the region of {vnet} is not given, so the twin lists its routes as VNetPeering (same region) rather than VNetGlobalPeering.",
            "Give every VNet its location.",
            "semantics.md 1.2");

        public static readonly DiagnosticDescriptor RemoteVnetTrafficAssumed = new(
            "VNL9013", DiagnosticSeverity.Info, null, "VNets on one ExpressRoute circuit: route exchange assumed",
            "ExpressRoute gateways {gateway} and {other} are both linked to circuit {circuit} and allowRemoteVnetTraffic is not given: the twin assumes {gateway} learns the prefixes of {otherVnet} over the circuit, as documented until 2025. Gateways created since need 'Allow traffic from remote virtual networks' enabled on both sides.",
            "Set allowRemoteVnetTraffic on both gateways (true or false) to state which behaviour applies.",
            "semantics.md 5.7");

        public static readonly DiagnosticDescriptor GatewayRouteTableIdAssumed = new(
            "VNL9014", DiagnosticSeverity.Info, null, "Next hop of a gateway route: routeTableId assumed",
            "The next hop was decided by a route of gateway {gateway}; the twin answers routeTableId 'System Route', which Azure's output for gateway routes has not confirmed.",
            "Nothing to change.",
            "semantics.md 7.4");

        public static readonly DiagnosticDescriptor NoneRouteReplacedByGatewayRoute = new(
            "VNL9015", DiagnosticSeverity.Info, null, "Platform None route with a gateway route's prefix",
            "VNet {vnet} receives gateway route {prefix}, the same prefix as a platform None route: the twin drops the None row (one low-confidence capture).",
            "Nothing to change; the gateway route decides either way.",
            "semantics.md 7.2");

        public static readonly DiagnosticDescriptor NoneRouteReplacedByPeeredRange = new(
            "VNL9016", DiagnosticSeverity.Info, null, "Platform None route inside a peered range",
            "The platform None route {prefix} is equal to or inside {range}, an address range of VNet {peer} peered with {vnet}: the twin drops it as it would for the VNet's own range; Learn documents the rule only for the VNet's own address space.",
            "Nothing to change; traffic to {range} goes over the peering either way.",
            "semantics.md 2.1");

        public static readonly DiagnosticDescriptor StaticVpnAdvertisementAssumed = new(
            "VNL9017", DiagnosticSeverity.Info, null, "Static VPN: on-premises routes assumed",
            "Connection {connection} does not run BGP, so Azure advertises nothing over it; the twin assumes the device behind it routes the {count} Azure prefixes of gateway {gateway} (its VNet and the spokes using it) into the tunnel.",
            "Enable BGP on the connection, or check that the device's static routes match.",
            "semantics.md 5.2");

        public static readonly DiagnosticDescriptor Ipv6DefaultRouteAssumed = new(
            "VNL9018", DiagnosticSeverity.Info, null, "IPv6 system routes assumed",
            "VNet {vnet} has IPv6 address ranges: the twin adds Default ::/0 Internet next to their VnetLocal routes, mirroring 0.0.0.0/0; the sources describe IPv4 system routes only.",
            "Nothing to change.",
            "semantics.md 2.1");

        public static readonly DiagnosticDescriptor AdvertisementIgnoredWithoutBgp = new(
            "VNL9019", DiagnosticSeverity.Info, null, "External site advertisements ignored without BGP",
            "External site {site} advertises {count} prefixes over connection {connection}, which does not run BGP: only the local network gateway's address prefixes become routes.",
            "Enable BGP on the connection and its gateway, or list the prefixes in the local network gateway's address space.",
            "semantics.md 2.2, 5.2");
    }

    public static Diagnostic PlatformNoneRoutesAssumed(string set, int count, string source) =>
        Create(Descriptors.PlatformNoneRoutesAssumed, null, null, ("set", set), ("count", count), ("source", source));

    public static Diagnostic GatewayNextHopShapeAssumed(ResourceId gateway, bool oneEntryPerAddress) =>
        Create(Descriptors.GatewayNextHopShapeAssumed, gateway, null, ("gateway", gateway.Name),
            ("shape", oneEntryPerAddress ? "one entry per instance address" : "one entry holding both instance addresses"));

    public static Diagnostic GatewayNextHopUnknown(ResourceId gateway, string reason, string remedy) =>
        Create(Descriptors.GatewayNextHopUnknown, gateway, null, ("gateway", gateway.Name), ("reason", reason), ("remedy", remedy));

    public static Diagnostic ExpressRouteNextHopUnknown(ResourceId gateway) =>
        Create(Descriptors.ExpressRouteNextHopUnknown, gateway, null, ("gateway", gateway.Name));

    public static Diagnostic SplitDefaultRouteKeepsInternetRoute(ResourceId vnet, ResourceId gateway) =>
        Create(Descriptors.SplitDefaultRouteKeepsInternetRoute, vnet, null, ("vnet", vnet.Name), ("gateway", gateway.Name));

    public static Diagnostic GatewayRouteInsidePeeredRange(ResourceId vnet, IpPrefix prefix, IpPrefix range, ResourceId peer) =>
        Create(Descriptors.GatewayRouteInsidePeeredRange, vnet, null, ("vnet", vnet.Name), ("prefix", prefix), ("range", range), ("peer", peer.Name));

    public static Diagnostic UnreachableApplianceRouteState(ResourceId route, IpPrefix prefix, IpAddress address, ResourceId vnet) =>
        Create(Descriptors.UnreachableApplianceRouteState, route, null, ("route", route.Name), ("prefix", prefix), ("address", address), ("vnet", vnet.Name));

    public static Diagnostic UserDefaultRouteNoneRowsAssumed(ResourceId routeTable, string nextHopType, bool removed) =>
        Create(Descriptors.UserDefaultRouteNoneRowsAssumed, routeTable, null, ("routeTable", routeTable.Name), ("nextHopType", nextHopType),
            ("effect", removed ? "removes" : "keeps"));

    public static Diagnostic ServiceEndpointPrefixesUnknown(ResourceId subnet, string service, string reason) =>
        Create(Descriptors.ServiceEndpointPrefixesUnknown, subnet, null, ("service", service), ("subnet", subnet.Name), ("reason", reason));

    public static Diagnostic ServiceTagRouteUnresolved(ResourceId route, string tag, string reason) =>
        Create(Descriptors.ServiceTagRouteUnresolved, route, null, ("route", route.Name), ("tag", tag), ("reason", reason));

    public static Diagnostic PeeringStateAssumed(ResourceId peering, string state, string reason) =>
        Create(Descriptors.PeeringStateAssumed, peering, null, ("peering", peering.Name), ("state", state), ("reason", reason));

    public static Diagnostic PeeringRegionUnknown(ResourceId peering, ResourceId vnet) =>
        Create(Descriptors.PeeringRegionUnknown, peering, null, ("peering", peering.Name), ("vnet", vnet.Name));

    public static Diagnostic RemoteVnetTrafficAssumed(ResourceId gateway, ResourceId other, ResourceId circuit, ResourceId otherVnet) =>
        Create(Descriptors.RemoteVnetTrafficAssumed, gateway, null, ("gateway", gateway.Name), ("other", other.Name), ("circuit", circuit.Name),
            ("otherVnet", otherVnet.Name));

    public static Diagnostic GatewayRouteTableIdAssumed(ResourceId gateway) =>
        Create(Descriptors.GatewayRouteTableIdAssumed, gateway, null, ("gateway", gateway.Name));

    public static Diagnostic NoneRouteReplacedByGatewayRoute(ResourceId vnet, IpPrefix prefix) =>
        Create(Descriptors.NoneRouteReplacedByGatewayRoute, vnet, null, ("vnet", vnet.Name), ("prefix", prefix));

    public static Diagnostic NoneRouteReplacedByPeeredRange(ResourceId vnet, IpPrefix prefix, IpPrefix range, ResourceId peer) =>
        Create(Descriptors.NoneRouteReplacedByPeeredRange, vnet, null, ("vnet", vnet.Name), ("prefix", prefix), ("range", range), ("peer", peer.Name));

    public static Diagnostic StaticVpnAdvertisementAssumed(ResourceId connection, ResourceId gateway, int count) =>
        Create(Descriptors.StaticVpnAdvertisementAssumed, connection, null, ("connection", connection.Name), ("gateway", gateway.Name), ("count", count));

    public static Diagnostic Ipv6DefaultRouteAssumed(ResourceId vnet) =>
        Create(Descriptors.Ipv6DefaultRouteAssumed, vnet, null, ("vnet", vnet.Name));

    public static Diagnostic AdvertisementIgnoredWithoutBgp(ResourceId site, ResourceId connection, int count) =>
        Create(Descriptors.AdvertisementIgnoredWithoutBgp, site, null, ("site", site.Name), ("connection", connection.Name), ("count", count));
}
