using System.Collections.Immutable;
using VNetLab.Diagnostics;
using VNetLab.Model;

namespace VNetLab.Validation.Rules.Addressing;

/// <summary>
/// The per-VNet and per-subscription quotas of constraints.md 2.20: virtual networks per subscription and
/// region, subnets, DNS servers and private IPs per virtual network.
/// </summary>
internal sealed class VirtualNetworkLimitsRule(ValidationLimits limits) : ScopedValidationRule<VirtualNetwork>
{
    public override ImmutableArray<DiagnosticDescriptor> Descriptors { get; } =
    [
        DiagnosticCatalog.Descriptors.SubnetsPerVnetLimit,
        DiagnosticCatalog.Descriptors.VnetCountLimitReached,
        DiagnosticCatalog.Descriptors.DnsServersPerVnetLimit,
        DiagnosticCatalog.Descriptors.PrivateIpsPerVnetLimit,
    ];

    public override ValidationReads Reads { get; } = ValidationReads.Around<VirtualNetwork>(0, typeof(NetworkInterface));

    protected override IEnumerable<Diagnostic> Validate(Estate estate, VirtualNetwork vnet)
    {
        List<Diagnostic>? findings = null;
        if (vnet.Subnets.Length > limits.SubnetsPerVirtualNetwork)
        {
            Findings.Add(ref findings, DiagnosticCatalog.SubnetsPerVnetLimit(vnet, vnet.Subnets.Length, limits.SubnetsPerVirtualNetwork));
        }

        if (vnet.DnsServers.Length > limits.DnsServersPerVirtualNetwork)
        {
            Findings.Add(ref findings, DiagnosticCatalog.DnsServersPerVnetLimit(vnet, vnet.DnsServers.Length, limits.DnsServersPerVirtualNetwork));
        }

        var privateIps = estate.IpConfigurationCount(vnet);
        if (privateIps > limits.PrivateIpAddressesPerVirtualNetwork)
        {
            Findings.Add(ref findings, DiagnosticCatalog.PrivateIpsPerVnetLimit(vnet, privateIps, limits.PrivateIpAddressesPerVirtualNetwork));
        }

        return Findings.OrNone(findings);
    }

    public override IEnumerable<Diagnostic> ValidateEstateWide(Estate estate)
    {
        foreach (var (vnet, count, region) in Quota.FirstBeyondPerSubscriptionRegion(estate.VirtualNetworks, limits.VirtualNetworksPerSubscriptionRegion))
        {
            yield return DiagnosticCatalog.VnetCountLimitReached(vnet, vnet.Id.Subscription, region, count, limits.VirtualNetworksPerSubscriptionRegion);
        }
    }
}
