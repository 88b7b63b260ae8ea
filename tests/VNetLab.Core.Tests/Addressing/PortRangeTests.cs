using FsCheck.Fluent;
using VNetLab.Addressing;

namespace VNetLab.Core.Tests.Addressing;

public class PortRangeTests
{
    [Theory]
    [InlineData("80", 80, 80, "80")]
    [InlineData("0", 0, 0, "0")]
    [InlineData("65535", 65535, 65535, "65535")]
    [InlineData("1000-2000", 1000, 2000, "1000-2000")]
    [InlineData("443-443", 443, 443, "443")]
    [InlineData("*", 0, 65535, "*")]
    [InlineData("0-65535", 0, 65535, "*")]
    [InlineData(" 22 ", 22, 22, "22")]
    public void TryParse_Valid(string text, int first, int last, string formatted)
    {
        Assert.True(PortRange.TryParse(text, out var range));
        Assert.Equal(new PortRange(first, last), range);
        Assert.Equal(formatted, range.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("0-")]
    [InlineData("-80")]
    [InlineData("70000")]
    [InlineData("65536")]
    [InlineData("100000")]
    [InlineData("20-10")]
    [InlineData("1-2-3")]
    [InlineData("80 - 90")]
    [InlineData("+80")]
    [InlineData("080")]
    [InlineData("**")]
    [InlineData("Any")]
    [InlineData("80,443")]
    [InlineData("8O")]
    public void TryParse_Invalid(string text)
    {
        Assert.False(PortRange.TryParse(text, out _));
        Assert.Throws<FormatException>(() => PortRange.Parse(text));
    }

    [Theory]
    [InlineData(-1, 5)]
    [InlineData(5, 65536)]
    [InlineData(10, 9)]
    public void Constructor_OutOfRange_Throws(int first, int last) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new PortRange(first, last));

    [Fact]
    public void Queries()
    {
        var range = PortRange.Parse("1000-2000");

        Assert.Equal(1001, range.Count);
        Assert.True(range.Contains(1000));
        Assert.False(range.Contains(2001));
        Assert.True(range.Contains(PortRange.Parse("1500-2000")));
        Assert.True(range.Overlaps(PortRange.Parse("2000-3000")));
        Assert.False(range.Overlaps(PortRange.Parse("2001-3000")));
        Assert.True(PortRange.All.IsAll);
        Assert.Equal(65536, PortRange.All.Count);
        Assert.Equal(PortRange.Single(80), PortRange.Parse("80"));
    }

    [Fact]
    public void Property_FormatThenParse_RoundTrips() =>
        PropertyCheck.Holds(
            Gen.Choose(0, 65535).Two().Select(static p => new PortRange(Math.Min(p.Item1, p.Item2), Math.Max(p.Item1, p.Item2))),
            static range => PortRange.Parse(range.ToString()) == range);
}
