using System.Numerics;
using System.Text;

namespace VNetLab.Addressing;

/// <summary>
/// An immutable set of integers of type <typeparamref name="T"/>, held as inclusive intervals. The
/// universe is <c>T.MinValue..T.MaxValue</c>, so <see cref="Complement"/> is relative to the whole type.
/// Engines use it for address and port sets, where the sets are huge but have few boundaries.
/// </summary>
/// <remarks>
/// Invariant: the intervals are sorted, pairwise disjoint and never adjacent (between two intervals there
/// is at least one value outside the set). Each set therefore has exactly one representation, which is
/// what makes structural equality equal to set equality. <c>default</c> is the empty set. The value is
/// immutable and safe to share between threads.
/// </remarks>
public readonly struct IntervalSet<T> : IEquatable<IntervalSet<T>>
    where T : IBinaryInteger<T>, IMinMaxValue<T>
{
    // Null for the empty set (so default is empty); never a zero-length array. Never mutated once stored.
    private readonly Interval<T>[]? _intervals;

    // Shared by every All; safe because stored arrays are never written.
    private static readonly Interval<T>[] Universe = [new Interval<T>(T.MinValue, T.MaxValue)];

    private IntervalSet(Interval<T>[]? normalised)
    {
        _intervals = normalised is { Length: > 0 } ? normalised : null;
    }

    public static IntervalSet<T> Empty => default;

    /// <summary>The whole universe, <c>T.MinValue..T.MaxValue</c>.</summary>
    public static IntervalSet<T> All => new(Universe);

    /// <summary>The normalised intervals, in ascending order.</summary>
    public ReadOnlySpan<Interval<T>> Intervals => _intervals;

    /// <summary>
    /// The stored array (null when empty), for identity only: two sets sharing it are equal, so a caller meeting
    /// the same expanded set many times (a service tag in every rule) can skip it without hashing every interval.
    /// </summary>
    internal object? Storage => _intervals;

    /// <summary>How many intervals (not values) the set holds.</summary>
    public int IntervalCount => _intervals?.Length ?? 0;

    public bool IsEmpty => _intervals is null;

    public bool IsAll => _intervals is [var only] && only.First == T.MinValue && only.Last == T.MaxValue;

    /// <summary>The set holding <paramref name="value"/> alone.</summary>
    public static IntervalSet<T> Of(T value) => new([new Interval<T>(value, value)]);

    /// <summary>The set <c>first..last</c>, both inclusive.</summary>
    /// <exception cref="ArgumentException"><paramref name="first"/> is greater than <paramref name="last"/>.</exception>
    public static IntervalSet<T> Of(T first, T last) => new([new Interval<T>(first, last)]);

    public static IntervalSet<T> Of(Interval<T> interval) => new([interval]);

    /// <summary>The union of any intervals, in any order, overlapping or not.</summary>
    public static IntervalSet<T> FromIntervals(IEnumerable<Interval<T>> intervals)
    {
        ArgumentNullException.ThrowIfNull(intervals);
        return new(Normalise([.. intervals]));
    }

    /// <summary>The union of any intervals, in any order, overlapping or not.</summary>
    public static IntervalSet<T> FromIntervals(ReadOnlySpan<Interval<T>> intervals) => new(Normalise(intervals.ToArray()));

    /// <summary>Membership by binary search; allocates nothing.</summary>
    public bool Contains(T value)
    {
        var intervals = Intervals;
        var index = IndexOfFirstEndingAtOrAfter(intervals, value);
        return index < intervals.Length && intervals[index].First <= value;
    }

    /// <summary>True when every value in <paramref name="interval"/> is in the set.</summary>
    public bool Contains(Interval<T> interval)
    {
        var intervals = Intervals;
        var index = IndexOfFirstEndingAtOrAfter(intervals, interval.First);

        // Intervals are never adjacent, so a covered interval must sit inside a single stored one.
        return index < intervals.Length && intervals[index].First <= interval.First && intervals[index].Last >= interval.Last;
    }

    /// <summary>The lowest value of the set, a cheap representative (for example for a counterexample).</summary>
    public bool TryGetFirst(out T value)
    {
        if (_intervals is null)
        {
            value = T.Zero;
            return false;
        }

        value = _intervals[0].First;
        return true;
    }

    /// <summary>The lowest value of the set.</summary>
    /// <exception cref="InvalidOperationException">The set is empty.</exception>
    public T First => _intervals is null ? throw new InvalidOperationException("The set is empty.") : _intervals[0].First;

    /// <summary>The highest value of the set.</summary>
    /// <exception cref="InvalidOperationException">The set is empty.</exception>
    public T Last => _intervals is null ? throw new InvalidOperationException("The set is empty.") : _intervals[^1].Last;

    public IntervalSet<T> Union(IntervalSet<T> other)
    {
        if (other.IsEmpty || IsAll)
        {
            return this;
        }

        // Sets are immutable, so one stored array is one set: the reach matrix unions a cell's ports with the same set
        // for target after target.
        if (IsEmpty || other.IsAll || ReferenceEquals(_intervals, other._intervals))
        {
            return other;
        }

        var a = Intervals;
        var b = other.Intervals;
        var result = new Interval<T>[a.Length + b.Length];
        var count = 0;
        int i = 0, j = 0;
        while (i < a.Length || j < b.Length)
        {
            // Take the interval that starts first, then fold it into the last one written if they touch.
            var next = j >= b.Length || (i < a.Length && a[i].First <= b[j].First) ? a[i++] : b[j++];
            if (count > 0 && Touches(result[count - 1], next))
            {
                if (next.Last > result[count - 1].Last)
                {
                    result[count - 1] = new Interval<T>(result[count - 1].First, next.Last);
                }
            }
            else
            {
                result[count++] = next;
            }
        }

        return new(Trim(result, count));
    }

    /// <summary>
    /// <see cref="Union"/>, made in two passes so that the only array it allocates is the result's: for results that are
    /// kept, where joining a few intervals to a large set that they touch made the large set's size twice, once to trim.
    /// </summary>
    internal IntervalSet<T> UnionSizedToFit(IntervalSet<T> other)
    {
        if (other.IsEmpty || IsAll)
        {
            return this;
        }

        if (IsEmpty || other.IsAll || ReferenceEquals(_intervals, other._intervals))
        {
            return other;
        }

        var count = Merge(Intervals, other.Intervals, []);
        var result = new Interval<T>[count];
        Merge(Intervals, other.Intervals, result);
        return new(result);
    }

    // The merge Union makes, written into result when it is long enough; returns how many intervals it has.
    private static int Merge(ReadOnlySpan<Interval<T>> a, ReadOnlySpan<Interval<T>> b, Span<Interval<T>> result)
    {
        var write = result.Length > 0;
        var count = 0;
        var last = default(Interval<T>);
        int i = 0, j = 0;
        while (i < a.Length || j < b.Length)
        {
            var next = j >= b.Length || (i < a.Length && a[i].First <= b[j].First) ? a[i++] : b[j++];
            if (count > 0 && Touches(last, next))
            {
                if (next.Last > last.Last)
                {
                    last = new Interval<T>(last.First, next.Last);
                }
            }
            else
            {
                count++;
                last = next;
            }

            if (write)
            {
                result[count - 1] = last;
            }
        }

        return count;
    }

    public IntervalSet<T> Intersect(IntervalSet<T> other)
    {
        if (IsEmpty || other.IsAll)
        {
            return this;
        }

        if (other.IsEmpty || IsAll || ReferenceEquals(_intervals, other._intervals))
        {
            return other;
        }

        var a = Intervals;
        var b = other.Intervals;
        var result = new Interval<T>[a.Length + b.Length];
        var count = 0;
        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            var first = T.Max(a[i].First, b[j].First);
            var last = T.Min(a[i].Last, b[j].Last);
            if (first <= last)
            {
                // Pieces are separated by gaps of a or b, so the output needs no merging.
                result[count++] = new Interval<T>(first, last);
            }

            if (a[i].Last < b[j].Last)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return new(Trim(result, count));
    }

    /// <summary>The values in this set and not in <paramref name="other"/> (equal to this ∩ ¬other).</summary>
    public IntervalSet<T> Except(IntervalSet<T> other)
    {
        if (IsEmpty || other.IsEmpty)
        {
            return this;
        }

        if (other.IsAll || ReferenceEquals(_intervals, other._intervals))
        {
            return Empty;
        }

        var a = Intervals;
        var b = other.Intervals;
        var result = new Interval<T>[a.Length + b.Length];
        var count = 0;
        var j = 0;
        foreach (var interval in a)
        {
            while (j < b.Length && b[j].Last < interval.First)
            {
                j++;
            }

            var first = interval.First;
            var coveredToEnd = false;
            var k = j;
            while (k < b.Length && b[k].First <= interval.Last)
            {
                if (b[k].First > first)
                {
                    result[count++] = new Interval<T>(first, b[k].First - T.One);
                }

                if (b[k].Last >= interval.Last)
                {
                    coveredToEnd = true;
                    break;
                }

                // b[k].Last < interval.Last <= T.MaxValue, so the increment cannot overflow.
                first = b[k].Last + T.One;
                k++;
            }

            if (!coveredToEnd)
            {
                result[count++] = new Interval<T>(first, interval.Last);
            }

            // b[k] may reach into the next interval of a, so keep it.
            j = k;
        }

        return new(Trim(result, count));
    }

    /// <summary>Every value of the universe <c>T.MinValue..T.MaxValue</c> that is not in this set.</summary>
    public IntervalSet<T> Complement()
    {
        if (IsEmpty)
        {
            return All;
        }

        var a = Intervals;
        var result = new Interval<T>[a.Length + 1];
        var count = 0;
        if (a[0].First > T.MinValue)
        {
            result[count++] = new Interval<T>(T.MinValue, a[0].First - T.One);
        }

        for (var i = 1; i < a.Length; i++)
        {
            // Non-adjacency guarantees the gap holds at least one value.
            result[count++] = new Interval<T>(a[i - 1].Last + T.One, a[i].First - T.One);
        }

        if (a[^1].Last < T.MaxValue)
        {
            result[count++] = new Interval<T>(a[^1].Last + T.One, T.MaxValue);
        }

        return new(Trim(result, count));
    }

    public bool IsSubsetOf(IntervalSet<T> other)
    {
        var b = other.Intervals;
        var j = 0;
        foreach (var interval in Intervals)
        {
            while (j < b.Length && b[j].Last < interval.First)
            {
                j++;
            }

            if (j >= b.Length || b[j].First > interval.First || b[j].Last < interval.Last)
            {
                return false;
            }
        }

        return true;
    }

    public bool IsSupersetOf(IntervalSet<T> other) => other.IsSubsetOf(this);

    /// <summary>True when the sets share at least one value.</summary>
    public bool Overlaps(IntervalSet<T> other)
    {
        var a = Intervals;
        var b = other.Intervals;
        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i].Last < b[j].First)
            {
                i++;
            }
            else if (b[j].Last < a[i].First)
            {
                j++;
            }
            else
            {
                return true;
            }
        }

        return false;
    }

    public bool Equals(IntervalSet<T> other) => Intervals.SequenceEqual(other.Intervals);

    public override bool Equals(object? obj) => obj is IntervalSet<T> other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var interval in Intervals)
        {
            hash.Add(interval);
        }

        return hash.ToHashCode();
    }

    /// <summary>For example <c>{}</c>, <c>{7}</c> or <c>{0-5, 7, 10-20}</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder("{");
        foreach (var interval in Intervals)
        {
            if (text.Length > 1)
            {
                text.Append(", ");
            }

            text.Append(interval.ToString());
        }

        return text.Append('}').ToString();
    }

    public static bool operator ==(IntervalSet<T> left, IntervalSet<T> right) => left.Equals(right);

    public static bool operator !=(IntervalSet<T> left, IntervalSet<T> right) => !left.Equals(right);

    private static int IndexOfFirstEndingAtOrAfter(ReadOnlySpan<Interval<T>> intervals, T value)
    {
        int lo = 0, hi = intervals.Length - 1;
        while (lo <= hi)
        {
            var mid = lo + ((hi - lo) >> 1);
            if (intervals[mid].Last < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return lo;
    }

    /// <summary>True when <paramref name="next"/> (which starts no earlier) overlaps or abuts <paramref name="current"/>.</summary>
    private static bool Touches(Interval<T> current, Interval<T> next) =>
        current.Last == T.MaxValue || next.First <= current.Last + T.One;

    /// <summary>Sorts and merges in place; the array is owned by the caller and becomes the set's storage.</summary>
    private static Interval<T>[] Normalise(Interval<T>[] intervals)
    {
        if (intervals.Length <= 1)
        {
            return intervals;
        }

        Array.Sort(intervals, static (x, y) => x.First.CompareTo(y.First));
        var count = 1;
        for (var i = 1; i < intervals.Length; i++)
        {
            var current = intervals[count - 1];
            var next = intervals[i];
            if (Touches(current, next))
            {
                if (next.Last > current.Last)
                {
                    intervals[count - 1] = new Interval<T>(current.First, next.Last);
                }
            }
            else
            {
                intervals[count++] = next;
            }
        }

        return Trim(intervals, count);
    }

    private static Interval<T>[] Trim(Interval<T>[] intervals, int count)
    {
        if (count != intervals.Length)
        {
            Array.Resize(ref intervals, count);
        }

        return intervals;
    }
}
