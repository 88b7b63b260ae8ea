using System.Collections.Immutable;
using VNetLab.Addressing;
using VNetLab.Security;

namespace VNetLab.Core.Tests.Security;

public sealed class PrefixListComparerTests
{
    private static readonly PrefixListComparer Comparer = PrefixListComparer.Instance;

    // A gateway's learned list as the large estate's on-premises sites announce it: a thousand /24s.
    private static ImmutableArray<IpPrefix> Learned(int count, int changedAt = -1) =>
        [.. Enumerable.Range(0, count).Select(i => IpPrefix.Parse($"10.{i / 256}.{i % 256}.0/{(i == changedAt ? 25 : 24)}"))];

    [Fact]
    public void Lists_with_the_same_prefixes_in_separate_arrays_are_one_key()
    {
        var first = Learned(1002);
        var second = Learned(1002);

        Assert.True(Comparer.Equals(first, second));
        Assert.Equal(Comparer.GetHashCode(first), Comparer.GetHashCode(second));
        Assert.True(Comparer.Equals(first, first));
    }

    [Fact]
    public void Lists_that_differ_only_between_the_hashed_samples_share_a_hash_and_are_still_told_apart()
    {
        // With 1,002 prefixes the hash reads every 62nd; position 1 is not one of them.
        var learned = Learned(1002);
        var changed = Learned(1002, changedAt: 1);

        Assert.Equal(Comparer.GetHashCode(learned), Comparer.GetHashCode(changed));
        Assert.False(Comparer.Equals(learned, changed));

        var addresses = new Dictionary<ImmutableArray<IpPrefix>, string>(Comparer) { [learned] = "learned", [changed] = "changed" };
        Assert.Equal("learned", addresses[Learned(1002)]);
        Assert.Equal("changed", addresses[Learned(1002, changedAt: 1)]);
    }

    [Fact]
    public void Lengths_orders_and_the_last_prefix_make_different_keys()
    {
        var learned = Learned(40);

        Assert.False(Comparer.Equals(learned, Learned(41)));
        Assert.False(Comparer.Equals(learned, [.. learned.Reverse()]));
        Assert.False(Comparer.Equals(learned, Learned(40, changedAt: 39)));
        Assert.NotEqual(Comparer.GetHashCode(learned), Comparer.GetHashCode(Learned(40, changedAt: 39)));
    }

    [Fact]
    public void Empty_and_default_lists_are_the_same_empty_key()
    {
        Assert.True(Comparer.Equals([], default));
        Assert.Equal(Comparer.GetHashCode([]), Comparer.GetHashCode(default));
        Assert.False(Comparer.Equals([], Learned(1)));
    }
}
