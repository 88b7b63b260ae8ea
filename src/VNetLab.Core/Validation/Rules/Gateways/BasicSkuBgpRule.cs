using System.Collections.Immutable;
using VNetLab.Diagnostics;
using VNetLab.Model;
using VNetLab.Validation.Facts;

namespace VNetLab.Validation.Rules.Gateways;

/// <summary>
/// BGP needs a VPN SKU above Basic (constraints.md 3.5). Exports of Basic gateways carry default
/// bgpSettings, so only enableBgp counts here.
/// </summary>
internal sealed class BasicSkuBgpRule : IValidationRule
{
    public ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = [DiagnosticCatalog.Descriptors.BasicSkuDoesNotSupportBgp];

    public ValidationReads Reads { get; } = ValidationReads.EstateWide(typeof(VirtualNetworkGateway));

    public IEnumerable<Diagnostic> Validate(Estate estate) =>
        estate.VirtualNetworkGateways
            .Where(g => g.EnableBgp && GatewaySkus.IsBasic(g))
            .Select(DiagnosticCatalog.BasicSkuDoesNotSupportBgp);
}
