using System.Buffers;
using VNetLab.Addressing;
using VNetLab.Model;
using VNetLab.Model.Memory;

namespace VNetLab.Security;

/// <summary>
/// The private addresses of the NIC IP configurations that carry each application security group: what a rule
/// naming the ASG matches (semantics.md §4.6: such a rule applies only to member NICs, which for a packet means its
/// source or destination is a member's address).
/// </summary>
public sealed class ApplicationSecurityGroupMembers
{
    private readonly Dictionary<ResourceId, int> _positions;
    private readonly AddressSet[] _addresses;

    private ApplicationSecurityGroupMembers(Dictionary<ResourceId, int> positions, AddressSet[] addresses)
    {
        _positions = positions;
        _addresses = addresses;
    }

    public static ApplicationSecurityGroupMembers Of(Estate estate)
    {
        // Every compile reads every NIC for this, so it pairs each member's address with its ASG's position in one list
        // and groups the pairs with one sort: an address list per ASG, grown a member at a time, and the boxed
        // enumerators and copies of building each set from it were an eighth of what a compile of every NIC allocated.
        // Consecutive configurations nearly always name the ASG the one before named (the NICs of one tier), so that
        // one is tried before the dictionary.
        var positions = new Dictionary<ResourceId, int>();

        // The pairs live only until they are grouped: a rented buffer, not a list grown per compile, whose last array
        // (16,000 pairs at 16x, 128 KB) went to the large object heap, where every compile's copy counted towards the
        // next full collection.
        var v4 = ArrayPool<ulong>.Shared.Rent(1024);
        var v4Count = 0;
        List<(int Position, UInt128 Address)>? v6 = null;
        ResourceId? lastId = null;
        var lastPosition = -1;
        var nics = estate.NetworkInterfaces.AsSpan();
        for (var n = 0; n < nics.Length; n++)
        {
            // The loop does little per NIC and the NICs' objects lie apart on an estate larger than the cache: their
            // chains (NIC, configurations, ASG lists) are hinted some NICs ahead (docs/performance.md, "Session 9").
            ResourceHints.Ahead(nics, n, spacing: 4);

            foreach (var configuration in nics[n].IpConfigurations)
            {
                if (configuration.PrivateIpAddress is not { } address)
                {
                    continue;
                }

                foreach (var asgId in configuration.ApplicationSecurityGroupIds)
                {
                    if (!asgId.Equals(lastId))
                    {
                        if (!positions.TryGetValue(asgId, out lastPosition))
                        {
                            lastPosition = positions.Count;
                            positions.Add(asgId, lastPosition);
                        }

                        lastId = asgId;
                    }

                    if (address.IsV4)
                    {
                        v4 = v4Count < v4.Length ? v4 : Grown(v4);
                        v4[v4Count++] = ((ulong)(uint)lastPosition << 32) | address.V4Value;
                    }
                    else
                    {
                        (v6 ??= []).Add((lastPosition, address.Value));
                    }
                }
            }
        }

        var addresses = new AddressSet[positions.Count];
        var v4Sets = GroupedV4(v4.AsSpan(0, v4Count), positions.Count);
        ArrayPool<ulong>.Shared.Return(v4);
        var v6Sets = v6 is null ? null : GroupedV6(v6, positions.Count);
        for (var i = 0; i < addresses.Length; i++)
        {
            addresses[i] = AddressSet.FromIntervalSets(v4Sets[i], v6Sets?[i] ?? default);
        }

        return new(positions, addresses);
    }

    /// <summary>The members' addresses; empty for an ASG no IP configuration carries.</summary>
    public AddressSet Of(ResourceId asgId) => _positions.TryGetValue(asgId, out var position) ? _addresses[position] : default;

    /// <summary>True when at least one IP configuration carries the ASG.</summary>
    public bool HasMembers(ResourceId asgId) => _positions.ContainsKey(asgId);

    // Each pair is the ASG's position in the high half and the address in the low one, so sorting groups them by ASG
    // with each group's addresses in order, and each run of consecutive addresses becomes one interval as it is read.
    private static IntervalSet<uint>[] GroupedV4(Span<ulong> sorted, int count)
    {
        var sets = new IntervalSet<uint>[count];
        sorted.Sort();
        var buffer = ArrayPool<Interval<uint>>.Shared.Rent(Math.Max(1, sorted.Length));
        try
        {
            var start = 0;
            while (start < sorted.Length)
            {
                var position = (int)(sorted[start] >> 32);
                var intervals = 0;
                var end = start;
                for (; end < sorted.Length && (int)(sorted[end] >> 32) == position; end++)
                {
                    // Sorted, so an address is a repeat of the last one kept, right after it, or past a gap.
                    var address = (uint)sorted[end];
                    if (intervals > 0 && address <= buffer[intervals - 1].Last)
                    {
                        continue;
                    }

                    if (intervals > 0 && address == buffer[intervals - 1].Last + 1)
                    {
                        buffer[intervals - 1] = new Interval<uint>(buffer[intervals - 1].First, address);
                    }
                    else
                    {
                        buffer[intervals++] = new Interval<uint>(address, address);
                    }
                }

                sets[position] = IntervalSet<uint>.FromIntervals(buffer.AsSpan(0, intervals));
                start = end;
            }
        }
        finally
        {
            ArrayPool<Interval<uint>>.Shared.Return(buffer);
        }

        return sets;
    }

    // A buffer twice the size with the pairs so far; the smaller one goes back to the pool.
    private static ulong[] Grown(ulong[] buffer)
    {
        var grown = ArrayPool<ulong>.Shared.Rent(buffer.Length * 2);
        buffer.CopyTo(grown, 0);
        ArrayPool<ulong>.Shared.Return(buffer);
        return grown;
    }

    // IPv6 members are rare: grouped by a sort of the pairs, each group's set built from its addresses as before.
    private static IntervalSet<UInt128>[] GroupedV6(List<(int Position, UInt128 Address)> pairs, int count)
    {
        var sets = new IntervalSet<UInt128>[count];
        var sorted = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(pairs);
        sorted.Sort(static (a, b) => a.Position != b.Position ? a.Position.CompareTo(b.Position) : a.Address.CompareTo(b.Address));
        var start = 0;
        while (start < sorted.Length)
        {
            var position = sorted[start].Position;
            var end = start;
            while (end < sorted.Length && sorted[end].Position == position)
            {
                end++;
            }

            var intervals = new Interval<UInt128>[end - start];
            for (var i = start; i < end; i++)
            {
                intervals[i - start] = new Interval<UInt128>(sorted[i].Address, sorted[i].Address);
            }

            sets[position] = IntervalSet<UInt128>.FromIntervals(intervals);
            start = end;
        }

        return sets;
    }
}
