using VNetLab.Addressing;

namespace VNetLab.Core.Tests.Addressing;

public partial class IpPrefixTests
{
    [Theory]
    [InlineData("10.0.0.0/8", "10.0.0.0", true)]
    [InlineData("10.0.0.0/8", "10.255.255.255", true)]
    [InlineData("10.0.0.0/8", "11.0.0.0", false)]
    [InlineData("10.0.0.0/8", "9.255.255.255", false)]
    [InlineData("0.0.0.0/0", "255.255.255.255", true)]
    [InlineData("10.0.0.1/32", "10.0.0.1", true)]
    [InlineData("10.0.0.1/32", "10.0.0.2", false)]
    [InlineData("0.0.0.0/0", "::", false)]
    [InlineData("::/0", "0.0.0.0", false)]
    [InlineData("2001:db8::/32", "2001:db8:ffff::1", true)]
    [InlineData("2001:db8::/32", "2001:db9::", false)]
    public void Contains_Address(string prefix, string address, bool expected) =>
        Assert.Equal(expected, IpPrefix.Parse(prefix).Contains(IpAddress.Parse(address)));

    [Theory]
    [InlineData("10.0.0.0/8", "10.1.0.0/16", true)]
    [InlineData("10.0.0.0/8", "10.0.0.0/8", true)]
    [InlineData("10.1.0.0/16", "10.0.0.0/8", false)]
    [InlineData("10.0.0.0/16", "10.1.0.0/16", false)]
    [InlineData("0.0.0.0/0", "::/0", false)]
    public void Contains_Prefix(string outer, string inner, bool expected) =>
        Assert.Equal(expected, IpPrefix.Parse(outer).Contains(IpPrefix.Parse(inner)));

    [Theory]
    [InlineData("10.0.0.0/8", "10.1.0.0/16", true)]
    [InlineData("10.1.0.0/16", "10.0.0.0/8", true)]
    [InlineData("10.0.0.0/16", "10.1.0.0/16", false)]
    [InlineData("10.0.0.0/25", "10.0.0.128/25", false)]
    [InlineData("0.0.0.0/0", "::/0", false)]
    public void Overlaps(string a, string b, bool expected) =>
        Assert.Equal(expected, IpPrefix.Parse(a).Overlaps(IpPrefix.Parse(b)));
}
