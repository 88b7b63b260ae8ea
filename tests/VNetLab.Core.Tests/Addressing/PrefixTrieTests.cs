using VNetLab.Addressing;

namespace VNetLab.Core.Tests.Addressing;

/// <summary>Lookups on hand-built tables; the brute-force comparison lives in PrefixTrieTests.Properties.cs.</summary>
public partial class PrefixTrieTests
{
    private static PrefixTrie<string> Table(params string[] prefixes)
    {
        var builder = new PrefixTrieBuilder<string>();
        foreach (var prefix in prefixes)
        {
            builder.Add(IpPrefix.Parse(prefix), prefix);
        }

        return builder.Build();
    }

    private static string? Lookup(PrefixTrie<string> trie, string address) =>
        trie.TryLongestMatch(IpAddress.Parse(address), out _, out var value) ? value : null;

    [Fact]
    public void Empty_MatchesNothing()
    {
        var trie = PrefixTrie<int>.Empty;

        Assert.Equal(0, trie.Count);
        Assert.False(trie.TryLongestMatch(IpAddress.Parse("10.0.0.1"), out _, out _));
        Assert.False(trie.TryGetExact(IpPrefix.Parse("0.0.0.0/0"), out _));
        Assert.Empty(trie.Matches(IpAddress.Parse("::1")).ToList());
        Assert.Equal(0, new PrefixTrieBuilder<int>().Build().Count);
    }

    [Theory]
    [InlineData("10.1.2.3", "10.1.2.0/24")]
    [InlineData("10.1.3.3", "10.1.0.0/16")]
    [InlineData("10.2.0.0", "10.0.0.0/8")]
    [InlineData("11.0.0.0", "0.0.0.0/0")]
    [InlineData("10.1.2.200", "10.1.2.200/32")]
    [InlineData("10.1.2.201", "10.1.2.0/24")]
    [InlineData("255.255.255.255", "0.0.0.0/0")]
    [InlineData("2001:db8::1", "2001:db8::/32")]
    [InlineData("2001:db8:1::1", "2001:db8:1::/48")]
    [InlineData("2001:db9::", null)]
    public void TryLongestMatch_PicksMostSpecific(string address, string? expected)
    {
        var trie = Table("0.0.0.0/0", "10.0.0.0/8", "10.1.0.0/16", "10.1.2.0/24", "10.1.2.200/32", "2001:db8::/32", "2001:db8:1::/48");

        Assert.Equal(expected, Lookup(trie, address));
    }

    [Fact]
    public void TryLongestMatch_ReturnsThePrefix()
    {
        var trie = Table("10.0.0.0/8", "10.1.0.0/16");

        Assert.True(trie.TryLongestMatch(IpAddress.Parse("10.1.9.9"), out var prefix, out _));
        Assert.Equal(IpPrefix.Parse("10.1.0.0/16"), prefix);
    }

    [Fact]
    public void Families_AreSeparate()
    {
        // ::/0 must not match IPv4 even though 10.0.0.1 and ::a00:1 share an integer value.
        var trie = Table("::/0", "::a00:0/104");

        Assert.Null(Lookup(trie, "10.0.0.1"));
        Assert.Equal("::a00:0/104", Lookup(trie, "::a00:1"));
        Assert.Null(Lookup(Table("0.0.0.0/0"), "::1"));
        Assert.False(trie.TryLongestMatch(default, out _, out _));
    }

    [Fact]
    public void TryGetExact_FindsOnlyStoredPrefixes()
    {
        var trie = Table("10.0.0.0/8", "10.1.0.0/16", "10.2.0.0/16");

        Assert.True(trie.TryGetExact(IpPrefix.Parse("10.1.0.0/16"), out var value));
        Assert.Equal("10.1.0.0/16", value);
        Assert.True(trie.ContainsPrefix(IpPrefix.Parse("10.0.0.0/8")));

        // 10.0.0.0/14 is the glue node that branches between the two /16s: present in the trie, not stored.
        Assert.False(trie.TryGetExact(IpPrefix.Parse("10.0.0.0/14"), out _));
        Assert.False(trie.TryGetExact(IpPrefix.Parse("10.1.0.0/24"), out _));
        Assert.False(trie.TryGetExact(IpPrefix.Parse("10.0.0.0/7"), out _));
        Assert.False(trie.TryGetExact(IpPrefix.Parse("::/0"), out _));
    }

    [Fact]
    public void Add_SamePrefixAgain_Replaces()
    {
        var builder = new PrefixTrieBuilder<int>()
            .Add(IpPrefix.Parse("10.0.0.0/8"), 1)
            .Add(IpPrefix.Parse("10.0.0.0/8"), 2);

        var trie = builder.Build();

        Assert.Equal(1, trie.Count);
        Assert.True(trie.TryGetExact(IpPrefix.Parse("10.0.0.0/8"), out var value));
        Assert.Equal(2, value);
    }

