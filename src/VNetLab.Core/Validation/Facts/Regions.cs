using System.Collections.Frozen;

namespace VNetLab.Validation.Facts;

/// <summary>
/// Azure region and ExpressRoute peering-location names, and the geopolitical regions they belong to: the table Microsoft
/// Learn's "ExpressRoute peering locations and connectivity partners" page includes (MicrosoftDocs/azure-docs
/// includes/expressroute-azure-regions-geopolitical-region.md, revision dated 2024-04-05), with its national clouds.
/// Regions and locations added since are unknown to it, and validation says so (VNL9202) rather than guessing.
/// </summary>
/// <remarks>
/// The page names the Indian regions "India West", "India Central" and "India South"; ARM names them westindia,
/// centralindia and southindia, so both spellings are listed. The Germany sovereign cloud (Germany Central, Germany
/// East), which the 2019 revision this table replaced had as a geopolitical region of its own, is gone from the page
/// and from here; Berlin and Frankfurt are now Europe's. "Newport" and "Hong Kong SAR", spellings of the 2019 revision
/// that circuits created then still carry, are kept beside the page's "Newport(Wales)" and "Hong Kong".
/// </remarks>
internal static class Regions
{
    private static readonly FrozenDictionary<string, string> _geoOfRegion = Build(
        ("Australia Government", ["Australia Central", "Australia Central 2"]),
        ("Europe", ["France Central", "France South", "Germany North", "Germany West Central", "Italy North", "North Europe",
            "Norway East", "Norway West", "Poland Central", "Sweden Central", "Switzerland North", "Switzerland West", "UK West",
            "UK South", "West Europe"]),
        ("North America", ["East US", "West US", "East US 2", "West US 2", "West US 3", "Central US", "South Central US",
            "North Central US", "West Central US", "Canada Central", "Canada East"]),
        ("Asia", ["East Asia", "Southeast Asia"]),
        ("India", ["India West", "India Central", "India South", "West India", "Central India", "South India"]),
        ("Israel", ["Israel Central"]),
        ("Japan", ["Japan West", "Japan East"]),
        ("Oceania", ["Australia East", "Australia Southeast"]),
        ("South Korea", ["Korea Central", "Korea South"]),
        ("UAE", ["UAE Central", "UAE North"]),
        ("South Africa", ["South Africa West", "South Africa North"]),
        ("South America", ["Brazil South"]),
        ("Qatar", ["Qatar Central"]),
        ("US Government cloud", ["US Gov Arizona", "US Gov Iowa", "US Gov Texas", "US Gov Virginia", "US DoD Central", "US DoD East"]),
        ("China East", ["China East", "China East 2"]),
        ("China North", ["China North", "China North 2", "China North 3"]));

    private static readonly FrozenDictionary<string, string[]> _geosOfPeeringLocation = BuildMany(
        ("Australia Government", ["Canberra", "Canberra2"]),
        ("Europe", ["Amsterdam", "Amsterdam2", "Berlin", "Copenhagen", "Dublin", "Dublin2", "Frankfurt", "Frankfurt2", "Geneva",
            "London", "London2", "Madrid", "Madrid2", "Marseille", "Milan", "Milan2", "Munich", "Newport(Wales)", "Newport", "Oslo", "Paris",
            "Paris2", "Stavanger", "Stockholm", "Warsaw", "Zurich", "Zurich2"]),
        ("North America", ["Atlanta", "Chicago", "Chicago2", "Dallas", "Denver", "Las Vegas", "Los Angeles", "Los Angeles2", "Miami",
            "Minneapolis", "Montreal", "New York", "Phoenix", "Quebec City", "Queretaro(Mexico)", "Quincy", "San Antonio", "Seattle",
            "Silicon Valley", "Silicon Valley2", "Toronto", "Toronto2", "Vancouver", "Washington DC", "Washington DC2"]),
        ("Asia", ["Bangkok", "Hong Kong", "Hong Kong SAR", "Hong Kong2", "Jakarta", "Kuala Lumpur", "Singapore", "Singapore2", "Taipei"]),
        ("India", ["Chennai", "Chennai2", "Mumbai", "Mumbai2", "Pune"]),
        ("Israel", ["Tel Aviv", "Tel Aviv2"]),
        ("Japan", ["Osaka", "Tokyo", "Tokyo2", "Tokyo3"]),
        ("Oceania", ["Auckland", "Melbourne", "Perth", "Sydney", "Sydney2"]),
        ("South Korea", ["Busan", "Seoul", "Seoul2"]),
        ("UAE", ["Abu Dhabi", "Dubai", "Dubai2"]),
        ("South Africa", ["Cape Town", "Johannesburg"]),
        ("South America", ["Campinas", "Rio de Janeiro", "Sao Paulo", "Sao Paulo2", "Santiago"]),
        ("Qatar", ["Doha", "Doha2"]),
        ("US Government cloud", ["Atlanta", "Chicago", "Dallas", "New York", "Phoenix", "San Antonio", "Seattle", "Silicon Valley", "Washington DC"]),
        ("China East", ["Shanghai", "Shanghai2"]),
        ("China North", ["Beijing", "Beijing2"]));

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
