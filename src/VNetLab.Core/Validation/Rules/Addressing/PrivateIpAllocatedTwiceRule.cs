using System.Collections.Immutable;
using VNetLab.Addressing;
using VNetLab.Diagnostics;
using VNetLab.Model;

namespace VNetLab.Validation.Rules.Addressing;

/// <summary>
/// A static private IP cannot be one another IP configuration of the VNet already holds (constraints.md
/// 2.11). Dynamic configurations are not reported: Azure picks a free address for them.
/// </summary>
internal sealed class PrivateIpAllocatedTwiceRule : IValidationRule
{
    public ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = [DiagnosticCatalog.Descriptors.PrivateIpAlreadyAllocated];

    public ValidationReads Reads { get; } = ValidationReads.EstateWide(typeof(VirtualNetwork), typeof(NetworkInterface));

    public IEnumerable<Diagnostic> Validate(Estate estate)
    {
        var holders = new Dictionary<(ResourceId Vnet, IpAddress Ip), NetworkInterfaceIpConfiguration>();
        foreach (var ipConfiguration in estate.NetworkInterfaces.SelectMany(n => n.IpConfigurations))
        {
            if (ipConfiguration.PrivateIpAddress is not { } ip || estate.SubnetOf(ipConfiguration) is not { } subnet
                || estate.VirtualNetworkOf(subnet.Id) is not { } vnet)
            {
                continue;
            }

            if (!holders.TryAdd((vnet.Id, ip), ipConfiguration) && StaticPrivateIpRule.IsStatic(ipConfiguration))
            {
                yield return DiagnosticCatalog.PrivateIpAlreadyAllocated(ipConfiguration, ip, holders[(vnet.Id, ip)], vnet);
            }
        }
    }
}
