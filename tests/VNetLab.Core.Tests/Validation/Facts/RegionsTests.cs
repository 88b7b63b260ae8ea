using FsCheck;
using FsCheck.Fluent;
using VNetLab.Core.Tests.Addressing;
using VNetLab.Validation.Facts;

namespace VNetLab.Core.Tests.Validation.Facts;

/// <summary>
/// Comparing region names in place answers as comparing their normalized forms; the geopolitical regions are those of
/// the ExpressRoute locations page's table (expressroute-locations-providers.md, geopolitical regions include, 2024-04-05).
/// </summary>
public sealed class RegionsTests
{
    private static readonly Gen<string> _name =
        Gen.Choose(0, 12).SelectMany(length => Gen.ArrayOf(Gen.Elements('W', 'w', 'e', 'E', 's', 't', '2', ' ', '-', '.', 'É', 'é', 'İ', 'ı', 'K', '\u212A'), length))
            .Select(static chars => new string(chars));

    [Fact]
    public void Property_SameEqualsComparingNormalizedNames() =>
        PropertyCheck.Holds(Gen.Zip(_name, _name), static pair => Regions.Same(pair.Item1, pair.Item2) == (Regions.Normalize(pair.Item1) == Regions.Normalize(pair.Item2)),
            runs: 5000);

    [Theory]
    [InlineData("West Europe", "westeurope", true)]
    [InlineData("westeurope", "West-Europe", true)]
    [InlineData("East US 2", "eastus2", true)]
    [InlineData("eastus", "eastus2", false)]
    [InlineData("", " - ", true)]
    [InlineData("westeurope", "westeurop", false)]
    public void Same_IgnoresCaseSpacesAndPunctuation(string a, string b, bool same)
    {
        Assert.Equal(same, Regions.Same(a, b));
        Assert.Equal(same, Regions.Same(b, a));
    }

    [Theory]
    [InlineData("swedencentral", "Europe")]
    [InlineData("Germany West Central", "Europe")]
    [InlineData("polandcentral", "Europe")]
    [InlineData("westus3", "North America")]
    [InlineData("westindia", "India")]
    [InlineData("India West", "India")]
    [InlineData("israelcentral", "Israel")]
    [InlineData("qatarcentral", "Qatar")]
    [InlineData("chinanorth3", "China North")]
    [InlineData("usgovvirginia", "US Government cloud")]
    public void GeopoliticalRegionOf_FollowsTheLocationsPage(string region, string geo) =>
        Assert.Equal(geo, Regions.GeopoliticalRegionOf(region));

    [Theory]
    [InlineData("germanycentral")] // the Germany sovereign cloud, gone from the page
    [InlineData("mexicocentral")] // not in the page's table at that revision
    [InlineData("atlantis")]
    public void GeopoliticalRegionOf_IsNullForRegionsTheTableLacks(string region) => Assert.Null(Regions.GeopoliticalRegionOf(region));

    [Theory]
    [InlineData("Stockholm", new[] { "Europe" })]
    [InlineData("Frankfurt", new[] { "Europe" })]
    [InlineData("Newport(Wales)", new[] { "Europe" })]
    [InlineData("Newport", new[] { "Europe" })]
    [InlineData("Hong Kong SAR", new[] { "Asia" })]
    [InlineData("Tel Aviv2", new[] { "Israel" })]
    [InlineData("Doha", new[] { "Qatar" })]
    [InlineData("Chicago", new[] { "North America", "US Government cloud" })]
    [InlineData("Reykjavik", new string[0])]
    public void GeopoliticalRegionsOfPeeringLocation_FollowsTheLocationsPage(string location, string[] geos) =>
        Assert.Equal(geos, Regions.GeopoliticalRegionsOfPeeringLocation(location));

    [Theory]
    [InlineData("Amsterdam", new[] { "West Europe" })]
    [InlineData("Queretaro (Mexico)", new[] { "Mexico Central" })]
    [InlineData("Mumbai2", new[] { "West India" })]
    [InlineData("Washington DC", new[] { "East US", "East US 2", "US DoD East", "US Gov Virginia" })]
    [InlineData("Copenhagen", new string[0])] // Local is not offered there
    [InlineData("Shanghai", new string[0])]
    public void LocalRegionsOfPeeringLocation_FollowsTheLocationsPage(string location, string[] regions) =>
        Assert.Equal(regions, Regions.LocalRegionsOfPeeringLocation(location));

    [Fact]
    public void LocalRegionsOfPeeringLocation_IsNullForALocationThePageLacks() => Assert.Null(Regions.LocalRegionsOfPeeringLocation("Reykjavik"));
}
