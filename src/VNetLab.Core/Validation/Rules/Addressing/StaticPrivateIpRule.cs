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
internal sealed class StaticPrivateIpRule : ScopedValidationRule<VirtualNetwork>
{
    public override ImmutableArray<DiagnosticDescriptor> Descriptors { get; } =
    [
        DiagnosticCatalog.Descriptors.PrivateIpInReservedRange,
        DiagnosticCatalog.Descriptors.PrivateIpNotInSubnet,
        DiagnosticCatalog.Descriptors.PrivateIpNotInAnySubnet,
    ];

    public override ValidationReads Reads { get; } = ValidationReads.Around<VirtualNetwork>(0, typeof(NetworkInterface));

    protected override IEnumerable<Diagnostic> Validate(ValidationPass pass, VirtualNetwork vnet)
    {
        var estate = pass.Estate;
        foreach (var ipConfiguration in estate.IpConfigurationsInVirtualNetwork(vnet.Id))
        {
            if (!IsStatic(ipConfiguration) || ipConfiguration.PrivateIpAddress is not { } ip
                || pass.SubnetOf(ipConfiguration, vnet) is not { } subnet)
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
