using System.Buffers;
using VNetLab.Addressing;

namespace VNetLab.Security;

/// <summary>
/// Address ranges gathered into rented buffers, one per family, and made into an <see cref="AddressSet"/>: what
/// <see cref="AddressSet.FromRanges"/> gives for the same ranges, with no list or enumerator on the way.
/// </summary>
/// <remarks>The caller returns the buffers when done (<see cref="Return"/>); the set does not keep them.</remarks>
internal struct RangeBuffer(int capacity)
{
    private readonly Interval<uint>[] _v4 = ArrayPool<Interval<uint>>.Shared.Rent(capacity);
    private readonly Interval<UInt128>[] _v6 = ArrayPool<Interval<UInt128>>.Shared.Rent(capacity);
    private int _v4Count;
    private int _v6Count;

    /// <summary>Adds a range; at most the capacity given in all.</summary>
    public void Add(AddressRange range)
    {
        if (range.Family == IpFamily.V4)
        {
            _v4[_v4Count++] = new Interval<uint>(range.First.V4Value, range.Last.V4Value);
        }
        else
        {
            _v6[_v6Count++] = new Interval<UInt128>(range.First.Value, range.Last.Value);
        }
    }

    public readonly AddressSet ToAddressSet() =>
        AddressSet.FromIntervalSets(IntervalSet<uint>.FromIntervals(_v4.AsSpan(0, _v4Count)),
            IntervalSet<UInt128>.FromIntervals(_v6.AsSpan(0, _v6Count)));

    public readonly void Return()
    {
        ArrayPool<Interval<uint>>.Shared.Return(_v4);
        ArrayPool<Interval<UInt128>>.Shared.Return(_v6);
    }
}
