using VNetLab.Addressing;

namespace VNetLab.Core.Tests.Addressing;

/// <summary>Construction, containment and parsing; the CIDR split lives in AddressRangeTests.ToPrefixes.cs.</summary>
public partial class AddressRangeTests
{
    [Fact]
    public void Constructor_MixedFamilies_Throws() =>
        Assert.Throws<ArgumentException>(() => new AddressRange(IpAddress.Parse("10.0.0.1"), IpAddress.Parse("::1")));

    [Fact]
    public void Constructor_Reversed_Throws() =>
        Assert.Throws<ArgumentException>(() => new AddressRange(IpAddress.Parse("10.0.0.2"), IpAddress.Parse("10.0.0.1")));

    [Theory]
    [InlineData("10.0.0.1-10.0.0.10", "10")]
    [InlineData("10.0.0.1", "1")]
    [InlineData("0.0.0.0-255.255.255.255", "4294967296")]
    [InlineData("::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "340282366920938463463374607431768211455")]
    public void Count(string text, string expected) =>
        Assert.Equal(UInt128.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), AddressRange.Parse(text).Count);

    [Fact]
    public void Contains_AndOverlaps()
    {
        var range = AddressRange.Parse("10.0.0.10-10.0.0.20");

        Assert.True(range.Contains(IpAddress.Parse("10.0.0.10")));
        Assert.True(range.Contains(IpAddress.Parse("10.0.0.20")));
        Assert.False(range.Contains(IpAddress.Parse("10.0.0.21")));
        Assert.False(range.Contains(IpAddress.Parse("::a")));
        Assert.True(range.Contains(AddressRange.Parse("10.0.0.12-10.0.0.20")));
        Assert.False(range.Contains(AddressRange.Parse("10.0.0.12-10.0.0.21")));
        Assert.True(range.Overlaps(AddressRange.Parse("10.0.0.20-10.0.0.30")));
        Assert.False(range.Overlaps(AddressRange.Parse("10.0.0.21-10.0.0.30")));
        Assert.False(range.Overlaps(AddressRange.Parse("::-::ffff")));
    }

    [Theory]
    [InlineData("10.0.0.1-10.0.0.10", "10.0.0.1-10.0.0.10")]
    [InlineData(" 10.0.0.1-10.0.0.10 ", "10.0.0.1-10.0.0.10")]
    [InlineData("10.0.0.7", "10.0.0.7")]
    [InlineData("10.0.0.7-10.0.0.7", "10.0.0.7")]
    [InlineData("2001:db8::1-2001:db8::ff", "2001:db8::1-2001:db8::ff")]
    public void TryParse_Valid(string text, string formatted)
    {
        Assert.True(AddressRange.TryParse(text, out var range));
        Assert.Equal(formatted, range.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("10.0.0.10-10.0.0.1")]
    [InlineData("10.0.0.1-::1")]
    [InlineData("10.0.0.1-")]
    [InlineData("-10.0.0.1")]
    [InlineData("10.0.0.1 - 10.0.0.2")]
    [InlineData("10.0.0.1-10.0.0.2-10.0.0.3")]
    [InlineData("10.0.0.0/24")]
    [InlineData("10.0.0.256-10.0.1.0")]
    public void TryParse_Invalid(string text)
    {
        Assert.False(AddressRange.TryParse(text, out _));
        Assert.Throws<FormatException>(() => AddressRange.Parse(text));
    }
}
