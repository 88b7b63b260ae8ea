using FsCheck.Fluent;
using VNetLab.Addressing;

namespace VNetLab.Core.Tests.Addressing;

public class PortSetTests
{
    private static PortSet Set(params string[] ranges) => PortSet.FromRanges(ranges.Select(PortRange.Parse));

    [Fact]
    public void FromRanges_MergesAndPrintsInAzureSpelling()
    {
        var set = Set("443", "80", "1000-1500", "1400-2000", "81");

        Assert.Equal("{80-81, 443, 1000-2000}", set.ToString());
        Assert.Equal(["80-81", "443", "1000-2000"], set.ToRanges().Select(static r => r.ToString()));
        Assert.Equal(2 + 1 + 1001, set.Count);
    }

    [Fact]
    public void AllAndEmpty()
    {
        Assert.Equal("{*}", PortSet.All.ToString());
        Assert.Equal("{}", PortSet.Empty.ToString());
        Assert.Equal(65536, PortSet.All.Count);
        Assert.True(Set("*").IsAll);
        Assert.True(Set("0-100", "101-65535").IsAll);
        Assert.Equal(PortSet.All, PortSet.Empty.Complement());
        Assert.True(PortSet.Empty.IsEmpty);
        Assert.Equal(default, PortSet.Empty);
    }

    [Fact]
    public void Contains_OutOfRangeIsFalse()
    {
        var set = PortSet.All;

        Assert.True(set.Contains(0));
        Assert.True(set.Contains(65535));
        Assert.False(set.Contains(-1));
        Assert.False(set.Contains(65536));
        Assert.False(Set("80").Contains(81));
        Assert.True(Set("80-90").Contains(PortRange.Parse("85-90")));
    }

    [Fact]
    public void Algebra_Examples()
    {
        var web = Set("80", "443");

        Assert.Equal("{0-79, 81-442, 444-65535}", web.Complement().ToString());
        Assert.Equal("{443}", web.Intersect(Set("400-500")).ToString());
        Assert.Equal("{80}", web.Except(Set("400-500")).ToString());
        Assert.Equal("{80, 443, 8080}", web.Union(PortSet.FromPort(8080)).ToString());
        Assert.True(web.IsSubsetOf(Set("1-1024")));
        Assert.True(Set("1-1024").IsSupersetOf(web));
        Assert.True(web.Overlaps(Set("443-500")));
        Assert.True(web.TryGetFirst(out var first));
        Assert.Equal(80, first);
        Assert.Equal(Set("80-81"), Set("80").Union(Set("81")));
        Assert.Equal(Set("80-81").GetHashCode(), Set("80", "81").GetHashCode());
    }

    [Fact]
    public void Property_MembershipAgreesWithRanges() =>
        PropertyCheck.Holds(
            AddressingGenerators.ListOfUpTo(Gen.Choose(0, 65535).Two(), 5).Zip(Gen.Choose(-1, 65536)),
            static p =>
            {
                var (pairs, port) = p;
                var ranges = pairs.Select(static x => new PortRange(Math.Min(x.Item1, x.Item2), Math.Max(x.Item1, x.Item2))).ToList();
                var set = PortSet.FromRanges(ranges);
                return set.Contains(port) == ranges.Any(r => r.Contains(port))
                    && set.Complement().Contains(port) == (port is >= 0 and <= 65535 && !set.Contains(port))
                    && PortSet.FromRanges(set.ToRanges()) == set;
            });
}
