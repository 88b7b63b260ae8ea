using System.Collections.Immutable;
using VNetLab.Diagnostics;
using VNetLab.Model;

namespace VNetLab.Validation.Rules.Addressing;

/// <summary>
/// GatewaySubnet holds virtual network gateways only: a NIC or firewall IP configuration in it is refused
/// (constraints.md 2.13) and so is an NSG on it (2.14, checked again at gateway creation).
/// </summary>
internal sealed class GatewaySubnetReservedRule : ScopedValidationRule<VirtualNetwork>
{
    public override ImmutableArray<DiagnosticDescriptor> Descriptors { get; } =
        [DiagnosticCatalog.Descriptors.GatewaySubnetUsedByOtherResource, DiagnosticCatalog.Descriptors.NsgOnGatewaySubnet];

    public override ValidationReads Reads { get; } = ValidationReads.Around<VirtualNetwork>(0, typeof(NetworkInterface), typeof(AzureFirewall));

    protected override IEnumerable<Diagnostic> Validate(Estate estate, VirtualNetwork vnet)
    {
        List<Diagnostic>? findings = null;
        foreach (var subnet in vnet.Subnets)
        {
            if (!subnet.IsGatewaySubnet)
            {
                continue;
            }

            if (subnet.NetworkSecurityGroupId is { } nsg)
            {
                Findings.Add(ref findings, DiagnosticCatalog.NsgOnGatewaySubnet(subnet, nsg));
            }

            foreach (var ipConfiguration in estate.IpConfigurationsIn(subnet.Id))
            {
                Findings.Add(ref findings, DiagnosticCatalog.GatewaySubnetUsedByOtherResource(ipConfiguration));
            }
        }

        return Findings.OrNone(findings);
    }

    public override IEnumerable<Diagnostic> ValidateEstateWide(Estate estate)
    {
        foreach (var ipConfiguration in estate.AzureFirewalls.SelectMany(f => f.IpConfigurations))
        {
            if (estate.Find<Subnet>(ipConfiguration.SubnetId) is { IsGatewaySubnet: true })
            {
                yield return DiagnosticCatalog.GatewaySubnetUsedByOtherResource(ipConfiguration);
            }
        }
    }
}
