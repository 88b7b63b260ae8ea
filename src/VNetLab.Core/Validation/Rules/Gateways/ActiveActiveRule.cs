using System.Collections.Immutable;
using VNetLab.Diagnostics;
using VNetLab.Model;
using VNetLab.Validation.Facts;

namespace VNetLab.Validation.Rules.Gateways;

/// <summary>
/// An active-active VPN gateway is not Basic, has exactly two IP configurations (three with
/// point-to-site), and its public IPs share SKU, allocation method and zones (constraints.md 3.6–3.8, 3.10).
/// </summary>
internal sealed class ActiveActiveRule : IValidationRule
{
    public ImmutableArray<DiagnosticDescriptor> Descriptors { get; } =
    [
        DiagnosticCatalog.Descriptors.BasicSkuNotActiveActive,
        DiagnosticCatalog.Descriptors.ActiveActiveGatewayMustHaveTwoIpConfigurations,
        DiagnosticCatalog.Descriptors.ActiveActiveP2SGatewayMustHaveThreeIpConfigurations,
        DiagnosticCatalog.Descriptors.ActiveActivePublicIpsDiffer,
    ];

    public ValidationReads Reads { get; } = ValidationReads.EstateWide(typeof(VirtualNetworkGateway), typeof(PublicIpAddress));

    public IEnumerable<Diagnostic> Validate(Estate estate)
    {
        foreach (var gateway in estate.VirtualNetworkGateways.Where(g => g.ActiveActive && g.GatewayType == VirtualNetworkGatewayType.Vpn))
        {
            if (GatewaySkus.IsBasic(gateway))
            {
                yield return DiagnosticCatalog.BasicSkuNotActiveActive(gateway);
                continue;
            }

            if (gateway.HasVpnClientConfiguration && gateway.IpConfigurations.Length != 3)
            {
                yield return DiagnosticCatalog.ActiveActiveP2SGatewayMustHaveThreeIpConfigurations(gateway);
            }
            else if (!gateway.HasVpnClientConfiguration && gateway.IpConfigurations.Length != 2)
            {
                yield return DiagnosticCatalog.ActiveActiveGatewayMustHaveTwoIpConfigurations(gateway);
            }

            var publicIps = gateway.IpConfigurations.Select(c => estate.Find<PublicIpAddress>(c.PublicIpAddressId)).OfType<PublicIpAddress>().ToList();
            var shapes = publicIps.Select(p => (
                Sku: (p.SkuName ?? "").ToUpperInvariant(),
                Allocation: (p.PublicIpAllocationMethod ?? "").ToUpperInvariant(),
                Zones: string.Join(',', p.Zones.Order(StringComparer.Ordinal)))).Distinct().Count();
            if (shapes > 1)
            {
                yield return DiagnosticCatalog.ActiveActivePublicIpsDiffer(gateway, publicIps);
            }
        }
    }
}
