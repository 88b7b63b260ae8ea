using VNetLab.Arm.Import;

namespace VNetLab.Arm.Tests.Import;

/// <summary>
/// Property names match ignoring case, as ARM matches them, whether the name is plain ASCII (compared on its
/// bytes) or written with JSON escapes (compared as text).
/// </summary>
public sealed class PropertyNameTests
{
    [Theory]
    [InlineData("addressPrefixes")]
    [InlineData("ADDRESSPREFIXES")]
    [InlineData("address\\u0050refixes")]
    [InlineData("\\u0061ddressprefixes")]
    public void PropertyNames_MatchIgnoringCase_EscapedOrNot(string written)
    {
        var json = Fixtures.Vnet(prefix: "10.7.0.0/16", subnetPrefix: "10.7.1.0/24").Replace("\"addressPrefixes\"", $"\"{written}\"", StringComparison.Ordinal);
        var result = EstateReader.ReadText(json);
        Assert.Empty(result.Diagnostics);
        var vnet = Assert.Single(result.Estate.VirtualNetworks);
        Assert.Equal("10.7.0.0/16", Assert.Single(vnet.AddressSpace).Text);
    }

    [Fact]
    public void ANameThatOnlyLooksAlike_IsNotMatched()
    {
        var json = Fixtures.Vnet().Replace("\"addressPrefixes\"", "\"addressPrefixes2\"", StringComparison.Ordinal);
        var vnet = Assert.Single(EstateReader.ReadText(json).Estate.VirtualNetworks);
        Assert.Empty(vnet.AddressSpace);
    }
}
