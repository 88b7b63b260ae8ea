using System.Collections.Immutable;
using VNetLab.Diagnostics;
using VNetLab.Model;

namespace VNetLab.Validation.Rules.RouteTables;

/// <summary>
/// Next hop VirtualNetworkGateway needs a VPN gateway, in the subnet's VNet or in the VNet whose gateways
/// it uses; it cannot be an ExpressRoute gateway and does not work while VPN and ExpressRoute gateways
/// coexist (constraints.md 6.4; semantics.md 3.11). Azure accepts such a route; it carries nothing.
/// </summary>
internal sealed class GatewayNextHopRule : ScopedValidationRule<RouteTable>
{
    public override ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = [DiagnosticCatalog.Descriptors.VirtualNetworkGatewayNextHopUnusable];

    public override ValidationReads Reads { get; } = ValidationReads.Around<RouteTable>(1, typeof(VirtualNetworkGateway));

    protected override IEnumerable<Diagnostic> Validate(Estate estate, RouteTable table)
    {
        List<Diagnostic>? findings = null;
        foreach (var route in table.Routes)
        {
            if (route.NextHopType != RouteNextHopType.VirtualNetworkGateway)
            {
                continue;
            }

            // The table's subnets, read in place: a list of them per table was garbage for every table without such a route.
            foreach (var associated in estate.AssociationsOf(table.Id))
            {
                if (associated is Subnet subnet && Problem(estate, subnet) is { } problem)
                {
                    Findings.Add(ref findings, DiagnosticCatalog.VirtualNetworkGatewayNextHopUnusable(route, subnet, problem));
                    break;
                }
            }
        }

        return Findings.OrNone(findings);
    }

    private static string? Problem(Estate estate, Subnet subnet)
    {
        var vnetId = subnet.VirtualNetworkId;
        var gateways = estate.GatewaysOf(vnetId);
        if (gateways.IsEmpty && estate.PeeringsOf(vnetId).FirstOrDefault(p => p.UseRemoteGateways) is { } transit)
        {
            vnetId = transit.RemoteVirtualNetworkId;
            gateways = estate.GatewaysOf(vnetId);
        }

        var hasVpn = gateways.Any(g => g.GatewayType == VirtualNetworkGatewayType.Vpn);
        var hasExpressRoute = gateways.Any(g => g.GatewayType == VirtualNetworkGatewayType.ExpressRoute);
        return (hasVpn, hasExpressRoute) switch
        {
            (true, true) => $"virtual network '{vnetId.Name}' has coexisting VPN and ExpressRoute gateways",
            (false, true) => $"virtual network '{vnetId.Name}' has an ExpressRoute gateway only",
            (false, false) => $"virtual network '{vnetId.Name}' has no VPN gateway",
            _ => null,
        };
    }
}
