using System.Collections.Immutable;
using VNetLab.Diagnostics;
using VNetLab.Model;
using VNetLab.Validation.Facts;

namespace VNetLab.Validation.Rules.Gateways;

/// <summary>
/// Site-to-site and VNet-to-VNet tunnels per VPN gateway SKU (constraints.md 3.10, 3.11): one tunnel per
/// IPsec connection, and one per remote gateway for VNet-to-VNet (its two connection objects are one tunnel).
/// </summary>
internal sealed class TunnelLimitRule : IValidationRule
{
    public ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = [DiagnosticCatalog.Descriptors.TunnelsOverSkuLimit];

    public ValidationReads Reads { get; } = ValidationReads.EstateWide(typeof(VirtualNetworkGateway), typeof(VirtualNetworkGatewayConnection));

    public IEnumerable<Diagnostic> Validate(Estate estate)
    {
        foreach (var gateway in estate.VirtualNetworkGateways.Where(g => g.GatewayType == VirtualNetworkGatewayType.Vpn))
        {
            if (GatewaySkus.TunnelLimit(gateway) is not { } limit)
            {
                continue;
            }

            var connections = estate.ConnectionsOf(gateway.Id);
            var ipsec = connections.Count(c => c.ConnectionType == VirtualNetworkGatewayConnectionType.IPsec && c.VirtualNetworkGateway1Id == gateway.Id);
            var vnetToVnet = connections
                .Where(c => c.ConnectionType == VirtualNetworkGatewayConnectionType.Vnet2Vnet)
                .Select(c => c.VirtualNetworkGateway1Id == gateway.Id ? c.VirtualNetworkGateway2Id : c.VirtualNetworkGateway1Id)
                .OfType<ResourceId>()
                .Distinct()
                .Count();
            if (ipsec + vnetToVnet > limit)
            {
                yield return DiagnosticCatalog.TunnelsOverSkuLimit(gateway, ipsec + vnetToVnet, limit);
            }
        }
    }
}
