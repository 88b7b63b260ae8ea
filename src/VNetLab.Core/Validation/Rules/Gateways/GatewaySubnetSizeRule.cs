using System.Collections.Immutable;
using VNetLab.Diagnostics;
using VNetLab.Model;
using VNetLab.Validation.Facts;

namespace VNetLab.Validation.Rules.Gateways;

/// <summary>
/// GatewaySubnet is large enough for the gateway (constraints.md 3.3): /29 is for the Basic VPN SKU only,
/// every other SKU needs /27 or larger, and an ExpressRoute gateway linking 16 circuits needs /26.
/// </summary>
internal sealed class GatewaySubnetSizeRule : IValidationRule
{
    public ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = [DiagnosticCatalog.Descriptors.GatewaySubnetTooSmall];

    public ValidationReads Reads { get; } = ValidationReads.EstateWide(typeof(VirtualNetwork), typeof(VirtualNetworkGateway), typeof(VirtualNetworkGatewayConnection));

    public IEnumerable<Diagnostic> Validate(Estate estate)
    {
        foreach (var gateway in estate.VirtualNetworkGateways.Where(g => g.SkuName is not null && g.GatewayType != VirtualNetworkGatewayType.LocalGateway))
        {
            var subnet = gateway.IpConfigurations.Select(c => estate.Find<Subnet>(c.SubnetId)).FirstOrDefault(s => s is { IsGatewaySubnet: true });
            var prefix = subnet?.AddressPrefixes.FirstOrDefault(p => p.Prefix.IsV4) ?? default;
            if (subnet is null || prefix.Text is null)
            {
                continue;
            }

            var (needed, requirement) = Requirement(estate, gateway);
            if (prefix.Prefix.Length > needed)
            {
                yield return DiagnosticCatalog.GatewaySubnetTooSmall(gateway, subnet, prefix, requirement, needed);
            }
        }
    }

    private static (int Length, string Requirement) Requirement(Estate estate, VirtualNetworkGateway gateway)
    {
        if (GatewaySkus.IsBasic(gateway))
        {
            return (29, "the Basic SKU needs /29 or larger");
        }

        if (gateway.GatewayType == VirtualNetworkGatewayType.ExpressRoute
            && CircuitsOf(estate, gateway) >= GatewaySkus.CircuitsNeedingSlash26)
        {
            return (26, $"an ExpressRoute gateway linking {GatewaySkus.CircuitsNeedingSlash26} circuits needs /26 or larger");
        }

        return (27, $"SKU {gateway.SkuName} needs /27 or larger (/28 and /29 are for the Basic VPN SKU only)");
    }

    internal static int CircuitsOf(Estate estate, VirtualNetworkGateway gateway) =>
        estate.ConnectionsOf(gateway.Id)
            .Where(c => c.ConnectionType == VirtualNetworkGatewayConnectionType.ExpressRoute && c.PeerId is not null)
            .Select(c => c.PeerId)
            .Distinct()
            .Count();
}
