using System.Collections.Immutable;
using VNetLab.Diagnostics;
using VNetLab.Model;

namespace VNetLab.Validation.Rules.Firewall;

/// <summary>
/// AzureFirewallSubnet is /26 or larger (constraints.md 2.17), and a route table on it keeps 0.0.0.0/0 to
/// Internet while a firewall runs there (2.18, 6.11). Forced tunnelling uses a separate
/// AzureFirewallManagementSubnet; a VNet with one is left alone.
/// </summary>
internal sealed class AzureFirewallSubnetRule : IValidationRule
{
    private const string ManagementSubnetName = "AzureFirewallManagementSubnet";

    public ImmutableArray<DiagnosticDescriptor> Descriptors { get; } =
        [DiagnosticCatalog.Descriptors.AzureFirewallSubnetTooSmall, DiagnosticCatalog.Descriptors.FirewallSubnetRouteTableWithoutInternetDefault];

    public ValidationReads Reads { get; } = ValidationReads.EstateWide(typeof(VirtualNetwork), typeof(RouteTable), typeof(AzureFirewall));

    public IEnumerable<Diagnostic> Validate(Estate estate)
    {
        var firewallSubnets = estate.AzureFirewalls.SelectMany(f => f.IpConfigurations).Select(c => c.SubnetId).OfType<ResourceId>().ToHashSet();
        foreach (var (vnet, subnet) in estate.AllSubnets.Where(s => s.Subnet.IsAzureFirewallSubnet))
        {
            var prefix = subnet.AddressPrefixes.FirstOrDefault(p => p.Prefix.IsV4);
            if (prefix.Text is not null && prefix.Prefix.Length > 26)
            {
                yield return DiagnosticCatalog.AzureFirewallSubnetTooSmall(subnet, prefix);
            }

            if (estate.Find<RouteTable>(subnet.RouteTableId) is { } table && firewallSubnets.Contains(subnet.Id)
                && !vnet.Subnets.Any(s => s.Name == ManagementSubnetName)
                && !table.Routes.Any(r => r.Prefix is { Length: 0, IsV4: true } && r.NextHopType == RouteNextHopType.Internet))
            {
                yield return DiagnosticCatalog.FirewallSubnetRouteTableWithoutInternetDefault(subnet, table);
            }
        }
    }
}
