using System.Collections.Immutable;
using VNetLab.Diagnostics;
using VNetLab.Model;
using VNetLab.Validation.Facts;

namespace VNetLab.Validation.Rules.Firewall;

/// <summary>
/// An Azure Firewall sits in the subnet named exactly AzureFirewallSubnet and uses Standard public IPs
/// (constraints.md 2.17). Only the first IP configuration of a firewall names a subnet; the others carry
/// extra public IPs.
/// </summary>
internal sealed class AzureFirewallRule : IValidationRule
{
    public ImmutableArray<DiagnosticDescriptor> Descriptors { get; } =
        [DiagnosticCatalog.Descriptors.FirewallNotInAzureFirewallSubnet, DiagnosticCatalog.Descriptors.FirewallPublicIpNotStandard];

    public ValidationReads Reads { get; } = ValidationReads.EstateWide(typeof(VirtualNetwork), typeof(AzureFirewall), typeof(PublicIpAddress));

    public IEnumerable<Diagnostic> Validate(Estate estate)
    {
        foreach (var firewall in estate.AzureFirewalls)
        {
            var placed = firewall.IpConfigurations.Where(c => c.SubnetId is not null).ToList();
            if (placed.Count == 0 && !firewall.IpConfigurations.IsEmpty)
            {
                yield return DiagnosticCatalog.FirewallNotInAzureFirewallSubnet(firewall, firewall.IpConfigurations[0], "names no subnet");
            }

            foreach (var ipConfiguration in placed)
            {
                var name = ipConfiguration.SubnetId is { } subnetId ? estate.SubnetName(subnetId) : null;
                if (!string.Equals(name, Subnet.AzureFirewallSubnetName, StringComparison.Ordinal))
                {
                    yield return DiagnosticCatalog.FirewallNotInAzureFirewallSubnet(firewall, ipConfiguration, $"is in subnet '{name}'");
                }
            }

            foreach (var publicIp in firewall.IpConfigurations.Select(c => estate.Find<PublicIpAddress>(c.PublicIpAddressId)).OfType<PublicIpAddress>())
            {
                if (publicIp.SkuName is { } sku && !GatewaySkus.Is(sku, "Standard"))
                {
                    yield return DiagnosticCatalog.FirewallPublicIpNotStandard(firewall, publicIp);
                }
            }
        }
    }
}
