using System.Collections.Immutable;
using VNetLab.Diagnostics;
using VNetLab.Model;
using VNetLab.Validation.Facts;

namespace VNetLab.Validation.Rules.Gateways;

/// <summary>
/// BGP ASNs Azure or IANA reserve cannot be used (constraints.md 3.12): not on a VNet gateway (65515, its
/// default, excepted), not on an on-premises device, not as an ExpressRoute peer; a local network gateway's
/// ASN cannot be zero (4.4).
/// </summary>
internal sealed class BgpAsnRule : IValidationRule
{
    public ImmutableArray<DiagnosticDescriptor> Descriptors { get; } =
        [DiagnosticCatalog.Descriptors.ReservedAsn, DiagnosticCatalog.Descriptors.LocalNetworkGatewayCannotHaveZeroAsn];

    public ValidationReads Reads { get; } = ValidationReads.EstateWide(typeof(VirtualNetworkGateway), typeof(LocalNetworkGateway), typeof(ExpressRouteCircuit));

    public IEnumerable<Diagnostic> Validate(Estate estate)
    {
        foreach (var gateway in estate.VirtualNetworkGateways)
        {
            if (gateway.BgpSettings?.Asn is { } asn && BgpAsns.ReservedForVirtualNetworkGateway(asn) is { } reason)
            {
                yield return DiagnosticCatalog.ReservedAsn(gateway, "Virtual network gateway", asn, reason);
            }
        }

        foreach (var lng in estate.LocalNetworkGateways)
        {
            if (lng.BgpSettings?.Asn is not { } asn)
            {
                continue;
            }

            if (asn == 0)
            {
                yield return DiagnosticCatalog.LocalNetworkGatewayCannotHaveZeroAsn(lng);
            }
            else if (BgpAsns.ReservedForOnPremises(asn) is { } reason)
            {
                yield return DiagnosticCatalog.ReservedAsn(lng, "Local network gateway", asn, reason);
            }
        }

        foreach (var peering in estate.ExpressRouteCircuits.SelectMany(c => c.Peerings))
        {
            if (peering.PeerAsn is { } asn && BgpAsns.ReservedForExpressRoutePeer(asn) is { } reason)
            {
                yield return DiagnosticCatalog.ReservedAsn(peering, "ExpressRoute circuit peering", asn, reason);
            }
        }
    }
}
