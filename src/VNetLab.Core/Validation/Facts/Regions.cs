using System.Collections.Frozen;

namespace VNetLab.Validation.Facts;

/// <summary>
/// Azure region and ExpressRoute peering-location names, and the geopolitical regions they belong to: the table Microsoft
/// Learn's "ExpressRoute peering locations and connectivity partners" page includes (MicrosoftDocs/azure-docs
/// includes/expressroute-azure-regions-geopolitical-region.md, revision dated 2024-04-05), with its national clouds;
/// and the Azure regions local to each peering location, which a Local circuit reaches (the same page's location tables,
/// revision dated 2026-04-28). Regions and locations these tables lack are unknown here, and validation says so
/// (VNL9202) rather than guessing.
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

    // The "Local Azure regions" column of the same page's tables of peering locations (revision dated 2026-04-28): the
    // regions a Local circuit at each location reaches, none where the page marks Local as not offered there. Its
    // commercial and US Government tables both list Chicago, Phoenix, San Antonio and Washington DC; a location here
    // serves the regions of both, since a circuit does not say which cloud it is in.
    private static readonly FrozenDictionary<string, string[]> _localRegionsOfPeeringLocation = BuildMany(
        ("UAE Central", ["Abu Dhabi"]),
        ("West Europe", ["Amsterdam", "Amsterdam2"]),
        ("New Zealand North", ["Auckland"]),
        ("Germany North", ["Berlin"]),
        ("Korea South", ["Busan"]),
        ("Brazil South", ["Campinas", "Sao Paulo", "Sao Paulo2"]),
        ("Australia Central", ["Canberra"]),
        ("Australia Central 2", ["Canberra2"]),
        ("South Africa West", ["Cape Town"]),
        ("South India", ["Chennai", "Chennai2"]),
        ("North Central US", ["Chicago", "Chicago2"]),
        ("West Central US", ["Denver"]),
        ("Qatar Central", ["Doha", "Doha2"]),
        ("UAE North", ["Dubai", "Dubai2"]),
        ("North Europe", ["Dublin", "Dublin2"]),
        ("Germany West Central", ["Frankfurt", "Frankfurt2"]),
        ("Switzerland West", ["Geneva"]),
        ("East Asia", ["Hong Kong", "Hong Kong SAR", "Hong Kong2"]),
        ("Indonesia Central", ["Jakarta", "Jakarta2"]),
        ("South Africa North", ["Johannesburg"]),
        ("Malaysia West", ["Kuala Lumpur", "Kuala Lumpur2"]),
        ("UK South", ["London", "London2"]),
        ("Spain Central", ["Madrid", "Madrid2"]),
        ("France South", ["Marseille"]),
        ("Australia Southeast", ["Melbourne", "Melbourne2"]),
        ("Italy North", ["Milan", "Milan2"]),
        ("West India", ["Mumbai", "Mumbai2"]),
        ("UK West", ["Newport(Wales)", "Newport"]),
        ("Japan West", ["Osaka"]),
        ("Norway East", ["Oslo"]),
        ("France Central", ["Paris", "Paris2"]),
        ("West US 3", ["Phoenix", "Phoenix2"]),
        ("West US 2", ["Portland", "Quincy", "Seattle"]),
        ("Central India", ["Pune"]),
        ("Canada East", ["Quebec City"]),
        ("Mexico Central", ["Queretaro(Mexico)"]),
        ("Brazil Southeast", ["Rio de Janeiro"]),
        ("South Central US", ["San Antonio"]),
        ("Korea Central", ["Seoul", "Seoul2"]),
        ("West US", ["Silicon Valley", "Silicon Valley2"]),
        ("Southeast Asia", ["Singapore", "Singapore2"]),
        ("Norway West", ["Stavanger"]),
        ("Sweden Central", ["Stockholm", "Stockholm2"]),
        ("Australia East", ["Sydney", "Sydney2"]),
        ("Taiwan North", ["Taipei", "Taipei2"]),
        ("Israel Central", ["Tel Aviv", "Tel Aviv2"]),
        ("Japan East", ["Tokyo", "Tokyo2", "Tokyo3"]),
        ("Canada Central", ["Toronto", "Toronto2"]),
        ("Poland Central", ["Warsaw"]),
        ("East US", ["Washington DC", "Washington DC2"]),
        ("East US 2", ["Washington DC", "Washington DC2"]),
        ("Switzerland North", ["Zurich", "Zurich2"]),
        ("US Gov Arizona", ["Phoenix"]),
        ("US Gov Texas", ["San Antonio"]),
        ("US DoD East", ["Washington DC"]),
        ("US Gov Virginia", ["Washington DC"]));

    // The locations the page lists where Local is not offered (its cross mark), in either cloud's table.
    private static readonly FrozenSet<string> _locationsWithoutLocal = new[]
    {
        "Atlanta", "Atlanta2", "Bangkok", "Brussels", "Brussels2", "Copenhagen", "Dallas", "Dallas2", "Las Vegas", "Los Angeles",
        "Los Angeles2", "Miami", "Minneapolis", "Montreal", "Munich", "New York", "Perth", "Santiago", "Vancouver", "Vienna",
        "Vienna2", "Beijing", "Beijing2", "Shanghai", "Shanghai2",
    }.Select(Normalize).ToFrozenSet();

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

    /// <summary>
    /// The Azure regions a Local circuit at <paramref name="peeringLocation"/> reaches: empty where Local is not offered
    /// there, null when the page does not list the location.
    /// </summary>
    public static IReadOnlyList<string>? LocalRegionsOfPeeringLocation(string peeringLocation)
    {
        var key = Normalize(peeringLocation);
        return _localRegionsOfPeeringLocation.TryGetValue(key, out var regions) ? regions
            : _locationsWithoutLocal.Contains(key) ? []
            : null;
    }

    private static FrozenDictionary<string, string> Build(params (string Geo, string[] Names)[] table) =>
        table.SelectMany(row => row.Names.Select(n => (Key: Normalize(n), row.Geo)))
            .ToFrozenDictionary(p => p.Key, p => p.Geo);

    private static FrozenDictionary<string, string[]> BuildMany(params (string Geo, string[] Names)[] table) =>
        table.SelectMany(row => row.Names.Select(n => (Key: Normalize(n), row.Geo)))
            .GroupBy(p => p.Key)
            .ToFrozenDictionary(g => g.Key, g => g.Select(p => p.Geo).ToArray());
}
