using VNetLab.Addressing;

namespace VNetLab.Core.Tests.Addressing;

/// <summary>Construction, masks, sizes and ordering; parsing, containment and properties live in the sibling parts.</summary>
public partial class IpPrefixTests
{
    [Fact]
    public void Create_ClearsHostBits()
    {
        var prefix = IpPrefix.Create(IpAddress.Parse("10.1.2.3"), 16);

        Assert.Equal("10.1.0.0/16", prefix.ToString());
        Assert.Equal(IpAddress.Parse("10.1.0.0"), prefix.Network);
        Assert.Equal(16, prefix.Length);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(33)]
    public void Create_V4LengthOutOfRange_Throws(int length) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => IpPrefix.Create(IpAddress.Parse("10.0.0.0"), length));

    [Fact]
    public void Create_V6LengthOutOfRange_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => IpPrefix.Create(IpAddress.Parse("::"), 129));

    [Theory]
    [InlineData(0, 0x00000000u)]
    [InlineData(1, 0x80000000u)]
    [InlineData(8, 0xFF000000u)]
    [InlineData(31, 0xFFFFFFFEu)]
    [InlineData(32, 0xFFFFFFFFu)]
    public void Mask_V4(int length, uint expected) => Assert.Equal((UInt128)expected, IpPrefix.Mask(IpFamily.V4, length));

    [Fact]
    public void Mask_V6_Edges()
    {
        Assert.Equal(UInt128.Zero, IpPrefix.Mask(IpFamily.V6, 0));
        Assert.Equal(UInt128.One << 127, IpPrefix.Mask(IpFamily.V6, 1));
        Assert.Equal(UInt128.MaxValue << 64, IpPrefix.Mask(IpFamily.V6, 64));
        Assert.Equal(UInt128.MaxValue, IpPrefix.Mask(IpFamily.V6, 128));
    }

    [Theory]
    [InlineData("10.0.0.0/8", "10.255.255.255", "16777216")]
    [InlineData("0.0.0.0/0", "255.255.255.255", "4294967296")]
    [InlineData("10.0.0.7/32", "10.0.0.7", "1")]
    [InlineData("2001:db8::/32", "2001:db8:ffff:ffff:ffff:ffff:ffff:ffff", "79228162514264337593543950336")]
    [InlineData("::1/128", "::1", "1")]
    public void LastAndSize(string text, string last, string size)
    {
        var prefix = IpPrefix.Parse(text);

        Assert.Equal(IpAddress.Parse(last), prefix.Last);
        Assert.Equal(UInt128.Parse(size, System.Globalization.CultureInfo.InvariantCulture), prefix.Size);
        Assert.Equal(new AddressRange(prefix.Network, prefix.Last), prefix.Range);
    }

    [Fact]
    public void Size_WholeV6Space_Saturates() => Assert.Equal(UInt128.MaxValue, IpPrefix.Default(IpFamily.V6).Size);

    [Fact]
    public void DefaultAndHost()
    {
        Assert.Equal("0.0.0.0/0", IpPrefix.Default(IpFamily.V4).ToString());
        Assert.Equal("::/0", IpPrefix.Default(IpFamily.V6).ToString());
        Assert.Equal("10.0.0.4/32", IpPrefix.Host(IpAddress.Parse("10.0.0.4")).ToString());
        Assert.Equal("::1/128", IpPrefix.Host(IpAddress.Parse("::1")).ToString());
        Assert.True(IpPrefix.Host(IpAddress.Parse("::1")).IsHost);
        Assert.False(IpPrefix.Parse("10.0.0.0/31").IsHost);
    }

    [Fact]
    public void Ordering_FamilyThenNetworkThenShorterFirst()
    {
        var sorted = new[] { "10.0.0.0/16", "::/0", "10.0.0.0/8", "9.0.0.0/8", "10.0.1.0/24" }
            .Select(IpPrefix.Parse)
            .Order()
            .Select(static p => p.ToString());

        Assert.Equal(["9.0.0.0/8", "10.0.0.0/8", "10.0.0.0/16", "10.0.1.0/24", "::/0"], sorted);
    }

    [Fact]
    public void Equality_ByNetworkAndLength()
    {
        Assert.Equal(IpPrefix.Parse("10.0.0.0/8"), IpPrefix.Parse("10.9.9.9/8"));
        Assert.NotEqual(IpPrefix.Parse("10.0.0.0/8"), IpPrefix.Parse("10.0.0.0/9"));
        Assert.NotEqual(IpPrefix.Parse("0.0.0.0/0"), IpPrefix.Parse("::/0"));
    }
}
