using System.Collections.Immutable;
using VNetLab.Addressing;
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
        List<Diagnostic>? findings = null;
        foreach (var ipConfiguration in estate.IpConfigurationsInVirtualNetwork(vnet.Id))
        {
            if (!IsStatic(ipConfiguration) || ipConfiguration.PrivateIpAddress is not { } ip
                || pass.SubnetOf(ipConfiguration, vnet) is not { } subnet)
            {
                continue;
            }

            var own = AddressFacts.Holding(subnet.AddressPrefixes, ip);
            if (own.Text is not null)
            {
                if (AddressFacts.IsReservedInSubnet(own.Prefix, ip))
                {
                    Findings.Add(ref findings, DiagnosticCatalog.PrivateIpInReservedRange(ipConfiguration, ip, own.Prefix));
                }

                continue;
            }

            var sameFamily = OfFamily(subnet.AddressPrefixes, ip.Family);
            Findings.Add(ref findings, InAnySubnet(vnet, ip) && sameFamily.Text is not null
                ? DiagnosticCatalog.PrivateIpNotInSubnet(ipConfiguration, ip, sameFamily)
                : DiagnosticCatalog.PrivateIpNotInAnySubnet(ipConfiguration, ip, vnet, subnet));
        }

        return Findings.OrNone(findings);
    }

    private static AddressPrefix OfFamily(ImmutableArray<AddressPrefix> prefixes, IpFamily family)
    {
        foreach (var prefix in prefixes)
        {
            if (prefix.Prefix.Family == family)
            {
                return prefix;
            }
        }

        return default;
    }

    private static bool InAnySubnet(VirtualNetwork vnet, IpAddress ip)
    {
        foreach (var subnet in vnet.Subnets)
        {
            if (AddressFacts.Holds(subnet.AddressPrefixes, ip))
            {
                return true;
            }
        }

        return false;
    }

    internal static bool IsStatic(NetworkInterfaceIpConfiguration ipConfiguration) =>
        string.Equals(ipConfiguration.PrivateIpAllocationMethod, "Static", StringComparison.OrdinalIgnoreCase);
}
