using VNetLab.Addressing;
using VNetLab.Analysis.Reachability;

namespace VNetLab.Core.Tests.Analysis.Reachability;

/// <summary>
/// A filter's verdict is kept per class of its own address sets, so two addresses must share a class exactly when
/// every one of those sets holds both or neither: checked on random sets of random prefixes (overlapping, nested,
/// adjacent), at random addresses and at every set boundary.
/// </summary>
public sealed class FilterAddressClassesTests
{
    [Fact]
    public void Addresses_share_a_class_exactly_when_every_set_treats_them_alike()
    {
        for (var seed = 0; seed < 200; seed++)
        {
            var random = new Random(seed);
            var sets = Enumerable.Range(0, random.Next(1, 12)).Select(_ => RandomSet(random)).ToList();

            // The same set object again (as a tag recurs in many rules) and an equal copy must not add classes.
            sets.Add(sets[0]);
            sets.Add(AddressSet.Empty.Union(sets[^1]));
            var classes = FilterAddressClasses.For(sets);
            Assert.NotNull(classes);

            var addresses = sets.SelectMany(s => s.V4.Intervals.ToArray().SelectMany(i => new[] { i.First, i.Last, unchecked(i.First - 1), unchecked(i.Last + 1) }))
                .Concat(Enumerable.Range(0, 64).Select(_ => (uint)random.NextInt64(0, 1L << 32)))
                .Concat([0u, uint.MaxValue])
                .Select(IpAddress.FromV4)
                .ToList();
            var byClass = new Dictionary<ulong, string>();
            var byMembership = new Dictionary<string, ulong>();
            foreach (var address in addresses)
            {
                Assert.True(classes.TryClassOf(address, out var mask));
                var membership = string.Concat(sets.Select(s => s.Contains(address) ? '1' : '0'));
                Assert.Equal(membership, byClass.TryAdd(mask, membership) ? membership : byClass[mask]);
                Assert.Equal(mask, byMembership.TryAdd(membership, mask) ? mask : byMembership[membership]);
            }
        }
    }

    [Fact]
    public void More_than_64_distinct_sets_are_not_classed()
    {
        var sets = Enumerable.Range(0, 65).Select(i => AddressSet.FromPrefix(IpPrefix.Parse($"10.0.{i}.0/24")));
        Assert.Null(FilterAddressClasses.For(sets));
        Assert.NotNull(FilterAddressClasses.For(sets.Take(64)));
    }

    [Fact]
    public void IPv6_addresses_are_not_classed()
    {
        var classes = FilterAddressClasses.For([AddressSet.FromPrefix(IpPrefix.Parse("10.0.0.0/8"))]);
        Assert.NotNull(classes);
        Assert.False(classes.TryClassOf(IpAddress.Parse("2001:db8::1"), out _));
    }

    private static AddressSet RandomSet(Random random)
    {
        var set = AddressSet.Empty;
        for (var i = random.Next(0, 5); i > 0; i--)
        {
            var length = random.Next(0, 33);
            var address = IpAddress.FromV4((uint)random.NextInt64(0, 1L << 32) & (length == 0 ? 0 : uint.MaxValue << (32 - length)));
            set = set.Union(AddressSet.FromPrefix(IpPrefix.Create(address, length)));
        }

        return set;
    }
}
