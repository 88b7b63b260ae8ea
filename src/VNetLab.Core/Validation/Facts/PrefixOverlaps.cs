using System.Collections.Immutable;
using System.Runtime.InteropServices;
using VNetLab.Addressing;
using VNetLab.Model;

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
    /// True exactly when <see cref="Pairs"/> would find a pair in <paramref name="prefixes"/>. A security rule's lists
    /// hold a few prefixes and almost never overlap: comparing each pair of a short list allocates nothing, and a long
    /// list is sorted in <paramref name="buffer"/> (<see cref="AnySorted"/>), where the finder's sort allocated.
    /// </summary>
    public static bool Any(List<(string Text, IpPrefix Prefix)> prefixes, List<IpPrefix> buffer)
    {
        if (prefixes.Count > 16)
        {
            return AnySorted(prefixes, buffer);
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

    /// <summary>
    /// True unless <see cref="Pairs"/> would find no pair in <paramref name="prefixes"/>, for a list of any length
    /// without allocating once <paramref name="buffer"/> has grown: a copy sorted in place. In that order a prefix
    /// comes before every prefix it contains, and the one right after a container sits inside it too (its network lies
    /// in the container's range and, aligned at least as finely, its length is no shorter), so some two prefixes
    /// overlap exactly when some two neighbours do.
    /// </summary>
    public static bool AnySorted(List<(string Text, IpPrefix Prefix)> prefixes, List<IpPrefix> buffer)
    {
        buffer.Clear();
        foreach (var (_, prefix) in prefixes)
        {
            buffer.Add(prefix);
        }

        var sorted = CollectionsMarshal.AsSpan(buffer);
        sorted.Sort();
        for (var i = 1; i < sorted.Length; i++)
        {
            if (sorted[i - 1].Overlaps(sorted[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when a prefix of <paramref name="left"/> overlaps one of <paramref name="right"/>: whether
    /// <see cref="OverlappingBetween"/> finds anything, at the same cost and without building the list, which almost
    /// every pair of peered VNets (which must not overlap) would throw away empty.
    /// </summary>
    public static bool AnyBetween(ReadOnlySpan<AddressPrefix> left, ReadOnlySpan<AddressPrefix> right)
    {
        foreach (var l in left)
        {
            foreach (var r in right)
            {
                if (l.Prefix.Overlaps(r.Prefix))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// True unless <see cref="Pairs"/> would find no pair among the prefixes of <paramref name="subnets"/> with each
    /// subnet as a group: a VNet's few subnets are compared pair by pair, which allocates nothing where sorting does;
    /// a VNet with many prefixes is left to <see cref="Pairs"/>.
    /// </summary>
    public static bool AnyAmongSubnets(ImmutableArray<Subnet> subnets)
    {
        var count = 0;
        foreach (var subnet in subnets)
        {
            count += subnet.AddressPrefixes.Length;
        }

        if (count > 32)
        {
            return true;
        }

        for (var later = 1; later < subnets.Length; later++)
        {
            foreach (var prefix in subnets[later].AddressPrefixes)
            {
                for (var earlier = 0; earlier < later; earlier++)
                {
                    foreach (var other in subnets[earlier].AddressPrefixes)
                    {
                        if (prefix.Prefix.Overlaps(other.Prefix))
                        {
                            return true;
                        }
                    }
                }
            }
        }

        return false;
    }

    /// <summary>
    /// True when both lists hold the same set of prefixes (each may repeat one): a set comparison that allocates
    /// nothing for the short lists of an address space, and sets as before for long ones.
    /// </summary>
    public static bool SameSet(ImmutableArray<AddressPrefix> left, ImmutableArray<AddressPrefix> right)
    {
        if (left.Length > 16 || right.Length > 16)
        {
            return left.Select(p => p.Prefix).ToHashSet().SetEquals(right.Select(p => p.Prefix));
        }

        return AllIn(left, right) && AllIn(right, left);

        static bool AllIn(ImmutableArray<AddressPrefix> some, ImmutableArray<AddressPrefix> all)
        {
            foreach (var prefix in some)
            {
                var found = false;
                foreach (var other in all)
                {
                    if (prefix.Prefix.Equals(other.Prefix))
                    {
                        found = true;
                        break;
                    }
                }

                if (!found)
                {
                    return false;
                }
            }

            return true;
        }
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
