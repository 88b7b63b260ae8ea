using System.Collections.Immutable;
using VNetLab.Addressing;
using VNetLab.Model;

namespace VNetLab.Validation.Facts;

/// <summary>Address ranges Azure treats specially in virtual networks (constraints.md 2.6, 2.7, 5.12).</summary>
internal static class AddressFacts
{
    /// <summary>Ranges a VNet address space may not include, with what they are for (constraints.md 2.6).</summary>
    public static ImmutableArray<(IpPrefix Prefix, string Use)> ReservedForVirtualNetworks { get; } =
    [
        (IpPrefix.Parse("224.0.0.0/4"), "multicast"),
        (IpPrefix.Parse("255.255.255.255/32"), "broadcast"),
        (IpPrefix.Parse("127.0.0.0/8"), "loopback"),
        (IpPrefix.Parse("169.254.0.0/16"), "link-local"),
        (IpPrefix.Parse("168.63.129.16/32"), "Azure's internal DNS and health probe address"),
    ];

    /// <summary>RFC 1918 private ranges.</summary>
    public static ImmutableArray<IpPrefix> Rfc1918 { get; } =
        [IpPrefix.Parse("10.0.0.0/8"), IpPrefix.Parse("172.16.0.0/12"), IpPrefix.Parse("192.168.0.0/16")];

    /// <summary>RFC 6598 shared address space, not routed on the Internet either (Azure adds a None route for it).</summary>
    public static IpPrefix SharedAddressSpace { get; } = IpPrefix.Parse("100.64.0.0/10");

    /// <summary>True for an IPv4 prefix inside RFC 1918 or RFC 6598 space: a range nobody reaches on the Internet.</summary>
    public static bool IsPrivate(IpPrefix prefix)
    {
        if (!prefix.IsV4)
        {
            return false;
        }

        // A loop, not Any: asked of every VNet's address space, whose closure and enumerator were garbage per prefix.
        foreach (var range in Rfc1918)
        {
            if (range.Contains(prefix))
            {
                return true;
            }
        }

        return SharedAddressSpace.Contains(prefix);
    }

    /// <summary>The first of <paramref name="prefixes"/> that holds <paramref name="ip"/>, or the default (no text) when none does.</summary>
    public static AddressPrefix Holding(ImmutableArray<AddressPrefix> prefixes, IpAddress ip)
    {
        // A loop, not FirstOrDefault: asked of NIC addresses and appliance routes per subject, where the closure was garbage.
        foreach (var prefix in prefixes)
        {
            if (prefix.Prefix.Contains(ip))
            {
                return prefix;
            }
        }

        return default;
    }

    /// <summary>True when one of <paramref name="prefixes"/> holds <paramref name="ip"/>.</summary>
    public static bool Holds(ImmutableArray<AddressPrefix> prefixes, IpAddress ip) => Holding(prefixes, ip).Text is not null;

    /// <summary>True for an IPv4 prefix that overlaps RFC 1918 space.</summary>
    public static bool OverlapsRfc1918(IpPrefix prefix) => prefix.IsV4 && Rfc1918.Any(p => p.Overlaps(prefix));

    /// <summary>
    /// True when <paramref name="ip"/> is one of the five addresses Azure keeps in an IPv4 subnet: the
    /// network address, the default gateway (.1), two DNS addresses (.2, .3) and the broadcast address.
    /// </summary>
    public static bool IsReservedInSubnet(IpPrefix subnet, IpAddress ip) =>
        subnet.IsV4 && subnet.Contains(ip) && (ip.Value - subnet.Network.Value < 4 || ip == subnet.Last);

    /// <summary>Addresses Azure keeps in every IPv4 subnet (constraints.md 2.7).</summary>
    public const int ReservedAddressesPerSubnet = 5;

    /// <summary>True for a unicast host address: not unspecified, loopback, multicast, broadcast or class E.</summary>
    public static bool IsUnicast(IpAddress ip)
    {
        if (ip.IsV4)
        {
            var first = ip.V4Value >> 24;
            return first != 0 && first != 127 && first < 224;
        }

        return ip.Value > 1 && (ip.Value >> 120) != 0xff;
    }
}
