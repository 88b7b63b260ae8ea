using System.Collections.Immutable;
using VNetLab.Diagnostics;
using VNetLab.Model;
using VNetLab.Validation.Facts;

namespace VNetLab.Validation.Rules.Addressing;

/// <summary>
/// A static private IP lies inside its subnet and outside the five addresses Azure keeps in every subnet
/// (constraints.md 2.7, 2.10, 2.22). Azure first checks that some subnet of the VNet holds the address
/// (PrivateIPAddressNotInAnySubnet), then that it is the NIC's own subnet (PrivateIPAddressNotInSubnet).
/// </summary>
internal sealed class StaticPrivateIpRule : IValidationRule
{
    public ImmutableArray<DiagnosticDescriptor> Descriptors { get; } =
    [
        DiagnosticCatalog.Descriptors.PrivateIpInReservedRange,
        DiagnosticCatalog.Descriptors.PrivateIpNotInSubnet,
        DiagnosticCatalog.Descriptors.PrivateIpNotInAnySubnet,
    ];

    public ValidationReads Reads { get; } = ValidationReads.EstateWide(typeof(VirtualNetwork), typeof(NetworkInterface));

    public IEnumerable<Diagnostic> Validate(Estate estate)
    {
        foreach (var ipConfiguration in estate.NetworkInterfaces.SelectMany(n => n.IpConfigurations))
        {
            if (!IsStatic(ipConfiguration) || ipConfiguration.PrivateIpAddress is not { } ip
                || estate.SubnetOf(ipConfiguration) is not { } subnet)
            {
                continue;
            }

            var own = subnet.AddressPrefixes.FirstOrDefault(p => p.Prefix.Contains(ip));
            if (own.Text is not null)
            {
                if (AddressFacts.IsReservedInSubnet(own.Prefix, ip))
                {
                    yield return DiagnosticCatalog.PrivateIpInReservedRange(ipConfiguration, ip, own.Prefix);
                }

                continue;
            }

            if (estate.VirtualNetworkOf(subnet.Id) is not { } vnet)
            {
                continue;
            }

            var sameFamily = subnet.AddressPrefixes.FirstOrDefault(p => p.Prefix.Family == ip.Family);
            if (vnet.Subnets.Any(s => s.AddressPrefixes.Any(p => p.Prefix.Contains(ip))) && sameFamily.Text is not null)
            {
                yield return DiagnosticCatalog.PrivateIpNotInSubnet(ipConfiguration, ip, sameFamily);
            }
            else
            {
                yield return DiagnosticCatalog.PrivateIpNotInAnySubnet(ipConfiguration, ip, vnet, subnet);
            }
        }
    }

    internal static bool IsStatic(NetworkInterfaceIpConfiguration ipConfiguration) =>
        string.Equals(ipConfiguration.PrivateIpAllocationMethod, "Static", StringComparison.OrdinalIgnoreCase);
}
