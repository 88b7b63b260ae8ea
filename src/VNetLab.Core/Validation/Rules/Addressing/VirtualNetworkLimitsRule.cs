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
        if (vnet.Subnets.Length > limits.SubnetsPerVirtualNetwork)
        {
            yield return DiagnosticCatalog.SubnetsPerVnetLimit(vnet, vnet.Subnets.Length, limits.SubnetsPerVirtualNetwork);
        }

        if (vnet.DnsServers.Length > limits.DnsServersPerVirtualNetwork)
        {
            yield return DiagnosticCatalog.DnsServersPerVnetLimit(vnet, vnet.DnsServers.Length, limits.DnsServersPerVirtualNetwork);
        }

        var privateIps = vnet.Subnets.Sum(s => estate.IpConfigurationsIn(s.Id).Length);
        if (privateIps > limits.PrivateIpAddressesPerVirtualNetwork)
        {
            yield return DiagnosticCatalog.PrivateIpsPerVnetLimit(vnet, privateIps, limits.PrivateIpAddressesPerVirtualNetwork);
        }
    }

    public override IEnumerable<Diagnostic> ValidateEstateWide(Estate estate)
    {
        foreach (var (vnet, count, region) in Quota.FirstBeyondPerSubscriptionRegion(estate.VirtualNetworks, limits.VirtualNetworksPerSubscriptionRegion))
        {
            yield return DiagnosticCatalog.VnetCountLimitReached(vnet, vnet.Id.Subscription, region, count, limits.VirtualNetworksPerSubscriptionRegion);
        }
    }
}
