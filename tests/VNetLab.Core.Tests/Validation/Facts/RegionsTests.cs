using FsCheck;
using FsCheck.Fluent;
using VNetLab.Core.Tests.Addressing;
using VNetLab.Validation.Facts;

namespace VNetLab.Core.Tests.Validation.Facts;

/// <summary>Comparing region names in place answers as comparing their normalized forms.</summary>
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
}
