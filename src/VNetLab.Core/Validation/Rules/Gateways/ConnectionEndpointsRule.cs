using System.Collections.Immutable;
using VNetLab.Diagnostics;
using VNetLab.Model;

namespace VNetLab.Validation.Rules.Gateways;

/// <summary>
/// A connection's endpoints fit its type (constraints.md §4): IPsec joins a VPN gateway to a local network
/// gateway, Vnet2Vnet two VPN gateways, ExpressRoute an ExpressRoute gateway to a circuit; and a VNet-to-VNet
/// connection needs route-based gateways at both ends (4.8).
/// </summary>
internal sealed class ConnectionEndpointsRule : IValidationRule
{
    public ImmutableArray<DiagnosticDescriptor> Descriptors { get; } =
        [DiagnosticCatalog.Descriptors.ConnectionEndpointsMismatch, DiagnosticCatalog.Descriptors.Vnet2VnetRequiresRouteBased];

    public ValidationReads Reads { get; } = ValidationReads.EstateWide(typeof(VirtualNetworkGateway), typeof(VirtualNetworkGatewayConnection));

    public IEnumerable<Diagnostic> Validate(Estate estate)
    {
        foreach (var connection in estate.Connections.Where(c => c.ConnectionType != VirtualNetworkGatewayConnectionType.VPNClient))
        {
            var problem = Problem(estate, connection);
            if (problem is not null)
            {
                yield return DiagnosticCatalog.ConnectionEndpointsMismatch(connection, problem);
                continue;
            }

            if (connection.ConnectionType == VirtualNetworkGatewayConnectionType.Vnet2Vnet)
            {
                var policyBased = new[] { connection.VirtualNetworkGateway1Id, connection.VirtualNetworkGateway2Id }
                    .Select(estate.Find<VirtualNetworkGateway>)
                    .FirstOrDefault(g => g?.VpnType == VpnType.PolicyBased);
                if (policyBased is not null)
                {
                    yield return DiagnosticCatalog.Vnet2VnetRequiresRouteBased(connection, policyBased.Id);
                }
            }
        }
    }

    private static string? Problem(Estate estate, VirtualNetworkGatewayConnection connection)
    {
        if (connection.VirtualNetworkGateway1Id is null)
        {
            return "names no virtual network gateway (virtualNetworkGateway1)";
        }

        var (expected, expectedName) = connection.ConnectionType == VirtualNetworkGatewayConnectionType.ExpressRoute
            ? (VirtualNetworkGatewayType.ExpressRoute, "an ExpressRoute")
            : (VirtualNetworkGatewayType.Vpn, "a VPN");
        foreach (var id in new[] { connection.VirtualNetworkGateway1Id, connection.VirtualNetworkGateway2Id })
        {
            if (estate.Find<VirtualNetworkGateway>(id) is { } gateway && gateway.GatewayType != expected)
            {
                return $"uses gateway '{gateway.Name}' of type {gateway.GatewayType}, but needs {expectedName} gateway";
            }
        }

        return connection.ConnectionType switch
        {
            VirtualNetworkGatewayConnectionType.IPsec when connection.LocalNetworkGateway2Id is null => "names no local network gateway (localNetworkGateway2)",
            VirtualNetworkGatewayConnectionType.Vnet2Vnet when connection.VirtualNetworkGateway2Id is null => "names no second virtual network gateway (virtualNetworkGateway2)",
            VirtualNetworkGatewayConnectionType.ExpressRoute when connection.PeerId is null => "names no ExpressRoute circuit (peer)",
            _ => null,
        };
    }
}
