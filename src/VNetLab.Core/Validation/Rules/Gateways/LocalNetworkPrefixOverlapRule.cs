using System.Collections.Immutable;
using VNetLab.Diagnostics;
using VNetLab.Model;

namespace VNetLab.Validation.Rules.Gateways;

/// <summary>
/// A local network gateway's prefixes cannot lie inside the address space of the VNet it is connected to
/// (constraints.md 4.2). Seed 000 shows Azure accepting 0.0.0.0/1 and 128.0.0.0/1, which contain the VNet,
/// so only a prefix equal to or inside a VNet prefix is refused.
/// </summary>
internal sealed class LocalNetworkPrefixOverlapRule : IValidationRule
{
    public ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = [DiagnosticCatalog.Descriptors.LocalNetworkPrefixInsideVnet];

    public ValidationReads Reads { get; } = ValidationReads.EstateWide(typeof(VirtualNetwork), typeof(VirtualNetworkGateway), typeof(VirtualNetworkGatewayConnection), typeof(LocalNetworkGateway));

    public IEnumerable<Diagnostic> Validate(Estate estate)
    {
        foreach (var connection in estate.Connections.Where(c => c.ConnectionType == VirtualNetworkGatewayConnectionType.IPsec))
        {
            if (estate.Find<LocalNetworkGateway>(connection.LocalNetworkGateway2Id) is not { } lng
                || estate.Find<VirtualNetworkGateway>(connection.VirtualNetworkGateway1Id)?.VirtualNetworkId is not { } vnetId
                || estate.Find<VirtualNetwork>(vnetId) is not { } vnet)
            {
                continue;
            }

            foreach (var prefix in lng.AddressPrefixes)
            {
                var container = vnet.AddressSpace.FirstOrDefault(v => v.Prefix.Contains(prefix.Prefix));
                if (container.Text is not null)
                {
                    yield return DiagnosticCatalog.LocalNetworkPrefixInsideVnet(lng, prefix, container, vnet.Id, connection);
                }
            }
        }
    }
}
