using VNetLab.Addressing;

namespace VNetLab.Analysis.Reachability;

/// <summary>
/// The cut points of many address sets (each interval's first value and the value after its last), collected for
/// <see cref="PacketClasses"/>: the same as adding every cut point of every set, sorting and removing duplicates, but
/// without adding, one set after another, the thousands of cut points it shares with a set added before (the
/// <c>VirtualNetwork</c> tags of 10,000 spoke NSGs differ in a few intervals among thousands of on-premises prefixes).
/// </summary>
/// <remarks>
/// Exact: a set's cut points are the values where its membership changes (and 0, always held). Each set is compared
/// with a reference, the last large set added, whose cut points are all held already (by induction); a cut point of
/// the new set that is also one of the reference's is skipped, every other one is added. So after each set, all of its
/// cut points are held, and no value that is not a cut point of some set is ever added.
/// </remarks>
internal sealed class AddressCuts
{
    // Sets of at least this many intervals become the reference the next sets are compared with.
    private const int LargeSetIntervals = 64;

    private readonly List<uint> _cuts = [0];
    private IntervalSet<uint> _reference;

    public void Add(IntervalSet<uint> set)
    {
        var known = new BoundaryCursor(_reference.Intervals);
        foreach (var interval in set.Intervals)
        {
            if (!known.SkipTo(interval.First))
            {
                _cuts.Add(interval.First);
            }

            if (interval.Last < uint.MaxValue && !known.SkipTo(interval.Last + 1))
            {
                _cuts.Add(interval.Last + 1);
            }
        }

        if (set.IntervalCount >= LargeSetIntervals)
        {
            _reference = set;
        }
    }

    /// <summary>Adds every cut point <paramref name="other"/> holds (duplicates go when sorted).</summary>
    public void Merge(AddressCuts other) => _cuts.AddRange(other._cuts);

    /// <summary>Every cut point added, ascending, each once (0 included).</summary>
    public uint[] ToSortedArray()
    {
        _cuts.Sort();
        var distinct = new List<uint>(_cuts.Count);
        foreach (var cut in _cuts)
        {
            if (distinct.Count == 0 || distinct[^1] != cut)
            {
                distinct.Add(cut);
            }
        }

        return [.. distinct];
    }

    /// <summary>
    /// Walks a set's cut points in ascending order, answering whether a value (asked in ascending order) is one. Moves a
    /// few intervals at a time, then by binary search: a host address or a subnet is compared with a reference of
    /// thousands of intervals, and must not walk all of them.
    /// </summary>
    private ref struct BoundaryCursor(ReadOnlySpan<Interval<uint>> intervals)
    {
        private const int LinearSteps = 8;
        private readonly ReadOnlySpan<Interval<uint>> _intervals = intervals;

        // The first interval whose cut point after its last value is not below the values asked so far.
        private int _index;

        public bool SkipTo(uint value)
        {
            var index = _index;
            var limit = Math.Min(_intervals.Length, index + LinearSteps);
            while (index < limit && Passed(_intervals[index], value))
            {
                index++;
            }

            if (index == limit && index < _intervals.Length && Passed(_intervals[index], value))
            {
                int low = index + 1, high = _intervals.Length;
                while (low < high)
                {
                    var middle = (low + high) >>> 1;
                    if (Passed(_intervals[middle], value))
                    {
                        low = middle + 1;
                    }
                    else
                    {
                        high = middle;
                    }
                }

                index = low;
            }

            _index = index;
            if (index >= _intervals.Length)
            {
                return false;
            }

            var interval = _intervals[index];
            return interval.First >= value ? interval.First == value : (ulong)interval.Last + 1 == value;
        }

        // Both cut points of the interval (its first value, the value after its last) are below the value.
        private static bool Passed(Interval<uint> interval, uint value) => (ulong)interval.Last + 1 < value;
    }
}
