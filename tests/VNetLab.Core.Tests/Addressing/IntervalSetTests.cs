using System.Numerics;
using VNetLab.Addressing;

namespace VNetLab.Core.Tests.Addressing;

/// <summary>Construction, normalisation and queries; the algebra laws and the brute-force model live in sibling parts.</summary>
public partial class IntervalSetTests
{
    [Fact]
    public void Empty_IsDefaultAndHoldsNothing()
    {
        var empty = IntervalSet<uint>.Empty;

        Assert.True(empty.IsEmpty);
        Assert.False(empty.IsAll);
        Assert.Equal(default, empty);
        Assert.Equal(0, empty.IntervalCount);
        Assert.False(empty.Contains(0));
        Assert.False(empty.TryGetFirst(out _));
        Assert.Throws<InvalidOperationException>(() => empty.First);
        Assert.Equal("{}", empty.ToString());
    }

    [Fact]
    public void All_SpansTheWholeType()
    {
        var all = IntervalSet<uint>.All;

        Assert.True(all.IsAll);
        Assert.True(all.Contains(uint.MinValue));
        Assert.True(all.Contains(uint.MaxValue));
        Assert.Equal("{0-4294967295}", all.ToString());
        Assert.Equal("{-128-127}", IntervalSet<sbyte>.All.ToString());
    }

    [Fact]
    public void FromIntervals_SortsMergesOverlappingAndAdjacent()
    {
        var set = IntervalSet<int>.FromIntervals([new(20, 30), new(1, 5), new(6, 8), new(25, 40), new(50, 50), new(3, 4)]);

        Assert.Equal("{1-8, 20-40, 50}", set.ToString());
        Assert.Equal([new Interval<int>(1, 8), new Interval<int>(20, 40), new Interval<int>(50, 50)], set.Intervals.ToArray());
        AssertNormalised(set);
    }

    [Fact]
    public void FromIntervals_Enumerable_SameAsSpan()
    {
        var list = new List<Interval<int>> { new(5, 6), new(1, 2) };

        Assert.Equal(IntervalSet<int>.FromIntervals(list), IntervalSet<int>.FromIntervals([new(1, 2), new(5, 6)]));
        Assert.True(IntervalSet<int>.FromIntervals([]).IsEmpty);
    }

    [Fact]
    public void FromIntervals_AdjacentAtMaxValue_MergesWithoutOverflow()
    {
        var set = IntervalSet<byte>.FromIntervals([new(255, 255), new(0, 254)]);

        Assert.True(set.IsAll);
    }

    [Fact]
    public void Of_ReversedBounds_Throws() => Assert.Throws<ArgumentException>(() => IntervalSet<int>.Of(5, 4));

    [Fact]
    public void Contains_ChecksEachBoundary()
    {
        var set = IntervalSet<int>.FromIntervals([new(10, 20), new(30, 30), new(40, 50)]);

        int[] inside = [10, 15, 20, 30, 40, 50];
        int[] outside = [int.MinValue, 9, 21, 29, 31, 39, 51, int.MaxValue];
        Assert.All(inside, v => Assert.True(set.Contains(v)));
        Assert.All(outside, v => Assert.False(set.Contains(v)));
        Assert.True(set.Contains(new Interval<int>(12, 18)));
        Assert.False(set.Contains(new Interval<int>(18, 31)));
    }

    [Fact]
    public void FirstAndLast_AreTheExtremes()
    {
        var set = IntervalSet<int>.FromIntervals([new(40, 50), new(-3, 2)]);

        Assert.Equal(-3, set.First);
        Assert.Equal(50, set.Last);
        Assert.True(set.TryGetFirst(out var first));
        Assert.Equal(-3, first);
    }

