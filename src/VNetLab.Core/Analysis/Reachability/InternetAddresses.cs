using VNetLab.Addressing;
using VNetLab.Model;
using VNetLab.Security;

namespace VNetLab.Analysis.Reachability;

/// <summary>
/// What "the Internet" means as a destination in reach and verify: the IPv4 space of the <c>Internet</c> service tag
/// as the security engine expands it (<see cref="ServiceTagSet.InternetExclusions"/>: no RFC 1918, shared, loopback,
/// link-local, multicast or the ranges the recorded expansion leaves out, VNL9101), without the platform addresses
/// (168.63.129.16 is the host, not the Internet), the estate's own VNet ranges, and the ranges of its on-premises
/// and other non-Internet sites. Using the tag's own expansion keeps "reaches the Internet" and the NSG verdicts on
/// <c>Internet</c> rules about the same addresses.
/// </summary>
public static class InternetAddresses
{
    private static readonly AddressSet _nonInternet = AddressSet.FromPrefixes(ServiceTagSet.InternetExclusions.Where(p => p.IsV4)).Union(PlatformAddresses.All);

    public static AddressSet For(Estate estate) =>
        AddressSet.AllV4
            .Except(_nonInternet)
            .Except(AddressSet.FromPrefixes(estate.VirtualNetworks.SelectMany(v => v.AddressSpace).Select(p => p.Prefix)))
            .Except(AddressSet.FromPrefixes(estate.ExternalSites
                .Where(s => s.Role is not (ExternalSiteRole.Internet or ExternalSiteRole.InternetProxy))
                .SelectMany(s => s.AddressSpace)));
}
