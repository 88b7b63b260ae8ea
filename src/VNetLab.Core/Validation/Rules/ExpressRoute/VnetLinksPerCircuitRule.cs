using System.Collections.Immutable;
using VNetLab.Diagnostics;
using VNetLab.Model;
using VNetLab.Validation.Facts;

namespace VNetLab.Validation.Rules.ExpressRoute;

/// <summary>
/// VNet links per circuit: 10 on Local and Standard, 20 to 100 on Premium depending on bandwidth
/// (constraints.md 4.11). A Premium circuit without a bandwidth is checked against the largest limit, and
/// a note says so when the smaller limits would matter.
/// </summary>
internal sealed class VnetLinksPerCircuitRule : IValidationRule
{
    public ImmutableArray<DiagnosticDescriptor> Descriptors { get; } =
        [DiagnosticCatalog.Descriptors.VnetLinksPerCircuitLimit, DiagnosticCatalog.Descriptors.CircuitBandwidthNotGiven];

    public ValidationReads Reads { get; } = ValidationReads.EstateWide(typeof(VirtualNetworkGateway), typeof(VirtualNetworkGatewayConnection), typeof(ExpressRouteCircuit));

    public IEnumerable<Diagnostic> Validate(Estate estate)
    {
        var linked = estate.Connections
            .Where(c => c.ConnectionType == VirtualNetworkGatewayConnectionType.ExpressRoute && c.PeerId is not null)
            .GroupBy(c => c.PeerId)
            .ToDictionary(g => g.Key ?? throw new InvalidOperationException(),
                g => g.Select(c => estate.Find<VirtualNetworkGateway>(c.VirtualNetworkGateway1Id)?.VirtualNetworkId ?? c.VirtualNetworkGateway1Id ?? c.Id)
                    .Distinct()
                    .Count());
        foreach (var circuit in estate.ExpressRouteCircuits)
        {
            var count = linked.GetValueOrDefault(circuit.Id);
            int limit;
            if (!circuit.IsPremium)
            {
                limit = ExpressRouteFacts.StandardVnetLinks;
            }
            else if (circuit.BandwidthInMbps is { } mbps)
            {
                limit = ExpressRouteFacts.PremiumVnetLinks(mbps);
            }
            else
            {
                limit = ExpressRouteFacts.MaxPremiumVnetLinks;
                if (count > ExpressRouteFacts.PremiumVnetLinks(0))
                {
                    yield return DiagnosticCatalog.CircuitBandwidthNotGiven(circuit, count, limit);
                }
            }

            if (count > limit)
            {
                yield return DiagnosticCatalog.VnetLinksPerCircuitLimit(circuit, count, limit);
            }
        }
    }
}
