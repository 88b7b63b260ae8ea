using System.Collections.Immutable;
using VNetLab.Diagnostics;
using VNetLab.Model;

namespace VNetLab.Validation.Rules.Gateways;

/// <summary>A VNet holds at most one VPN gateway and one ExpressRoute gateway (constraints.md 3.1).</summary>
internal sealed class GatewaysPerVnetRule : IValidationRule
{
    public ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = [DiagnosticCatalog.Descriptors.MoreThanOneGatewayOfType];

    public ValidationReads Reads { get; } = ValidationReads.EstateWide(typeof(VirtualNetwork), typeof(VirtualNetworkGateway));

    public IEnumerable<Diagnostic> Validate(Estate estate)
    {
        foreach (var vnet in estate.VirtualNetworks)
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
}
