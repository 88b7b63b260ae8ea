using System.Collections.Immutable;
using VNetLab.Diagnostics;
using VNetLab.Model;

namespace VNetLab.Validation.Rules.Gateways;

/// <summary>Every IP configuration of a gateway sits in the subnet named exactly GatewaySubnet (constraints.md 3.2).</summary>
internal sealed class GatewaySubnetPlacementRule : IValidationRule
{
    public ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = [DiagnosticCatalog.Descriptors.GatewayNotInGatewaySubnet];

    public IEnumerable<Diagnostic> Validate(Estate estate)
    {
        foreach (var gateway in estate.VirtualNetworkGateways.Where(g => g.GatewayType != VirtualNetworkGatewayType.LocalGateway))
        {
            foreach (var ipConfiguration in gateway.IpConfigurations)
            {
                if (ipConfiguration.SubnetId is not { } subnetId)
                {
                    yield return DiagnosticCatalog.GatewayNotInGatewaySubnet(gateway, ipConfiguration, "names no subnet");
                }
                else if (!string.Equals(subnetId.Name, Subnet.GatewaySubnetName, StringComparison.Ordinal))
                {
                    yield return DiagnosticCatalog.GatewayNotInGatewaySubnet(gateway, ipConfiguration, $"is in subnet '{subnetId.Name}'");
                }
            }
        }
    }
}
