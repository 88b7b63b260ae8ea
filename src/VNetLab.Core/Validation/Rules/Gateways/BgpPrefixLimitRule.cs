using System.Collections.Immutable;
using VNetLab.Diagnostics;
using VNetLab.Model;

namespace VNetLab.Validation.Rules.Gateways;

/// <summary>
/// A VPN gateway accepts at most 4,000 prefixes from one BGP peer and drops the session beyond that
/// (constraints.md 4.6). The peer's advertisements come from the external sites behind a VPN connection.
/// </summary>
internal sealed class BgpPrefixLimitRule(ValidationLimits limits) : IValidationRule
{
    public ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = [DiagnosticCatalog.Descriptors.BgpPrefixLimit];

    public ValidationReads Reads { get; } = ValidationReads.EstateWide(typeof(VirtualNetworkGatewayConnection), typeof(ExternalSite));

    public IEnumerable<Diagnostic> Validate(Estate estate)
    {
        foreach (var site in estate.ExternalSites.Where(s => s.AdvertisedPrefixes.Length > limits.VpnBgpPrefixesPerPeer))
        {
            var vpnAttachment = site.AttachedTo.FirstOrDefault(id =>
                id.IsOfType(ResourceTypes.LocalNetworkGateways)
                || estate.Find<VirtualNetworkGatewayConnection>(id) is { ConnectionType: not VirtualNetworkGatewayConnectionType.ExpressRoute });
            if (vpnAttachment is not null)
            {
                yield return DiagnosticCatalog.BgpPrefixLimit(site, vpnAttachment, site.AdvertisedPrefixes.Length, limits.VpnBgpPrefixesPerPeer);
            }
        }
    }
}
