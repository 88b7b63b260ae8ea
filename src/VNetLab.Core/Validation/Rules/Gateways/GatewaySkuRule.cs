using System.Collections.Immutable;
using VNetLab.Diagnostics;
using VNetLab.Model;
using VNetLab.Validation.Facts;

namespace VNetLab.Validation.Rules.Gateways;

/// <summary>
/// The SKU fits the gateway type, a policy-based VPN gateway is Basic, and the generation exists for the
/// SKU (constraints.md 3.4). A gateway without a SKU gets a fidelity note: the SKU checks need it.
/// </summary>
internal sealed class GatewaySkuRule : IValidationRule
{
    public ImmutableArray<DiagnosticDescriptor> Descriptors { get; } =
    [
        DiagnosticCatalog.Descriptors.GatewaySkuNotValidForType,
        DiagnosticCatalog.Descriptors.PolicyBasedRequiresBasicSku,
        DiagnosticCatalog.Descriptors.GatewayGenerationMismatch,
        DiagnosticCatalog.Descriptors.GatewaySkuNotGiven,
    ];

    public ValidationReads Reads { get; } = ValidationReads.EstateWide(typeof(VirtualNetworkGateway));

    public IEnumerable<Diagnostic> Validate(Estate estate)
    {
        foreach (var gateway in estate.VirtualNetworkGateways.Where(g => g.GatewayType != VirtualNetworkGatewayType.LocalGateway))
        {
            if (gateway.SkuName is not { } sku)
            {
                yield return DiagnosticCatalog.GatewaySkuNotGiven(gateway);
                continue;
            }

            var valid = GatewaySkus.ValidFor(gateway.GatewayType);
            if (!valid.Any(v => GatewaySkus.Is(sku, v)))
            {
                yield return DiagnosticCatalog.GatewaySkuNotValidForType(gateway, valid);
                continue;
            }

            if (gateway.GatewayType != VirtualNetworkGatewayType.Vpn)
            {
                continue;
            }

            if (gateway.VpnType == VpnType.PolicyBased && !GatewaySkus.IsBasic(gateway))
            {
                yield return DiagnosticCatalog.PolicyBasedRequiresBasicSku(gateway);
            }

            if (gateway.VpnGatewayGeneration is { } generation && GatewaySkus.OnlyGenerationOf(sku) is { } only
                && generation is "Generation1" or "Generation2" && generation != only)
            {
                yield return DiagnosticCatalog.GatewayGenerationMismatch(gateway, generation, only);
            }
        }
    }
}
