using System.Collections.Immutable;
using VNetLab.Diagnostics;
using VNetLab.Model;
using VNetLab.Validation.Facts;

namespace VNetLab.Validation.Rules.ExpressRoute;

/// <summary>
/// Without the Premium add-on a circuit reaches only the VNets of its peering location's geopolitical
/// region; a Local circuit only the region(s) local to its peering location (constraints.md 4.10, 5.13), which the
/// locations page lists per location (<see cref="Regions.LocalRegionsOfPeeringLocation"/>). Where the tables do not place
/// a region or location, a fidelity note says the check was skipped.
/// </summary>
internal sealed class ExpressRouteGeographyRule : IValidationRule
{
    public ImmutableArray<DiagnosticDescriptor> Descriptors { get; } =
        [DiagnosticCatalog.Descriptors.LinkOutsideGeopoliticalRegion, DiagnosticCatalog.Descriptors.LinkOutsideLocalRegions,
            DiagnosticCatalog.Descriptors.GeopoliticalRegionUnknown];

    public ValidationReads Reads { get; } = ValidationReads.EstateWide(typeof(VirtualNetwork), typeof(VirtualNetworkGateway), typeof(VirtualNetworkGatewayConnection), typeof(ExpressRouteCircuit));

    public IEnumerable<Diagnostic> Validate(Estate estate)
    {
        foreach (var connection in estate.Connections.Where(c => c.ConnectionType == VirtualNetworkGatewayConnectionType.ExpressRoute))
        {
            if (estate.Find<ExpressRouteCircuit>(connection.PeerId) is not { } circuit || circuit.IsPremium
                || estate.Find<VirtualNetworkGateway>(connection.VirtualNetworkGateway1Id)?.VirtualNetworkId is not { } vnetId
                || estate.Find<VirtualNetwork>(vnetId) is not { Location: { } vnetRegion }
                || circuit.PeeringLocation is not { } peeringLocation)
            {
                continue;
            }

            if (ExpressRouteFacts.IsTier(circuit, "Local"))
            {
                if (Regions.LocalRegionsOfPeeringLocation(peeringLocation) is not { } local)
                {
                    yield return DiagnosticCatalog.GeopoliticalRegionUnknown(connection,
                        $"which Azure regions are local to peering location '{peeringLocation}' (circuit '{circuit.Name}' has the Local SKU)");
                }
                else if (!local.Any(region => Regions.Same(region, vnetRegion)))
                {
                    yield return DiagnosticCatalog.LinkOutsideLocalRegions(connection, vnetId, vnetRegion, circuit, local);
                }

                continue;
            }

            var vnetGeo = Regions.GeopoliticalRegionOf(vnetRegion);
            var circuitGeos = Regions.GeopoliticalRegionsOfPeeringLocation(peeringLocation);
            if (vnetGeo is null)
            {
                yield return DiagnosticCatalog.GeopoliticalRegionUnknown(connection, $"the geopolitical region of Azure region '{vnetRegion}'");
            }
            else if (circuitGeos.Count == 0)
            {
                yield return DiagnosticCatalog.GeopoliticalRegionUnknown(connection, $"the geopolitical region of peering location '{peeringLocation}'");
            }
            else if (!circuitGeos.Contains(vnetGeo))
            {
                yield return DiagnosticCatalog.LinkOutsideGeopoliticalRegion(connection, vnetId, vnetRegion, vnetGeo, circuit, string.Join(", ", circuitGeos));
            }
        }
    }
}
