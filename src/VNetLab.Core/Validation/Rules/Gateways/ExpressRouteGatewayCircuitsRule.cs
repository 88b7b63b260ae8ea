using System.Collections.Immutable;
using VNetLab.Diagnostics;
using VNetLab.Model;
using VNetLab.Validation.Facts;

namespace VNetLab.Validation.Rules.Gateways;

/// <summary>
/// Circuits an ExpressRoute gateway can connect, by SKU, and at most four from one peering location
/// (constraints.md 3.16, 4.12).
/// </summary>
internal sealed class ExpressRouteGatewayCircuitsRule : IValidationRule
{
    public ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = [DiagnosticCatalog.Descriptors.ExpressRouteGatewayCircuitLimit];

    public ValidationReads Reads { get; } = ValidationReads.EstateWide(typeof(VirtualNetworkGateway), typeof(VirtualNetworkGatewayConnection), typeof(ExpressRouteCircuit));

    public IEnumerable<Diagnostic> Validate(Estate estate)
    {
        foreach (var gateway in estate.VirtualNetworkGateways.Where(g => g.GatewayType == VirtualNetworkGatewayType.ExpressRoute))
        {
            var circuits = estate.ConnectionsOf(gateway.Id)
                .Where(c => c.ConnectionType == VirtualNetworkGatewayConnectionType.ExpressRoute)
                .Select(c => estate.Find<ExpressRouteCircuit>(c.PeerId))
                .OfType<ExpressRouteCircuit>()
                .Distinct()
                .ToList();
            if (GatewaySkus.CircuitLimit(gateway.SkuName) is { } limit && circuits.Count > limit)
            {
                yield return DiagnosticCatalog.ExpressRouteGatewayCircuitLimit(gateway,
                    $"connects {circuits.Count} circuits; SKU {gateway.SkuName} supports {limit}");
            }

            foreach (var location in circuits.Where(c => c.PeeringLocation is not null).GroupBy(c => Regions.Normalize(c.PeeringLocation ?? "")))
            {
                if (location.Count() > GatewaySkus.CircuitsPerPeeringLocation)
                {
                    yield return DiagnosticCatalog.ExpressRouteGatewayCircuitLimit(gateway,
                        $"connects {location.Count()} circuits from peering location {location.First().PeeringLocation}; at most {GatewaySkus.CircuitsPerPeeringLocation} circuits from one peering location can be linked to a virtual network");
                }
            }
        }
    }
}
