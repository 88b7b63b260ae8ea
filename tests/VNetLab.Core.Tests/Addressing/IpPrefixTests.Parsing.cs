using VNetLab.Addressing;

namespace VNetLab.Core.Tests.Addressing;

public partial class IpPrefixTests
{
    [Theory]
    [InlineData("10.0.0.0/8")]
    [InlineData("0.0.0.0/0")]
    [InlineData("10.1.2.3/32")]
    [InlineData("192.168.0.0/16")]
    [InlineData("2001:db8::/32")]
    [InlineData("::/0")]
    [InlineData("::1/128")]
    public void TryParse_Canonical(string text)
    {
        Assert.True(IpPrefix.TryParse(text, out var prefix, out var isCanonical));
        Assert.True(isCanonical);
        Assert.Equal(text, prefix.ToString());
    }

    [Theory]
    [InlineData("10.0.0.5/8", "10.0.0.0/8")]
    [InlineData("10.1.2.3/16", "10.1.0.0/16")]
    [InlineData("10.0.0.1/0", "0.0.0.0/0")]
    [InlineData("2001:db8::1/64", "2001:db8::/64")]
    public void TryParse_HostBitsSet_ReportedAsNonCanonical(string text, string cleared)
    {
        Assert.True(IpPrefix.TryParse(text, out var prefix, out var isCanonical));
        Assert.False(isCanonical);
        Assert.Equal(cleared, prefix.ToString());
    }

    [Theory]
    [InlineData("10.0.0.0/33")]
    [InlineData("::/129")]
    [InlineData("10.0.0.0/")]
    [InlineData("10.0.0.0")]
    [InlineData("/8")]
    [InlineData("10.0.0.0/08")]
    [InlineData("10.0.0.0/-1")]
    [InlineData("10.0.0.0/+8")]
    [InlineData("10.0.0.0/8/8")]
    [InlineData("10.0.0.0/8 8")]
    [InlineData("10.0.0.0 /8")]
    [InlineData("10.0.0.0/ 8")]
    [InlineData("10.0.0.256/8")]
    [InlineData("10.1/16")]
    [InlineData("01.2.3.4/32")]
    [InlineData("[::1]/128")]
    [InlineData("fe80::1%1/64")]
    [InlineData("")]
    public void TryParse_Invalid(string text)
    {
        Assert.False(IpPrefix.TryParse(text, out _, out _));
        Assert.Throws<FormatException>(() => IpPrefix.Parse(text));
    }

    [Fact]
    public void TryParse_SurroundingWhitespace_Accepted()
    {
        Assert.True(IpPrefix.TryParse("  10.0.0.0/8 ", out var prefix));
        Assert.Equal("10.0.0.0/8", prefix.ToString());
    }

    [Theory]
    [InlineData("10.0.0.4", "10.0.0.4/32", true)]
    [InlineData("2001:db8::1", "2001:db8::1/128", true)]
    [InlineData("10.0.0.0/24", "10.0.0.0/24", true)]
    [InlineData("10.0.0.9/24", "10.0.0.0/24", false)]
    public void TryParseAddressOrPrefix_Valid(string text, string expected, bool canonical)
    {
        Assert.True(IpPrefix.TryParseAddressOrPrefix(text, out var prefix, out var isCanonical));
        Assert.Equal(expected, prefix.ToString());
        Assert.Equal(canonical, isCanonical);
    }

    [Theory]
    [InlineData("10.0.0")]
    [InlineData("10.0.0.0/33")]
    [InlineData("Internet")]
    public void TryParseAddressOrPrefix_Invalid(string text) => Assert.False(IpPrefix.TryParseAddressOrPrefix(text, out _, out _));
}
