using System.Collections.Frozen;
using System.Globalization;

namespace VNetLab.Validation.Facts;

/// <summary>
/// The BGP community values Microsoft publishes for ExpressRoute Microsoft peering and route filters
/// (constraints.md 5.A, revision 2018-12 of expressroute-routing.md; semantics.md 5.4, revision 2026-03).
/// </summary>
internal static class BgpCommunities
{
    /// <summary>Office 365 communities; a route filter with any of them needs an authorised subscription and a Premium circuit (5.1, 5.2).</summary>
    public static FrozenSet<string> Office365 { get; } = FrozenSet.Create(StringComparer.Ordinal,
        "12076:5010", "12076:5020", "12076:5030", "12076:5100");

    private static readonly FrozenSet<int> _serviceValues = FrozenSet.Create(
        5010, 5020, 5030, 5040, 5050, 5060, 5070, 5100, 5110, 5120, 5130, 5220, 5250);

    // Region suffixes xx of the regional communities 12076:51xxx (Microsoft peering) and the service-regional
    // 12076:52xxx (Storage), 53xxx (SQL), 54xxx (Cosmos DB), 55xxx (Backup), which share them.
    private static readonly FrozenSet<int> _regionSuffixes = FrozenSet.Create(
        2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33,
        36, 37, 38, 39, 40, 41, 42, 43, 44, 105, 106, 108, 109, 205, 209);

    /// <summary>True for one <c>ASN:value</c> pair of decimal numbers, as Azure expects each list entry to be.</summary>
    public static bool IsWellFormed(string community)
    {
        var parts = community.Trim().Split(':');
        return parts.Length == 2 && parts.All(p => p.Length is > 0 and <= 10 && p.All(char.IsAsciiDigit));
    }

    public static bool IsOffice365(string community) => Office365.Contains(community.Trim());

    /// <summary>True when <paramref name="community"/> is <c>12076:N</c> with N a published service or regional value.</summary>
    public static bool IsKnown(string community)
    {
        var parts = community.Trim().Split(':');
        if (parts.Length != 2 || parts[0] != "12076"
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        return _serviceValues.Contains(value)
            || (value is >= 51000 and < 56000 && _regionSuffixes.Contains(value % 1000));
    }
}
