using System.Collections.Immutable;
using VNetLab.Diagnostics;
using VNetLab.Model;

namespace VNetLab.Validation.Rules.Gateways;

/// <summary>A VNet holds at most one VPN gateway and one ExpressRoute gateway (constraints.md 3.1).</summary>
internal sealed class GatewaysPerVnetRule : ScopedValidationRule<VirtualNetwork>
{
    public override ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = [DiagnosticCatalog.Descriptors.MoreThanOneGatewayOfType];

    public override ValidationReads Reads { get; } = ValidationReads.Around<VirtualNetwork>(0, typeof(VirtualNetworkGateway));

    // Most VNets have no gateway and a hub one of each type: only two gateways or more can be two of one type.
    protected override IEnumerable<Diagnostic> Validate(Estate estate, VirtualNetwork vnet) =>
        estate.GatewaysOf(vnet.Id) is { Length: > 1 } gateways ? SecondsOfAType(gateways, vnet) : [];

    private static IEnumerable<Diagnostic> SecondsOfAType(ImmutableArray<VirtualNetworkGateway> gateways, VirtualNetwork vnet)
    {
        foreach (var sameType in gateways.GroupBy(g => g.GatewayType))
        {
            var first = sameType.First();
            foreach (var gateway in sameType.Skip(1))
            {
                yield return DiagnosticCatalog.MoreThanOneGatewayOfType(gateway, first, vnet.Id);
            }
        }
    }
}
