using System.Collections.Immutable;
using VNetLab.Diagnostics;
using VNetLab.Model;
using VNetLab.Validation.Facts;

namespace VNetLab.Validation.Rules.Gateways;

/// <summary>
/// A connection with BGP enabled needs BGP at both ends: the VPN gateway has BGP on, the local network
/// gateway has BGP settings, and the two ASNs differ (constraints.md 3.5, 3.12, 4.1).
/// </summary>
internal sealed class BgpConnectionRule : IValidationRule
{
    public ImmutableArray<DiagnosticDescriptor> Descriptors { get; } =
        [DiagnosticCatalog.Descriptors.BgpConnectionWithoutBgpEndpoints, DiagnosticCatalog.Descriptors.SameAsnOnBothSides];

    public ValidationReads Reads { get; } = ValidationReads.EstateWide(typeof(VirtualNetworkGateway), typeof(VirtualNetworkGatewayConnection), typeof(LocalNetworkGateway));

    public IEnumerable<Diagnostic> Validate(Estate estate)
    {
        foreach (var connection in estate.Connections.Where(c => c.EnableBgp))
        {
            var problems = new List<string>();
            var gateways = new[] { connection.VirtualNetworkGateway1Id, connection.VirtualNetworkGateway2Id }
                .Select(estate.Find<VirtualNetworkGateway>)
                .OfType<VirtualNetworkGateway>()
                .Where(g => g.GatewayType == VirtualNetworkGatewayType.Vpn)
                .ToList();
            problems.AddRange(gateways.Where(g => !g.EnableBgp).Select(g => $"gateway '{g.Name}' does not have BGP enabled"));

            var lng = connection.ConnectionType == VirtualNetworkGatewayConnectionType.IPsec
                ? estate.Find<LocalNetworkGateway>(connection.LocalNetworkGateway2Id)
                : null;
            if (lng is { BgpSettings: null })
            {
                problems.Add($"local network gateway '{lng.Name}' has no BGP settings");
            }

            if (problems.Count > 0)
            {
                yield return DiagnosticCatalog.BgpConnectionWithoutBgpEndpoints(connection, string.Join(" and ", problems));
                continue;
            }

            if (lng?.BgpSettings?.Asn is { } onPremisesAsn && gateways.FirstOrDefault() is { } gateway
                && (gateway.BgpSettings?.Asn ?? BgpAsns.AzureGatewayDefault) == onPremisesAsn)
            {
                yield return DiagnosticCatalog.SameAsnOnBothSides(connection, gateway.Id, lng.Id, onPremisesAsn);
            }
        }
    }
}
