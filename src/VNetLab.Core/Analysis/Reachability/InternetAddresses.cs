using VNetLab.Addressing;
using VNetLab.Model;

namespace VNetLab.Analysis.Reachability;

/// <summary>
/// What "the Internet" means as a destination in reach and verify: public IPv4 unicast space, that is everything
/// except RFC 1918, shared (100.64.0.0/10), loopback, link-local, "this network", multicast and reserved space,
/// and except the estate's own VNet ranges and the ranges of its on-premises and other non-Internet sites.
/// </summary>
public static class InternetAddresses
{
    private static readonly AddressSet _nonPublic = AddressSet.FromPrefixes(
        new[] { "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.168.0.0/16", "224.0.0.0/3" }
            .Select(IpPrefix.Parse));

    public static AddressSet For(Estate estate) =>
        AddressSet.AllV4
            .Except(_nonPublic)
            .Except(AddressSet.FromPrefixes(estate.VirtualNetworks.SelectMany(v => v.AddressSpace).Select(p => p.Prefix)))
            .Except(AddressSet.FromPrefixes(estate.ExternalSites
                .Where(s => s.Role is not (ExternalSiteRole.Internet or ExternalSiteRole.InternetProxy))
                .SelectMany(s => s.AddressSpace)));
}
