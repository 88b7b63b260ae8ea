using System.Collections.Immutable;
using VNetLab.Addressing;
using VNetLab.Diagnostics;
using VNetLab.Model;
using VNetLab.Validation.Facts;

namespace VNetLab.Validation.Rules.Gateways;

/// <summary>
/// What a local network gateway must say about the on-premises device (constraints.md 4.1, 4.3, 4.5, 4.15,
/// 4.18): where it is, some prefixes or BGP, no default route (seed 000: 0.0.0.0/1 + 128.0.0.0/1 instead),
/// and a BGP peer address that is a unicast address other than the device's public IP.
/// </summary>
internal sealed class LocalNetworkGatewayRule : IValidationRule
{
    public ImmutableArray<DiagnosticDescriptor> Descriptors { get; } =
    [
        DiagnosticCatalog.Descriptors.LocalNetworkGatewayWithoutAddress,
        DiagnosticCatalog.Descriptors.LocalNetworkGatewayEmpty,
        DiagnosticCatalog.Descriptors.LocalNetworkDefaultRoute,
        DiagnosticCatalog.Descriptors.InvalidBgpPeerIpAddress,
        DiagnosticCatalog.Descriptors.BgpPeerAddressIsGatewayAddress,
    ];

    public ValidationReads Reads { get; } = ValidationReads.EstateWide(typeof(LocalNetworkGateway));

    public IEnumerable<Diagnostic> Validate(Estate estate)
    {
        foreach (var lng in estate.LocalNetworkGateways)
        {
            if (lng.GatewayIpAddress is null && string.IsNullOrWhiteSpace(lng.Fqdn))
            {
                yield return DiagnosticCatalog.LocalNetworkGatewayWithoutAddress(lng);
            }

            if (lng.AddressPrefixes.IsEmpty && lng.BgpSettings is null)
            {
                yield return DiagnosticCatalog.LocalNetworkGatewayEmpty(lng);
            }

            foreach (var prefix in lng.AddressPrefixes.Where(p => p.Prefix.Length == 0))
            {
                yield return DiagnosticCatalog.LocalNetworkDefaultRoute(lng, prefix);
            }

            if (lng.BgpSettings is not { } bgp)
            {
                continue;
            }

            if (bgp.BgpPeeringAddresses.IsEmpty && !string.IsNullOrWhiteSpace(bgp.BgpPeeringAddressText))
            {
                yield return DiagnosticCatalog.InvalidBgpPeerIpAddress(lng, bgp.BgpPeeringAddressText);
            }

            foreach (var address in bgp.BgpPeeringAddresses)
            {
                if (!AddressFacts.IsUnicast(address))
                {
                    yield return DiagnosticCatalog.InvalidBgpPeerIpAddress(lng, address.ToString());
                }
                else if (lng.GatewayIpAddress is IpAddress device && device == address)
                {
                    yield return DiagnosticCatalog.BgpPeerAddressIsGatewayAddress(lng, address);
                }
            }
        }
    }
}
