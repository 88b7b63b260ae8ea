using System.Diagnostics.CodeAnalysis;
using VNetLab.Addressing;

namespace VNetLab.Routing;

/// <summary>
/// Interim longest-prefix-match table with the same surface as Addressing's PrefixTrie (Create,
/// TryLongestMatch, TryGetExact), so the trie replaces it without touching callers. One hash table per
/// prefix length present; a lookup probes the lengths from longest to shortest and allocates nothing.
/// </summary>
internal sealed class LpmTable<T>
{
    private readonly Level[] _v4;
    private readonly Level[] _v6;

    private LpmTable(Level[] v4, Level[] v6, int count)
    {
        _v4 = v4;
        _v6 = v6;
        Count = count;
    }

    public static LpmTable<T> Empty { get; } = new([], [], 0);

    public int Count { get; }

    /// <summary>Builds the table; when a prefix repeats, the later value wins.</summary>
    public static LpmTable<T> Create(IEnumerable<KeyValuePair<IpPrefix, T>> entries)
    {
        var byLength = new Dictionary<(IpFamily, int), Dictionary<UInt128, T>>();
        foreach (var (prefix, value) in entries)
        {
            if (!byLength.TryGetValue((prefix.Family, prefix.Length), out var level))
            {
                level = [];
                byLength.Add((prefix.Family, prefix.Length), level);
            }

            level[prefix.Network.Value] = value;
        }

        Level[] Levels(IpFamily family) => [.. byLength
            .Where(p => p.Key.Item1 == family)
            .OrderByDescending(p => p.Key.Item2)
            .Select(p => new Level(p.Key.Item2, IpPrefix.Mask(family, p.Key.Item2), p.Value))];

        return new LpmTable<T>(Levels(IpFamily.V4), Levels(IpFamily.V6), byLength.Values.Sum(l => l.Count));
    }

    /// <summary>The most specific prefix containing <paramref name="address"/>, and its value.</summary>
    public bool TryLongestMatch(IpAddress address, out IpPrefix prefix, [MaybeNullWhen(false)] out T value)
    {
        var levels = address.IsV4 ? _v4 : _v6;
        foreach (var level in levels)
        {
            var network = address.Value & level.Mask;
            if (level.Values.TryGetValue(network, out value))
            {
                prefix = IpPrefix.Create(IpAddress.From(address.Family, network), level.Length);
                return true;
            }
        }

        prefix = default;
        value = default;
        return false;
    }

    /// <summary>The value stored for exactly <paramref name="prefix"/>.</summary>
    public bool TryGetExact(IpPrefix prefix, [MaybeNullWhen(false)] out T value)
    {
        foreach (var level in prefix.IsV4 ? _v4 : _v6)
        {
            if (level.Length == prefix.Length)
            {
                return level.Values.TryGetValue(prefix.Network.Value, out value);
            }
        }

        value = default;
        return false;
    }

    private sealed record Level(int Length, UInt128 Mask, Dictionary<UInt128, T> Values);
}
