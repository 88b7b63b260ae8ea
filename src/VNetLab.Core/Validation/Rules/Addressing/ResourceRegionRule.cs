using System.Collections.Immutable;
using VNetLab.Diagnostics;
using VNetLab.Model;
using VNetLab.Validation.Facts;

namespace VNetLab.Validation.Rules.Addressing;

/// <summary>
/// A virtual network lives in one region, and what is placed in it (NICs, gateways, firewalls) lives there
/// too (constraints.md 2.21). Checked only when both regions are given.
/// </summary>
internal sealed class ResourceRegionRule : IValidationRule
{
    public ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = [DiagnosticCatalog.Descriptors.ResourceRegionDiffersFromVnet];

    public ValidationReads Reads { get; } = ValidationReads.EstateWide(typeof(VirtualNetwork), typeof(NetworkInterface), typeof(VirtualNetworkGateway), typeof(AzureFirewall));

    public IEnumerable<Diagnostic> Validate(Estate estate)
    {
        var placed = estate.NetworkInterfaces.Select(n => (Resource: (TrackedResource)n, Subnet: n.PrimaryIpConfiguration?.SubnetId))
            .Concat(estate.VirtualNetworkGateways.Select(g => ((TrackedResource)g, g.IpConfigurations.Select(c => c.SubnetId).FirstOrDefault(s => s is not null))))
            .Concat(estate.AzureFirewalls.Select(f => ((TrackedResource)f, f.IpConfigurations.Select(c => c.SubnetId).FirstOrDefault(s => s is not null))));
        foreach (var (resource, subnetId) in placed)
        {
            if (resource.Location is not { } region || subnetId?.Parent is not { } vnetId
                || estate.Find<VirtualNetwork>(vnetId) is not { Location: { } vnetRegion } vnet)
            {
                continue;
            }

            if (!Regions.Same(region, vnetRegion))
            {
                yield return DiagnosticCatalog.ResourceRegionDiffersFromVnet(resource, region, vnet, vnetRegion);
            }
        }
    }
}
