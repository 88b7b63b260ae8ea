using System.Collections.Immutable;
using VNetLab.Diagnostics;
using VNetLab.Model;
using VNetLab.Validation.Facts;

namespace VNetLab.Validation.Rules.ExpressRoute;

/// <summary>
/// What on-premises may advertise over a circuit (constraints.md 5.12): private peering takes 4,000 IPv4
/// prefixes (10,000 with Premium) and 100 IPv6 before dropping the session; Microsoft peering takes neither
/// the default route nor RFC 1918 prefixes. The advertisements come from the external sites attached to
/// the circuit or its peerings.
/// </summary>
internal sealed class CircuitRoutesRule(ValidationLimits limits) : IValidationRule
{
    public ImmutableArray<DiagnosticDescriptor> Descriptors { get; } =
        [DiagnosticCatalog.Descriptors.PrivatePeeringPrefixLimit, DiagnosticCatalog.Descriptors.MicrosoftPeeringRouteNotAccepted];

    public ValidationReads Reads { get; } = ValidationReads.EstateWide(typeof(ExpressRouteCircuit), typeof(ExternalSite));

    public IEnumerable<Diagnostic> Validate(Estate estate)
    {
        foreach (var circuit in estate.ExpressRouteCircuits)
        {
            foreach (var peering in circuit.Peerings)
            {
                var sites = estate.SitesAttachedTo(peering.Id);
                if (ExpressRouteFacts.IsPeeringType(peering, ExpressRouteFacts.PrivatePeering))
                {
                    // A site attached to the circuit itself is reached over private peering.
                    sites = [.. sites.Concat(estate.SitesAttachedTo(circuit.Id)).Distinct()];
                    var (tier, v4Limit) = circuit.IsPremium
                        ? ("Premium", limits.PrivatePeeringPrefixesPremium)
                        : (circuit.SkuTier ?? "Standard", limits.PrivatePeeringPrefixesStandard);
                    foreach (var site in sites)
                    {
                        var v4 = site.AdvertisedPrefixes.Count(p => p.IsV4);
                        var v6 = site.AdvertisedPrefixes.Length - v4;
                        if (v4 > v4Limit)
                        {
                            yield return DiagnosticCatalog.PrivatePeeringPrefixLimit(site, peering, tier, v4, v4Limit);
                        }

                        if (v6 > limits.PrivatePeeringPrefixesIpv6)
                        {
                            yield return DiagnosticCatalog.PrivatePeeringPrefixLimit(site, peering, tier, v6, limits.PrivatePeeringPrefixesIpv6);
                        }
                    }
                }
                else if (ExpressRouteFacts.IsPeeringType(peering, ExpressRouteFacts.MicrosoftPeering))
                {
                    foreach (var site in sites)
                    {
                        foreach (var prefix in site.AdvertisedPrefixes.Where(p => p.Length == 0 || AddressFacts.OverlapsRfc1918(p)))
                        {
                            yield return DiagnosticCatalog.MicrosoftPeeringRouteNotAccepted(site, peering, prefix);
                        }
                    }
                }
            }
        }
    }
}
