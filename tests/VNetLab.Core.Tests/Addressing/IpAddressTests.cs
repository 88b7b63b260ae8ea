using VNetLab.Addressing;

namespace VNetLab.Core.Tests.Addressing;

/// <summary>Construction, equality and ordering; parsing, formatting and properties live in the sibling parts.</summary>
public partial class IpAddressTests
{
    [Fact]
    public void FromV4_KeepsValueInLow32Bits()
    {
        var address = IpAddress.FromV4(0x0A000001);

        Assert.Equal(IpFamily.V4, address.Family);
        Assert.True(address.IsV4);
        Assert.Equal(32, address.BitLength);
        Assert.Equal((UInt128)0x0A000001, address.Value);
        Assert.Equal(0x0A000001u, address.V4Value);
    }

    [Fact]
    public void From_V4ValueTooLarge_Throws() =>
        Assert.Throws<OverflowException>(() => IpAddress.From(IpFamily.V4, (UInt128)uint.MaxValue + 1));

    [Fact]
    public void MinAndMaxValue_PerFamily()
    {
        Assert.Equal("0.0.0.0", IpAddress.MinValue(IpFamily.V4).ToString());
        Assert.Equal("255.255.255.255", IpAddress.MaxValue(IpFamily.V4).ToString());
        Assert.Equal("::", IpAddress.MinValue(IpFamily.V6).ToString());
        Assert.Equal("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", IpAddress.MaxValue(IpFamily.V6).ToString());
    }

    [Fact]
    public void Equality_SameValueDifferentFamily_NotEqual()
    {
        var v4 = IpAddress.FromV4(1);
        var v6 = IpAddress.FromV6(1);

        Assert.NotEqual(v4, v6);
        Assert.True(v4 != v6);
        Assert.Equal(IpAddress.FromV4(1), v4);
        Assert.Equal(IpAddress.FromV4(1).GetHashCode(), v4.GetHashCode());
    }

    [Fact]
    public void Ordering_V4BeforeV6_ThenNumeric()
    {
        var sorted = new[] { IpAddress.Parse("::1"), IpAddress.Parse("10.0.0.2"), IpAddress.Parse("10.0.0.1"), IpAddress.Parse("::") }
            .Order()
            .Select(static a => a.ToString());

        Assert.Equal(["10.0.0.1", "10.0.0.2", "::", "::1"], sorted);
        Assert.True(IpAddress.Parse("255.255.255.255") < IpAddress.Parse("::"));
    }
}
