using System.Collections.Immutable;
using VNetLab.Diagnostics;
using VNetLab.Model;

namespace VNetLab.Validation.Rules.Gateways;

/// <summary>
/// Every IP configuration of a gateway sits in the subnet named exactly GatewaySubnet (constraints.md 3.2).
/// The name is the subnet's own: a reference may spell the id in another case, which ARM resolves anyway.
/// </summary>
internal sealed class GatewaySubnetPlacementRule : IValidationRule
{
    public ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = [DiagnosticCatalog.Descriptors.GatewayNotInGatewaySubnet];

    public ValidationReads Reads { get; } = ValidationReads.EstateWide(typeof(VirtualNetwork), typeof(VirtualNetworkGateway));

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
                else if (estate.SubnetName(subnetId) is var name && !string.Equals(name, Subnet.GatewaySubnetName, StringComparison.Ordinal))
                {
                    yield return DiagnosticCatalog.GatewayNotInGatewaySubnet(gateway, ipConfiguration, $"is in subnet '{name}'");
                }
            }
        }
    }
}
