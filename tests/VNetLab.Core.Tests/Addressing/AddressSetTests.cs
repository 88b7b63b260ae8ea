using VNetLab.Addressing;

namespace VNetLab.Core.Tests.Addressing;

/// <summary>Construction, membership and printing; the properties live in AddressSetTests.Properties.cs.</summary>
public partial class AddressSetTests
{
    private static AddressSet Set(params string[] prefixes) => AddressSet.FromPrefixes(prefixes.Select(IpPrefix.Parse));

    private static string Prefixes(AddressSet set) => string.Join(' ', set.ToPrefixes());

    [Fact]
    public void Empty_IsDefault()
    {
        Assert.True(AddressSet.Empty.IsEmpty);
        Assert.Equal(default, AddressSet.Empty);
        Assert.False(AddressSet.Empty.TryGetFirst(out _));
        Assert.Throws<InvalidOperationException>(() => AddressSet.Empty.First);
        Assert.Empty(AddressSet.Empty.ToPrefixes());
        Assert.Equal("{}", AddressSet.Empty.ToString());
    }

    [Fact]
    public void All_HoldsBothFamilies()
    {
        Assert.True(AddressSet.All.IsAll);
        Assert.Equal("0.0.0.0/0 ::/0", Prefixes(AddressSet.All));
        Assert.Equal("0.0.0.0/0", Prefixes(AddressSet.AllV4));
        Assert.Equal("::/0", Prefixes(AddressSet.AllV6));
        Assert.Equal(AddressSet.All, AddressSet.AllV4.Union(AddressSet.AllV6));
        Assert.Equal(AddressSet.AllV6, AddressSet.AllV4.Complement());
        Assert.False(AddressSet.AllV4.IsAll);
    }

    [Fact]
    public void FromPrefixes_MergesIntoMinimalCover()
    {
        var set = Set("10.0.1.0/24", "10.0.0.0/24", "10.0.2.0/23", "192.168.0.0/16", "192.168.5.0/24", "2001:db8::/33", "2001:db8:8000::/33");

        Assert.Equal("10.0.0.0/22 192.168.0.0/16 2001:db8::/32", Prefixes(set));
        Assert.Equal("{10.0.0.0/22, 192.168.0.0/16, 2001:db8::/32}", set.ToString());
    }

    [Fact]
    public void Contains_AddressesPrefixesAndRanges()
    {
        var set = Set("10.0.0.0/16", "2001:db8::/32");

        Assert.True(set.Contains(IpAddress.Parse("10.0.255.255")));
        Assert.False(set.Contains(IpAddress.Parse("10.1.0.0")));
        Assert.True(set.Contains(IpAddress.Parse("2001:db8::5")));
        Assert.False(set.Contains(IpAddress.Parse("::a00:1")));
        Assert.False(set.Contains(default(IpAddress)));
        Assert.True(set.Contains(IpPrefix.Parse("10.0.4.0/24")));
        Assert.False(set.Contains(IpPrefix.Parse("10.0.0.0/15")));
        Assert.True(set.Contains(AddressRange.Parse("10.0.0.5-10.0.0.9")));
    }

    [Fact]
    public void Except_SplitsIntoPrefixes()
    {
        // The shape of an NSG rule over VirtualNetwork minus one subnet: Azure prints the remainder as prefixes.
        var set = Set("10.0.0.0/16").Except(Set("10.0.1.0/24"));

        Assert.Equal("10.0.0.0/24 10.0.2.0/23 10.0.4.0/22 10.0.8.0/21 10.0.16.0/20 10.0.32.0/19 10.0.64.0/18 10.0.128.0/17", Prefixes(set));
    }

    [Fact]
    public void FromRange_And_ToRanges()
    {
        var set = AddressSet.FromRange(AddressRange.Parse("10.0.0.5-10.0.0.9")).Union(AddressSet.FromAddress(IpAddress.Parse("::1")));

        Assert.Equal("10.0.0.5/32 10.0.0.6/31 10.0.0.8/31 ::1/128", Prefixes(set));
        Assert.Equal(["10.0.0.5-10.0.0.9", "::1"], set.ToRanges().Select(static r => r.ToString()));
    }

    [Fact]
    public void FromPrefix_Default_Throws() => Assert.Throws<ArgumentException>(() => AddressSet.FromPrefixes([default]));

    [Fact]
    public void First_PrefersV4()
    {
        Assert.Equal(IpAddress.Parse("10.0.0.0"), Set("2001:db8::/32", "10.0.0.0/8").First);
        Assert.Equal(IpAddress.Parse("2001:db8::"), Set("2001:db8::/32").First);
    }

    [Fact]
    public void OfFamily_SubsetAndOverlap()
    {
        var set = Set("10.0.0.0/8", "2001:db8::/32");

        Assert.Equal(Set("10.0.0.0/8"), set.OfFamily(IpFamily.V4));
        Assert.Equal(Set("2001:db8::/32"), set.OfFamily(IpFamily.V6));
        Assert.True(Set("10.1.0.0/16").IsSubsetOf(set));
        Assert.True(set.IsSupersetOf(Set("2001:db8:1::/48")));
        Assert.False(Set("11.0.0.0/8").IsSubsetOf(set));
        Assert.True(set.Overlaps(Set("10.255.0.0/16")));
        Assert.False(set.Overlaps(Set("11.0.0.0/8", "2001:db9::/32")));
    }

    [Fact]
    public void Equality_IsSetEquality()
    {
        var a = Set("10.0.0.0/25", "10.0.0.128/25");
        var b = Set("10.0.0.0/24");

        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.True(a != Set("10.0.0.0/23"));
    }
}
