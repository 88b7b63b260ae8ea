using System.Collections.Immutable;
using VNetLab.Diagnostics;
using VNetLab.Model;

namespace VNetLab.Validation.Rules.Gateways;

/// <summary>A VNet holds at most one VPN gateway and one ExpressRoute gateway (constraints.md 3.1).</summary>
internal sealed class GatewaysPerVnetRule : ScopedValidationRule<VirtualNetwork>
{
    public override ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = [DiagnosticCatalog.Descriptors.MoreThanOneGatewayOfType];

    public override ValidationReads Reads { get; } = ValidationReads.Around<VirtualNetwork>(0, typeof(VirtualNetworkGateway));

    protected override IEnumerable<Diagnostic> Validate(Estate estate, VirtualNetwork vnet)
    {
        foreach (var sameType in estate.GatewaysOf(vnet.Id).GroupBy(g => g.GatewayType))
        {
            var first = sameType.First();
            foreach (var gateway in sameType.Skip(1))
            {
                yield return DiagnosticCatalog.MoreThanOneGatewayOfType(gateway, first, vnet.Id);
            }
        }
    }
}
