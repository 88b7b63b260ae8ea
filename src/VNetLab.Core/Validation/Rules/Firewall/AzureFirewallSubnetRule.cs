using System.Collections.Immutable;
using VNetLab.Diagnostics;
using VNetLab.Model;

namespace VNetLab.Validation.Rules.Firewall;

/// <summary>
/// AzureFirewallSubnet is /26 or larger (constraints.md 2.17), and a route table on it keeps 0.0.0.0/0 to
/// Internet while a firewall runs there (2.18, 6.11). Forced tunnelling uses a separate
/// AzureFirewallManagementSubnet; a VNet with one is left alone. Checked VNet by VNet, in the validator's one pass over
/// VNets, rather than in a walk of its own over every subnet of the estate.
/// </summary>
internal sealed class AzureFirewallSubnetRule : ScopedValidationRule<VirtualNetwork>
{
    private const string ManagementSubnetName = "AzureFirewallManagementSubnet";

    public override ImmutableArray<DiagnosticDescriptor> Descriptors { get; } =
        [DiagnosticCatalog.Descriptors.AzureFirewallSubnetTooSmall, DiagnosticCatalog.Descriptors.FirewallSubnetRouteTableWithoutInternetDefault];

    public override ValidationReads Reads { get; } = ValidationReads.Around<VirtualNetwork>(0, typeof(RouteTable), typeof(AzureFirewall));

    protected override IEnumerable<Diagnostic> Validate(ValidationPass pass, VirtualNetwork vnet)
    {
        List<Diagnostic>? findings = null;
        foreach (var subnet in vnet.Subnets)
        {
            if (!subnet.IsAzureFirewallSubnet)
            {
                continue;
            }

            var prefix = subnet.AddressPrefixes.FirstOrDefault(p => p.Prefix.IsV4);
            if (prefix.Text is not null && prefix.Prefix.Length > 26)
            {
                Findings.Add(ref findings, DiagnosticCatalog.AzureFirewallSubnetTooSmall(subnet, prefix));
            }

            var estate = pass.Estate;
            if (estate.Find<RouteTable>(subnet.RouteTableId) is { } table && pass.Shared(this, typeof(AzureFirewall), FirewallSubnets).Contains(subnet.Id)
                && !vnet.Subnets.Any(s => s.Name == ManagementSubnetName)
                && !table.Routes.Any(r => r.Prefix is { Length: 0, IsV4: true } && r.NextHopType == RouteNextHopType.Internet))
            {
                Findings.Add(ref findings, DiagnosticCatalog.FirewallSubnetRouteTableWithoutInternetDefault(subnet, table));
            }
        }

        return Findings.OrNone(findings);
    }

    /// <summary>The subnets the estate's firewalls sit in: the firewalls are few, and gathered once per pass.</summary>
    private static HashSet<ResourceId> FirewallSubnets(Estate estate, Type _) =>
        estate.AzureFirewalls.SelectMany(f => f.IpConfigurations).Select(c => c.SubnetId).OfType<ResourceId>().ToHashSet();
}
