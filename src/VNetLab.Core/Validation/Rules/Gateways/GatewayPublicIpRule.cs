using System.Collections.Immutable;
using VNetLab.Diagnostics;
using VNetLab.Model;
using VNetLab.Validation.Facts;

namespace VNetLab.Validation.Rules.Gateways;

/// <summary>
/// Public IPs of gateways (constraints.md 3.4, 3.14, 3.24): a VPN gateway IP configuration needs one; a
/// Basic VPN gateway cannot take a Standard public IP (Azure then deploys on a scale set, where Basic does
/// not exist); other VPN SKUs cannot take a Basic public IP; ErGwScale needs Standard.
/// </summary>
internal sealed class GatewayPublicIpRule : IValidationRule
{
    public ImmutableArray<DiagnosticDescriptor> Descriptors { get; } =
    [
        DiagnosticCatalog.Descriptors.PublicIpForGatewayIsRequired,
        DiagnosticCatalog.Descriptors.InvalidGatewaySkuForDeploymentType,
        DiagnosticCatalog.Descriptors.PublicIpWithBasicSkuNotAllowedOnVpnGateways,
        DiagnosticCatalog.Descriptors.ErGwScaleRequiresStandardPublicIp,
    ];

    public ValidationReads Reads { get; } = ValidationReads.EstateWide(typeof(VirtualNetworkGateway), typeof(PublicIpAddress));

    public IEnumerable<Diagnostic> Validate(Estate estate)
    {
        foreach (var gateway in estate.VirtualNetworkGateways)
        {
            var isVpn = gateway.GatewayType == VirtualNetworkGatewayType.Vpn;
            if (isVpn)
            {
                foreach (var ipConfiguration in gateway.IpConfigurations.Where(c => c.PublicIpAddressId is null))
                {
                    yield return DiagnosticCatalog.PublicIpForGatewayIsRequired(gateway, ipConfiguration);
                }
            }

            var publicIps = gateway.IpConfigurations.Select(c => estate.Find<PublicIpAddress>(c.PublicIpAddressId)).OfType<PublicIpAddress>().ToList();
            if (isVpn && GatewaySkus.IsBasic(gateway) && publicIps.FirstOrDefault(p => GatewaySkus.Is(p.SkuName, "Standard")) is { } standard)
            {
                yield return DiagnosticCatalog.InvalidGatewaySkuForDeploymentType(gateway, standard);
            }
            else if (isVpn && gateway.SkuName is not null && !GatewaySkus.IsBasic(gateway)
                && publicIps.FirstOrDefault(p => GatewaySkus.Is(p.SkuName, "Basic")) is { } basic)
            {
                yield return DiagnosticCatalog.PublicIpWithBasicSkuNotAllowedOnVpnGateways(gateway, basic);
            }
            else if (gateway.GatewayType == VirtualNetworkGatewayType.ExpressRoute && GatewaySkus.Is(gateway.SkuName, "ErGwScale")
                && publicIps.FirstOrDefault(p => GatewaySkus.Is(p.SkuName, "Basic")) is { } basicForScale)
            {
                yield return DiagnosticCatalog.ErGwScaleRequiresStandardPublicIp(gateway, basicForScale);
            }
        }
    }
}
