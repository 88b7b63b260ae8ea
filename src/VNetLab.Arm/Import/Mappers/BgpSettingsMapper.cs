using System.Collections.Immutable;
using VNetLab.Addressing;
using VNetLab.Model;

namespace VNetLab.Arm.Import.Mappers;

/// <summary>Reads <c>bgpSettings</c> of a gateway or local network gateway.</summary>
internal static class BgpSettingsMapper
{
    public static BgpSettings? Map(JsonObjectReader? bgp)
    {
        if (bgp is null)
        {
            return null;
        }

        // Active-active gateways list two addresses comma-separated in one string.
        var text = bgp.String("bgpPeeringAddress");
        var addresses = ImmutableArray.CreateBuilder<IpAddress>();
        if (!string.IsNullOrWhiteSpace(text))
        {
            foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (IpAddress.TryParse(part, out var address))
                {
                    addresses.Add(address);
                }
                else
                {
                    bgp.Report(Diagnostics.DiagnosticCatalog.InvalidIpAddress(bgp.Location.Property("bgpPeeringAddress"), bgp.ResourceId, part));
                }
            }
        }

        return new BgpSettings
        {
            Asn = bgp.Long("asn"),
            BgpPeeringAddresses = addresses.ToImmutable(),
            BgpPeeringAddressText = text,
            PeerWeight = bgp.Int("peerWeight") ?? 0,
        };
    }
}
