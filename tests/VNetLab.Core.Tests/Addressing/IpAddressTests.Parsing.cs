using VNetLab.Addressing;

namespace VNetLab.Core.Tests.Addressing;

public partial class IpAddressTests
{
    [Theory]
    [InlineData("10.0.0.1", 0x0A000001u)]
    [InlineData("0.0.0.0", 0u)]
    [InlineData("255.255.255.255", 0xFFFFFFFFu)]
    [InlineData("192.168.100.7", 0xC0A86407u)]
    [InlineData(" 10.0.0.1 ", 0x0A000001u)]
    public void TryParse_V4_Valid(string text, uint expected)
    {
        Assert.True(IpAddress.TryParse(text, out var address));
        Assert.Equal(IpAddress.FromV4(expected), address);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("10.0.0.256")]
    [InlineData("10.1")]
    [InlineData("10.0.1")]
    [InlineData("10")]
    [InlineData("167772161")]
    [InlineData("01.2.3.4")]
    [InlineData("10.00.0.1")]
    [InlineData("10.0.0.1.5")]
    [InlineData("10..0.1")]
    [InlineData("10.0.0.")]
    [InlineData(".10.0.0")]
    [InlineData("10.0.0.-1")]
    [InlineData("10.0.0.+1")]
    [InlineData("10.0.0.1a")]
    [InlineData("0x0A.0.0.1")]
    [InlineData("1000.0.0.1")]
    [InlineData("10.0.0.1/8")]
    [InlineData("10.0 .0.1")]
    [InlineData("10.0.0.1:80")]
    public void TryParse_V4_Invalid(string text)
    {
        Assert.False(IpAddress.TryParse(text, out _));
        Assert.Throws<FormatException>(() => IpAddress.Parse(text));
    }

    [Theory]
    [InlineData("::", "::")]
    [InlineData("::1", "::1")]
    [InlineData("2001:db8::1", "2001:db8::1")]
    [InlineData("2001:0DB8:0000:0000:0000:0000:0000:0001", "2001:db8::1")]
    [InlineData("FE80::1", "fe80::1")]
    [InlineData("1:2:3:4:5:6:7::", "1:2:3:4:5:6:7:0")]
    [InlineData("::ffff:10.0.0.1", "::ffff:10.0.0.1")]
    [InlineData("2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1")]
    public void TryParse_V6_Valid(string text, string canonical)
    {
        Assert.True(IpAddress.TryParse(text, out var address));
        Assert.Equal(IpFamily.V6, address.Family);
        Assert.Equal(canonical, address.ToString());
    }

    [Fact]
    public void TryParse_V6_Value()
    {
        Assert.True(IpAddress.TryParse("2001:db8::ff", out var address));
        Assert.Equal((((UInt128)0x20010DB800000000UL) << 64) | 0xFF, address.Value);
    }

    [Theory]
    [InlineData(":")]
    [InlineData(":::")]
    [InlineData("1::2::3")]
    [InlineData("1:2:3:4:5:6:7:8:9")]
    [InlineData("12345::")]
    [InlineData("g::1")]
    [InlineData("::1%eth0")]
    [InlineData("fe80::1%1")]
    [InlineData("[::1]")]
    [InlineData("[::1]:80")]
    [InlineData("::ffff:10.0.0.256")]
    [InlineData("::ffff:01.0.0.1")]
    [InlineData("::1/128")]
    public void TryParse_V6_Invalid(string text) => Assert.False(IpAddress.TryParse(text, out _));
}
