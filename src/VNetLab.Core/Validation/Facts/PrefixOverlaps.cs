using VNetLab.Addressing;

namespace VNetLab.Validation.Facts;

/// <summary>
/// Overlap queries over lists of CIDR prefixes. Two CIDR prefixes overlap only when one contains the
/// other, so sorting by network address and keeping a stack of the prefixes that contain the current one
/// finds every overlapping pair in O(n log n + pairs) instead of comparing all pairs.
/// </summary>
internal static class PrefixOverlaps
{
    /// <summary>
    /// Every pair of overlapping entries, as (earlier, later) indexes into <paramref name="prefixes"/>,
    /// ordered by the later index then the earlier one. Entries of the same <paramref name="groups"/> value
    /// (the prefixes of one subnet) are not paired with each other.
    /// </summary>
    public static List<(int Earlier, int Later)> Pairs(IReadOnlyList<IpPrefix> prefixes, IReadOnlyList<int>? groups = null)
    {
        var order = Enumerable.Range(0, prefixes.Count)
            .OrderBy(i => prefixes[i])
            .ThenBy(i => i)
            .ToList();
        var pairs = new List<(int, int)>();
        var stack = new List<int>();
        foreach (var index in order)
        {
            while (stack.Count > 0 && !prefixes[stack[^1]].Contains(prefixes[index]))
            {
                stack.RemoveAt(stack.Count - 1);
            }

            foreach (var container in stack)
            {
                if (groups is null || groups[container] != groups[index])
                {
                    pairs.Add((Math.Min(container, index), Math.Max(container, index)));
                }
            }

            stack.Add(index);
        }

        pairs.Sort((a, b) => a.Item2 != b.Item2 ? a.Item2.CompareTo(b.Item2) : a.Item1.CompareTo(b.Item1));
        return pairs;
    }

    /// <summary>
    /// True unless <see cref="Pairs"/> would find no pair in <paramref name="prefixes"/>. A security rule's lists hold a
    /// few prefixes and almost never overlap: comparing each pair of a short list allocates nothing, where sorting does;
    /// a long list is left to <see cref="Pairs"/>.
    /// </summary>
    public static bool Any(List<(string Text, IpPrefix Prefix)> prefixes)
    {
        if (prefixes.Count > 16)
        {
            return true;
        }

        for (var later = 1; later < prefixes.Count; later++)
        {
            for (var earlier = 0; earlier < later; earlier++)
            {
                if (prefixes[earlier].Prefix.Overlaps(prefixes[later].Prefix))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The prefixes of <paramref name="left"/> and of <paramref name="right"/> that overlap the other list, left ones first.</summary>
    public static List<T> OverlappingBetween<T>(IReadOnlyList<T> left, IReadOnlyList<T> right, Func<T, IpPrefix> prefix)
    {
        var result = new List<T>();
        result.AddRange(left.Where(l => right.Any(r => prefix(l).Overlaps(prefix(r)))));
        result.AddRange(right.Where(r => left.Any(l => prefix(l).Overlaps(prefix(r)))));
        return result;
    }
}
