using System.Collections.Immutable;
using VNetLab.Diagnostics;
using VNetLab.Model;

namespace VNetLab.Validation.Rules.Gateways;

/// <summary>
/// Shared keys are 1 to 128 characters and belong to IPsec and VNet-to-VNet connections, never to
/// ExpressRoute ones (constraints.md 4.7).
/// </summary>
internal sealed class SharedKeyRule : IValidationRule
{
    private const int MaxLength = 128;

    public ImmutableArray<DiagnosticDescriptor> Descriptors { get; } =
        [DiagnosticCatalog.Descriptors.SharedKeyLength, DiagnosticCatalog.Descriptors.SharedKeyOnExpressRouteConnection];

    public ValidationReads Reads { get; } = ValidationReads.EstateWide(typeof(VirtualNetworkGatewayConnection));

    public IEnumerable<Diagnostic> Validate(Estate estate)
    {
        foreach (var connection in estate.Connections.Where(c => c.HasSharedKey))
        {
            if (connection.ConnectionType == VirtualNetworkGatewayConnectionType.ExpressRoute)
            {
                yield return DiagnosticCatalog.SharedKeyOnExpressRouteConnection(connection);
            }
            else if (connection.SharedKeyLength is { } length && length is 0 or > MaxLength)
            {
                yield return DiagnosticCatalog.SharedKeyLength(connection, length);
            }
        }
    }
}
