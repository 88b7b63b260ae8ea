using System.Collections.Frozen;

namespace VNetLab.Validation.Facts;

/// <summary>
/// Azure region and ExpressRoute peering-location names, and the geopolitical regions they belong to.
/// The table is the one in MicrosoftDocs/azure-docs articles/expressroute/expressroute-locations.md
/// (revision of 2019-07-30); regions and locations added since are unknown to it, and validation says so
/// (VNL9202) rather than guessing.
/// </summary>
internal static class Regions
{
    private static readonly FrozenDictionary<string, string> _geoOfRegion = Build(
        ("Australia Government", ["Australia Central", "Australia Central 2"]),
        ("Europe", ["France Central", "France South", "North Europe", "West Europe", "UK West", "UK South"]),
        ("North America", ["East US", "West US", "East US 2", "West US 2", "Central US", "South Central US", "North Central US",
            "West Central US", "Canada Central", "Canada East"]),
        ("Asia", ["East Asia", "Southeast Asia"]),
        ("India", ["West India", "Central India", "South India"]),
        ("Japan", ["Japan West", "Japan East"]),
        ("Oceania", ["Australia Southeast", "Australia East"]),
        ("South Korea", ["Korea Central", "Korea South"]),
        ("UAE", ["UAE Central", "UAE North"]),
        ("South Africa", ["South Africa West", "South Africa North"]),
        ("South America", ["Brazil South"]),
        ("US Government cloud", ["US Gov Arizona", "US Gov Iowa", "US Gov Texas", "US Gov Virginia", "US DoD Central", "US DoD East"]),
        ("China East", ["China East", "China East 2"]),
        ("China North", ["China North", "China North 2"]),
        ("Germany", ["Germany Central", "Germany East"]));

    private static readonly FrozenDictionary<string, string[]> _geosOfPeeringLocation = BuildMany(
        ("Australia Government", ["Canberra", "Canberra2"]),
        ("Europe", ["Amsterdam", "Amsterdam2", "Copenhagen", "Dublin", "Frankfurt", "London", "London2", "Marseille", "Newport(Wales)",
            "Newport", "Paris", "Zurich"]),
        ("North America", ["Atlanta", "Chicago", "Dallas", "Denver", "Las Vegas", "Los Angeles", "Miami", "New York", "San Antonio",
            "Seattle", "Silicon Valley", "Silicon Valley2", "Washington DC", "Washington DC2", "Montreal", "Quebec City", "Toronto"]),
        ("Asia", ["Hong Kong SAR", "Hong Kong", "Kuala Lumpur", "Singapore", "Singapore2", "Taipei"]),
        ("India", ["Chennai", "Chennai2", "Mumbai", "Mumbai2"]),
        ("Japan", ["Osaka", "Tokyo"]),
        ("Oceania", ["Auckland", "Melbourne", "Perth", "Sydney"]),
        ("South Korea", ["Busan", "Seoul"]),
        ("UAE", ["Dubai", "Dubai2"]),
        ("South Africa", ["Cape Town", "Johannesburg"]),
        ("South America", ["Sao Paulo"]),
        ("US Government cloud", ["Chicago", "Dallas", "New York", "Phoenix", "San Antonio", "Seattle", "Silicon Valley", "Washington DC"]),
        ("China East", ["Shanghai", "Shanghai2"]),
        ("China North", ["Beijing", "Beijing2"]),
        ("Germany", ["Berlin", "Frankfurt"]));

    /// <summary>A region or location name compared the way ARM does: case and spaces ignored (<c>West Europe</c> = <c>westeurope</c>).</summary>
    public static string Normalize(string name) =>
        new([.. name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);

    /// <summary>
    /// True when two region names denote the same region: <c>Normalize(a) == Normalize(b)</c>, compared in place. Every
    /// NIC and ASG member is checked against its VNet's region, and two new strings per check added up.
    /// </summary>
    public static bool Same(string a, string b)
    {
        if (string.Equals(a, b, StringComparison.Ordinal))
        {
            return true;
        }

        var (i, j) = (0, 0);
        while (true)
        {
            while (i < a.Length && !char.IsLetterOrDigit(a[i]))
            {
                i++;
            }

            while (j < b.Length && !char.IsLetterOrDigit(b[j]))
            {
                j++;
            }

            if (i == a.Length || j == b.Length)
            {
                return i == a.Length && j == b.Length;
            }

            if (char.ToLowerInvariant(a[i]) != char.ToLowerInvariant(b[j]))
            {
                return false;
            }

            i++;
            j++;
        }
    }

    /// <summary>The geopolitical region of an Azure region, or null when the table does not list it.</summary>
    public static string? GeopoliticalRegionOf(string azureRegion) => _geoOfRegion.GetValueOrDefault(Normalize(azureRegion));

    /// <summary>The geopolitical regions an ExpressRoute peering location serves (a few serve two), or empty when unknown.</summary>
    public static IReadOnlyList<string> GeopoliticalRegionsOfPeeringLocation(string peeringLocation) =>
        _geosOfPeeringLocation.GetValueOrDefault(Normalize(peeringLocation), []);

    private static FrozenDictionary<string, string> Build(params (string Geo, string[] Names)[] table) =>
        table.SelectMany(row => row.Names.Select(n => (Key: Normalize(n), row.Geo)))
            .ToFrozenDictionary(p => p.Key, p => p.Geo);

    private static FrozenDictionary<string, string[]> BuildMany(params (string Geo, string[] Names)[] table) =>
        table.SelectMany(row => row.Names.Select(n => (Key: Normalize(n), row.Geo)))
            .GroupBy(p => p.Key)
            .ToFrozenDictionary(g => g.Key, g => g.Select(p => p.Geo).ToArray());
}
