using VNetLab.Addressing;

namespace VNetLab.Core.Tests.Addressing;

public partial class IpAddressTests
{
    [Theory]
    [InlineData(0x0A000001u, "10.0.0.1")]
    [InlineData(0u, "0.0.0.0")]
    [InlineData(0xFFFFFFFFu, "255.255.255.255")]
    [InlineData(0xAC100A0Bu, "172.16.10.11")]
    public void ToString_V4_DottedQuad(uint value, string expected) => Assert.Equal(expected, IpAddress.FromV4(value).ToString());

    [Fact]
    public void ToString_V6_Rfc5952Canonical()
    {
        // RFC 5952: lower case, leading zeros dropped, the longest zero run compressed (the first if tied).
        Assert.Equal("2001:db8::1", IpAddress.FromV6((((UInt128)0x20010DB800000000UL) << 64) | 1).ToString());
        Assert.Equal("1:0:0:1::", IpAddress.Parse("1:0:0:1:0:0:0:0").ToString());
        Assert.Equal("1::1:0:0:1", IpAddress.Parse("1:0:0:0:1:0:0:1").ToString());
        Assert.Equal("::1", IpAddress.FromV6(1).ToString());
    }
}