    [Fact]
    public void Builder_RemoveAndRebuild_LeavesEarlierTrieUnchanged()
    {
        var builder = new PrefixTrieBuilder<int>().Add(IpPrefix.Parse("10.0.0.0/8"), 1).Add(IpPrefix.Parse("10.1.0.0/16"), 2);
        var before = builder.Build();

        Assert.True(builder.Remove(IpPrefix.Parse("10.1.0.0/16")));
        Assert.False(builder.Remove(IpPrefix.Parse("10.1.0.0/16")));
        var after = builder.Build();

        Assert.Equal(2, before.Count);
        Assert.Equal(1, after.Count);
        Assert.True(before.TryLongestMatch(IpAddress.Parse("10.1.0.1"), out _, out var old));
        Assert.Equal(2, old);
        Assert.True(after.TryLongestMatch(IpAddress.Parse("10.1.0.1"), out _, out var current));
        Assert.Equal(1, current);
        Assert.True(builder.TryGetValue(IpPrefix.Parse("10.0.0.0/8"), out var kept));
        Assert.Equal(1, kept);
    }

    [Fact]
    public void Builder_DefaultPrefix_Throws() =>
        Assert.Throws<ArgumentException>(() => new PrefixTrieBuilder<int>().Add(default, 1));

    [Fact]
    public void Matches_LeastSpecificFirst()
    {
        var trie = Table("10.1.2.0/24", "0.0.0.0/0", "10.0.0.0/8", "10.1.0.0/16", "10.1.3.0/24", "11.0.0.0/8");

        var matches = new List<string>();
        foreach (var (prefix, value) in trie.Matches(IpAddress.Parse("10.1.2.9")))
        {
            Assert.Equal(prefix.ToString(), value);
            matches.Add(value);
        }

        Assert.Equal(["0.0.0.0/0", "10.0.0.0/8", "10.1.0.0/16", "10.1.2.0/24"], matches);

        var list = new List<KeyValuePair<IpPrefix, string>>();
        Assert.Equal(2, trie.GetMatches(IpAddress.Parse("10.200.0.0"), list));
        Assert.Equal(["0.0.0.0/0", "10.0.0.0/8"], list.Select(static m => m.Value));
    }

    [Fact]
    public void HostRoutes_AtFullLength()
    {
        var trie = Table("255.255.255.255/32", "0.0.0.0/32", "::/128", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128", "::/0");

        Assert.Equal("255.255.255.255/32", Lookup(trie, "255.255.255.255"));
        Assert.Equal("0.0.0.0/32", Lookup(trie, "0.0.0.0"));
        Assert.Null(Lookup(trie, "0.0.0.1"));
        Assert.Equal("::/128", Lookup(trie, "::"));
        Assert.Equal("::/0", Lookup(trie, "::1"));
        Assert.Equal("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128", Lookup(trie, "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"));
        Assert.Equal(["::/0", "::/128"], trie.Matches(IpAddress.Parse("::")).ToList().Select(static m => m.Value));
    }

    [Fact]
    public void Entries_AreSortedAndToBuilderRoundTrips()
    {
        var trie = PrefixTrie<int>.Create([
            new(IpPrefix.Parse("::/0"), 1),
            new(IpPrefix.Parse("10.1.0.0/16"), 2),
            new(IpPrefix.Parse("10.0.0.0/8"), 3),
            new(IpPrefix.Parse("10.0.0.0/8"), 4),
        ]);

        Assert.Equal(["10.0.0.0/8", "10.1.0.0/16", "::/0"], trie.Entries.Select(static e => e.Key.ToString()));
        Assert.Equal([4, 2, 1], trie.Entries.Select(static e => e.Value));
        Assert.Equal(trie.Entries.ToArray(), trie.ToBuilder().Build().Entries.ToArray());
    }

    [Fact]
    public void Lookups_AllocateNothing()
    {
        var trie = Table("0.0.0.0/0", "10.0.0.0/8", "10.1.0.0/16", "10.1.2.0/24", "2001:db8::/32");
        var v4 = IpAddress.Parse("10.1.2.3");
        var v6 = IpAddress.Parse("2001:db8::1");
        Warm();

        var before = GC.GetAllocatedBytesForCurrentThread();
        var hits = Warm();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(4000, hits);
        Assert.Equal(0, allocated);

        int Warm()
        {
            var count = 0;
            for (var i = 0; i < 1000; i++)
            {
                count += trie.TryLongestMatch(v4, out _, out _) ? 1 : 0;
                count += trie.TryLongestMatch(v6, out _, out _) ? 1 : 0;
                count += trie.TryGetExact(IpPrefix.Parse("10.1.0.0/16"), out _) ? 1 : 0;
                foreach (var match in trie.Matches(v4))
                {
                    count += match.Key.Length == 24 ? 1 : 0;
                }
            }

            return count;
        }
    }
}
