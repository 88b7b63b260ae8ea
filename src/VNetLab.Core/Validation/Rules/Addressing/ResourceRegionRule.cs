using System.Collections.Immutable;
using VNetLab.Diagnostics;
using VNetLab.Model;
using VNetLab.Validation.Facts;

namespace VNetLab.Validation.Rules.Addressing;

/// <summary>
/// A virtual network lives in one region, and what is placed in it (NICs, gateways, firewalls) lives there
/// too (constraints.md 2.21). Checked only when both regions are given.
/// </summary>
internal sealed class ResourceRegionRule : ScopedValidationRule<VirtualNetwork>
{
    public override ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = [DiagnosticCatalog.Descriptors.ResourceRegionDiffersFromVnet];

    public override ValidationReads Reads { get; } = ValidationReads.Around<VirtualNetwork>(0, typeof(NetworkInterface), typeof(VirtualNetworkGateway), typeof(AzureFirewall));

    protected override IEnumerable<Diagnostic> Validate(ValidationPass pass, VirtualNetwork vnet)
    {
        var estate = pass.Estate;
        if (vnet.Location is not { } vnetRegion)
        {
            return [];
        }

        // The NICs placed (by their primary IP configuration) in this VNet, in the estate's order; a NIC with several
        // configurations here is checked once. Two NIC records are never equal unless they are one (ids are unique).
        List<Diagnostic>? findings = null;
        var seen = pass.Scratch(this, static () => new HashSet<NetworkInterface>(ReferenceEqualityComparer.Instance));
        seen.Clear();
        foreach (var ipConfiguration in estate.IpConfigurationsInVirtualNetwork(vnet.Id))
        {
            if (pass.NetworkInterfaceOf(ipConfiguration) is { } nic
                && nic.PrimaryIpConfiguration?.SubnetId is { } subnetId && subnetId.IsChildOf(vnet.Id)
                && seen.Add(nic)
                && nic.Location is { } region && !Regions.Same(region, vnetRegion))
            {
                Findings.Add(ref findings, DiagnosticCatalog.ResourceRegionDiffersFromVnet(nic, region, vnet, vnetRegion));
            }
        }

        return Findings.OrNone(findings);
    }

    /// <summary>Gateways and firewalls are few: they are checked together, whenever anything this rule reads changes.</summary>
    public override IEnumerable<Diagnostic> ValidateEstateWide(Estate estate)
    {
        var placed = estate.VirtualNetworkGateways.Select(g => ((TrackedResource)g, g.IpConfigurations.Select(c => c.SubnetId).FirstOrDefault(s => s is not null)))
            .Concat(estate.AzureFirewalls.Select(f => ((TrackedResource)f, f.IpConfigurations.Select(c => c.SubnetId).FirstOrDefault(s => s is not null))));
        return Check(placed.Select(p => (p.Item1, p.Item2?.Parent is { } vnetId ? estate.Find<VirtualNetwork>(vnetId) : null)));
    }

    private static IEnumerable<Diagnostic> Check(IEnumerable<(TrackedResource Resource, VirtualNetwork? Vnet)> placed)
    {
        foreach (var (resource, vnet) in placed)
        {
            if (resource.Location is not { } region || vnet is not { Location: { } vnetRegion })
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