    [Fact]
    public void Complement_AtTheEdges()
    {
        Assert.Equal(IntervalSet<uint>.Empty, IntervalSet<uint>.All.Complement());
        Assert.Equal(IntervalSet<uint>.All, IntervalSet<uint>.Empty.Complement());
        Assert.Equal(IntervalSet<uint>.Of(1, uint.MaxValue), IntervalSet<uint>.Of(0).Complement());
        Assert.Equal(IntervalSet<uint>.Of(0, uint.MaxValue - 1), IntervalSet<uint>.Of(uint.MaxValue).Complement());
        Assert.Equal("{0-9, 21-29, 31-255}", IntervalSet<byte>.FromIntervals([new(10, 20), new(30, 30)]).Complement().ToString());
    }

    [Fact]
    public void UnionIntersectExcept_Examples()
    {
        var a = IntervalSet<int>.FromIntervals([new(1, 10), new(20, 30)]);
        var b = IntervalSet<int>.FromIntervals([new(5, 25), new(40, 41)]);

        Assert.Equal("{1-30, 40-41}", a.Union(b).ToString());
        Assert.Equal("{5-10, 20-25}", a.Intersect(b).ToString());
        Assert.Equal("{1-4, 26-30}", a.Except(b).ToString());
        Assert.Equal("{11-19, 40-41}", b.Except(a).ToString());
        Assert.Equal("{1-2}", IntervalSet<int>.Of(1).Union(IntervalSet<int>.Of(2)).ToString());
    }

    [Fact]
    public void Except_UpToMaxValue_DoesNotOverflow()
    {
        var all = IntervalSet<UInt128>.All;

        Assert.Equal(IntervalSet<UInt128>.Of(UInt128.Zero, UInt128.MaxValue - 1), all.Except(IntervalSet<UInt128>.Of(UInt128.MaxValue)));
        Assert.Equal(IntervalSet<UInt128>.Of(UInt128.One, UInt128.MaxValue), all.Except(IntervalSet<UInt128>.Of(UInt128.Zero)));
        Assert.True(all.Except(all).IsEmpty);
    }

    [Fact]
    public void SubsetAndOverlap_Examples()
    {
        var a = IntervalSet<int>.FromIntervals([new(1, 10), new(20, 30)]);

        Assert.True(IntervalSet<int>.Of(2, 9).IsSubsetOf(a));
        Assert.False(IntervalSet<int>.Of(9, 20).IsSubsetOf(a));
        Assert.True(IntervalSet<int>.Empty.IsSubsetOf(a));
        Assert.True(a.IsSupersetOf(IntervalSet<int>.Of(25)));
        Assert.True(a.Overlaps(IntervalSet<int>.Of(10, 19)));
        Assert.False(a.Overlaps(IntervalSet<int>.Of(11, 19)));
        Assert.False(a.Overlaps(IntervalSet<int>.Empty));
    }

    [Fact]
    public void Equality_IsSetEquality()
    {
        var a = IntervalSet<int>.FromIntervals([new(1, 3), new(4, 6)]);
        var b = IntervalSet<int>.Of(1, 6);

        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, IntervalSet<int>.Of(1, 7));
        Assert.True(a != IntervalSet<int>.Of(1, 7));
        Assert.False(a.Equals((object)"{1-6}"));
    }

    /// <summary>The representation invariant: sorted, disjoint and never adjacent.</summary>
    internal static void AssertNormalised<T>(IntervalSet<T> set)
        where T : IBinaryInteger<T>, IMinMaxValue<T> => Assert.True(IsNormalised(set), $"Not normalised: {set}");

    internal static bool IsNormalised<T>(IntervalSet<T> set)
        where T : IBinaryInteger<T>, IMinMaxValue<T>
    {
        var intervals = set.Intervals;
        for (var i = 0; i < intervals.Length; i++)
        {
            if (intervals[i].First > intervals[i].Last)
            {
                return false;
            }

            // A gap of at least one value: previous.Last + 1 < next.First, written without overflow.
            if (i > 0 && (intervals[i - 1].Last >= intervals[i].First || intervals[i].First - intervals[i - 1].Last < T.CreateChecked(2)))
            {
                return false;
            }
        }

        return true;
    }
}
