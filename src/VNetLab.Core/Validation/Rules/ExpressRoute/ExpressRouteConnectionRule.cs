using System.Collections.Immutable;
using VNetLab.Diagnostics;
using VNetLab.Model;
using VNetLab.Validation.Facts;

namespace VNetLab.Validation.Rules.ExpressRoute;

/// <summary>
/// A VNet links to a circuit that the provider has provisioned, through its private peering, with an
/// authorization key when the circuit is in another subscription; each authorization serves one
/// connection (constraints.md 4.9).
/// </summary>
internal sealed class ExpressRouteConnectionRule : IValidationRule
{
    public ImmutableArray<DiagnosticDescriptor> Descriptors { get; } =
    [
        DiagnosticCatalog.Descriptors.CircuitNotProvisioned,
        DiagnosticCatalog.Descriptors.CircuitWithoutPrivatePeering,
        DiagnosticCatalog.Descriptors.CrossSubscriptionLinkWithoutAuthorization,
        DiagnosticCatalog.Descriptors.CircuitAuthorizationsExhausted,
    ];

    public ValidationReads Reads { get; } = ValidationReads.EstateWide(typeof(VirtualNetworkGatewayConnection), typeof(ExpressRouteCircuit));

    public IEnumerable<Diagnostic> Validate(Estate estate)
    {
        var redeemed = new Dictionary<ExpressRouteCircuit, int>();
        foreach (var connection in estate.Connections.Where(c => c.ConnectionType == VirtualNetworkGatewayConnectionType.ExpressRoute))
        {
            if (estate.Find<ExpressRouteCircuit>(connection.PeerId) is not { } circuit)
            {
                continue;
            }

            if (ExpressRouteFacts.IsKnownNotProvisioned(circuit))
            {
                yield return DiagnosticCatalog.CircuitNotProvisioned(connection, circuit);
            }
            else if (!circuit.Peerings.Any(p => ExpressRouteFacts.IsPeeringType(p, ExpressRouteFacts.PrivatePeering)))
            {
                yield return DiagnosticCatalog.CircuitWithoutPrivatePeering(connection, circuit);
            }

            if (!string.Equals(connection.Id.Subscription, circuit.Id.Subscription, StringComparison.OrdinalIgnoreCase))
            {
                if (!connection.HasAuthorizationKey)
                {
                    yield return DiagnosticCatalog.CrossSubscriptionLinkWithoutAuthorization(connection, circuit);
                }
                else
                {
                    redeemed[circuit] = redeemed.GetValueOrDefault(circuit) + 1;
                }
            }
        }

        foreach (var circuit in estate.ExpressRouteCircuits)
        {
            if (redeemed.GetValueOrDefault(circuit) is var count && count > circuit.Authorizations.Length)
            {
                yield return DiagnosticCatalog.CircuitAuthorizationsExhausted(circuit, count);
            }
        }
    }
}
