using VNetLab.Addressing;
using VNetLab.Model;

namespace VNetLab.Arm.Import.Mappers;

internal sealed class RouteMapper : IResourceMapper
{
    public string ResourceType => ResourceTypes.Routes;

    public Resource? Map(ResourceContext context) => MapRoute(context);

    /// <summary>A route's prefix may be a CIDR or a service tag (semantics.md 3.5), so a non-CIDR is kept as text, not reported.</summary>
    public static Route? MapRoute(ResourceContext context)
    {
        var p = context.Properties;
        var addressPrefix = p.RequiredString("addressPrefix", "route");
        var nextHopType = p.RequiredEnum<RouteNextHopType>("nextHopType", "route");

        if (addressPrefix is null || nextHopType is null)
        {
            return null;
        }

        IpPrefix? prefix = null;
        var canonical = true;
        if (addressPrefix.Contains('/'))
        {
            if (IpPrefix.TryParse(addressPrefix, out var parsed, out canonical))
            {
                prefix = parsed;
                if (!canonical)
                {
                    p.Report(Diagnostics.DiagnosticCatalog.NonCanonicalPrefix(p.Location.Property("addressPrefix"), context.Id, addressPrefix, parsed.ToString()));
                }
            }
            else
            {
                p.Report(Diagnostics.DiagnosticCatalog.InvalidAddressPrefix(p.Location.Property("addressPrefix"), context.Id, addressPrefix));
                return null;
            }
        }

        var nextHopText = p.String("nextHopIpAddress");
        return new Route
        {
            Id = context.Id,
            Source = context.Location,
            AddressPrefix = addressPrefix,
            Prefix = prefix,
            IsPrefixCanonical = canonical,
            NextHopType = nextHopType.Value,
            NextHopIpAddressText = nextHopText,
            NextHopIpAddress = string.IsNullOrWhiteSpace(nextHopText) ? null : p.IpAddress("nextHopIpAddress"),
        };
    }
}
