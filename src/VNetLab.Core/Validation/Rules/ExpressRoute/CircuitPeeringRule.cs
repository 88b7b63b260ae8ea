using System.Collections.Immutable;
using VNetLab.Addressing;
using VNetLab.Diagnostics;
using VNetLab.Model;
using VNetLab.Validation.Facts;

namespace VNetLab.Validation.Rules.ExpressRoute;

/// <summary>
/// Circuit peerings (constraints.md 5.6, 5.7, 5.9, 5.11): configured only on a provisioned circuit; link
/// subnets are host-bits-zero /30s (/126), private peering's outside every linked VNet and Microsoft
/// peering's public; a private peering has all its parameters; Microsoft peering without a route filter
/// receives nothing.
/// </summary>
internal sealed class CircuitPeeringRule : IValidationRule
{
    public ImmutableArray<DiagnosticDescriptor> Descriptors { get; } =
    [
        DiagnosticCatalog.Descriptors.PeeringOnUnprovisionedCircuit,
        DiagnosticCatalog.Descriptors.PrivatePeeringConfigIncomplete,
        DiagnosticCatalog.Descriptors.MicrosoftPeeringWithoutRouteFilter,
        DiagnosticCatalog.Descriptors.PeeringAddressPrefixFormat,
        DiagnosticCatalog.Descriptors.InvalidCidrNotation,
        DiagnosticCatalog.Descriptors.PeeringAddressPrefixNotSlash30,
        DiagnosticCatalog.Descriptors.PrivatePeeringPrefixOverlapsVnet,
        DiagnosticCatalog.Descriptors.MicrosoftPeeringPrivatePrefix,
    ];

    public ValidationReads Reads { get; } = ValidationReads.EstateWide(typeof(VirtualNetwork), typeof(VirtualNetworkGateway), typeof(VirtualNetworkGatewayConnection), typeof(ExpressRouteCircuit));

    public IEnumerable<Diagnostic> Validate(Estate estate)
    {
        foreach (var circuit in estate.ExpressRouteCircuits)
        {
            var linkedVnets = LinkedVnets(estate, circuit);
            foreach (var peering in circuit.Peerings)
            {
                if (ExpressRouteFacts.IsKnownNotProvisioned(circuit))
                {
                    yield return DiagnosticCatalog.PeeringOnUnprovisionedCircuit(circuit, peering);
                }

                var isPrivate = ExpressRouteFacts.IsPeeringType(peering, ExpressRouteFacts.PrivatePeering);
                var isMicrosoft = ExpressRouteFacts.IsPeeringType(peering, ExpressRouteFacts.MicrosoftPeering);
                if (isPrivate && Missing(peering) is { } missing)
                {
                    yield return DiagnosticCatalog.PrivatePeeringConfigIncomplete(peering, missing);
                }

                if (isMicrosoft && peering.RouteFilterId is null)
                {
                    yield return DiagnosticCatalog.MicrosoftPeeringWithoutRouteFilter(peering);
                }

                foreach (var (field, text) in LinkPrefixes(peering))
                {
                    foreach (var diagnostic in CheckLinkPrefix(peering, field, text, isPrivate, isMicrosoft, linkedVnets))
                    {
                        yield return diagnostic;
                    }
                }

                if (isMicrosoft)
                {
                    foreach (var advertised in peering.AdvertisedPublicPrefixes)
                    {
                        if (IpPrefix.TryParseAddressOrPrefix(advertised, out var prefix, out _) && AddressFacts.OverlapsRfc1918(prefix))
                        {
                            yield return DiagnosticCatalog.MicrosoftPeeringPrivatePrefix(peering, "advertisedPublicPrefixes entry", advertised);
                        }
                    }
                }
            }
        }
    }

    private static IEnumerable<Diagnostic> CheckLinkPrefix(ExpressRouteCircuitPeering peering, string field, string text, bool isPrivate,
        bool isMicrosoft, List<VirtualNetwork> linkedVnets)
    {
        if (!IpPrefix.TryParse(text, out var prefix, out var canonical))
        {
            yield return DiagnosticCatalog.PeeringAddressPrefixFormat(peering, text);
            yield break;
        }

        if (!canonical)
        {
            yield return DiagnosticCatalog.InvalidCidrNotation(peering, text, prefix);
        }

        if (prefix.Length != (prefix.IsV4 ? 30 : 126))
        {
            yield return DiagnosticCatalog.PeeringAddressPrefixNotSlash30(peering, field, text);
        }

        if (isPrivate)
        {
            foreach (var vnet in linkedVnets)
            {
                var overlapped = vnet.AddressSpace.FirstOrDefault(v => v.Prefix.Overlaps(prefix));
                if (overlapped.Text is not null)
                {
                    yield return DiagnosticCatalog.PrivatePeeringPrefixOverlapsVnet(peering, field, text, overlapped, vnet.Id);
                }
            }
        }

        if (isMicrosoft && AddressFacts.OverlapsRfc1918(prefix))
        {
            yield return DiagnosticCatalog.MicrosoftPeeringPrivatePrefix(peering, field, text);
        }
    }

    private static IEnumerable<(string Field, string Text)> LinkPrefixes(ExpressRouteCircuitPeering peering)
    {
        if (!string.IsNullOrWhiteSpace(peering.PrimaryPeerAddressPrefix))
        {
            yield return ("primaryPeerAddressPrefix", peering.PrimaryPeerAddressPrefix);
        }

        if (!string.IsNullOrWhiteSpace(peering.SecondaryPeerAddressPrefix))
        {
            yield return ("secondaryPeerAddressPrefix", peering.SecondaryPeerAddressPrefix);
        }
    }

    private static string? Missing(ExpressRouteCircuitPeering peering)
    {
        var missing = new List<string>();
        if (peering.PeerAsn is null)
        {
            missing.Add("peerASN");
        }

        if (string.IsNullOrWhiteSpace(peering.PrimaryPeerAddressPrefix))
        {
            missing.Add("primaryPeerAddressPrefix");
        }

        if (string.IsNullOrWhiteSpace(peering.SecondaryPeerAddressPrefix))
        {
            missing.Add("secondaryPeerAddressPrefix");
        }

        if (peering.VlanId is null)
        {
            missing.Add("vlanId");
        }

        return missing.Count == 0 ? null : string.Join(", ", missing);
    }

    private static List<VirtualNetwork> LinkedVnets(Estate estate, ExpressRouteCircuit circuit) =>
        [.. estate.Connections
            .Where(c => c.ConnectionType == VirtualNetworkGatewayConnectionType.ExpressRoute && c.PeerId == circuit.Id)
            .Select(c => estate.Find<VirtualNetworkGateway>(c.VirtualNetworkGateway1Id)?.VirtualNetworkId)
            .Select(estate.Find<VirtualNetwork>)
            .OfType<VirtualNetwork>()
            .Distinct()];
}
