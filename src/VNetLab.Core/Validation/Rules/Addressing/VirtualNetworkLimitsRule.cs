using System.Collections.Immutable;
using VNetLab.Diagnostics;
using VNetLab.Model;

namespace VNetLab.Validation.Rules.Addressing;

/// <summary>
/// The per-VNet and per-subscription quotas of constraints.md 2.20: virtual networks per subscription and
/// region, subnets, DNS servers and private IPs per virtual network.
/// </summary>
internal sealed class VirtualNetworkLimitsRule(ValidationLimits limits) : IValidationRule
{
    public ImmutableArray<DiagnosticDescriptor> Descriptors { get; } =
    [
        DiagnosticCatalog.Descriptors.SubnetsPerVnetLimit,
        DiagnosticCatalog.Descriptors.VnetCountLimitReached,
        DiagnosticCatalog.Descriptors.DnsServersPerVnetLimit,
        DiagnosticCatalog.Descriptors.PrivateIpsPerVnetLimit,
    ];

    public ValidationReads Reads { get; } = ValidationReads.EstateWide(typeof(VirtualNetwork), typeof(NetworkInterface));

    public IEnumerable<Diagnostic> Validate(Estate estate)
    {
        foreach (var (vnet, count, region) in Quota.FirstBeyondPerSubscriptionRegion(estate.VirtualNetworks, limits.VirtualNetworksPerSubscriptionRegion))
        {
            yield return DiagnosticCatalog.VnetCountLimitReached(vnet, vnet.Id.Subscription, region, count, limits.VirtualNetworksPerSubscriptionRegion);
        }

        foreach (var vnet in estate.VirtualNetworks)
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
    }
}
