using FsCheck.Fluent;
using VNetLab.Addressing;

namespace VNetLab.Core.Tests.Addressing;

public partial class AddressRangeTests
{
    [Theory]
    [InlineData("10.0.0.0-10.0.0.255", "10.0.0.0/24")]
    [InlineData("10.0.0.7", "10.0.0.7/32")]
    [InlineData("10.0.0.1-10.0.0.10", "10.0.0.1/32 10.0.0.2/31 10.0.0.4/30 10.0.0.8/31 10.0.0.10/32")]
    [InlineData("0.0.0.0-255.255.255.255", "0.0.0.0/0")]
    [InlineData("0.0.0.1-255.255.255.255",
        "0.0.0.1/32 0.0.0.2/31 0.0.0.4/30 0.0.0.8/29 0.0.0.16/28 0.0.0.32/27 0.0.0.64/26 0.0.0.128/25 0.0.1.0/24 0.0.2.0/23 0.0.4.0/22 0.0.8.0/21 0.0.16.0/20 0.0.32.0/19 0.0.64.0/18 0.0.128.0/17 0.1.0.0/16 0.2.0.0/15 0.4.0.0/14 0.8.0.0/13 0.16.0.0/12 0.32.0.0/11 0.64.0.0/10 0.128.0.0/9 1.0.0.0/8 2.0.0.0/7 4.0.0.0/6 8.0.0.0/5 16.0.0.0/4 32.0.0.0/3 64.0.0.0/2 128.0.0.0/1")]
    [InlineData("255.255.255.254-255.255.255.255", "255.255.255.254/31")]
    [InlineData("::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "::/0")]
    public void ToPrefixes_Known(string range, string expected) =>
        Assert.Equal(expected, string.Join(' ', AddressRange.Parse(range).ToPrefixes()));

    [Fact]
    public void ToPrefixes_V6AllButLast_Is128Prefixes()
    {
        var prefixes = AddressRange.Parse("::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe").ToPrefixes();

        Assert.Equal(Enumerable.Range(1, 128), prefixes.Select(static p => p.Length));
        Assert.Equal("::/1", prefixes[0].ToString());
        Assert.Equal("ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe/128", prefixes[^1].ToString());
    }

    [Fact]
    public void Property_ToPrefixes_EqualsCanonicalMinimalCover() =>
        PropertyCheck.Holds(
            Gen.OneOf(AddressingGenerators.V4Address.Two(), AddressingGenerators.V6Address.Two()),
            static pair =>
            {
                var (a, b) = pair;
                var range = a <= b ? new AddressRange(a, b) : new AddressRange(b, a);
                var prefixes = range.ToPrefixes();

                return prefixes.SequenceEqual(CanonicalCover(range));
            });

    /// <summary>
    /// An independent oracle: walk down from /0 and keep each prefix that lies wholly inside the range,
    /// splitting those that only overlap it. The prefixes kept are the unique minimal CIDR cover.
    /// </summary>
    internal static List<IpPrefix> CanonicalCover(AddressRange range)
    {
        var result = new List<IpPrefix>();
        Walk(IpPrefix.Default(range.Family));
        return result;

        void Walk(IpPrefix prefix)
        {
            if (!prefix.Range.Overlaps(range))
            {
                return;
            }

            if (range.Contains(prefix.Range))
            {
                result.Add(prefix);
                return;
            }

            var half = prefix.Length + 1;
            Walk(IpPrefix.Create(prefix.Network, half));
            Walk(IpPrefix.Create(IpAddress.From(prefix.Family, prefix.Network.Value | (UInt128.One << (prefix.Network.BitLength - half))), half));
        }
    }
}
