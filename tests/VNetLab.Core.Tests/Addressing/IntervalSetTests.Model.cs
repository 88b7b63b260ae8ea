using FsCheck.Fluent;
using VNetLab.Addressing;

namespace VNetLab.Core.Tests.Addressing;

/// <summary>Every operation on IntervalSet&lt;byte&gt; agrees with a bool[256] model, value by value.</summary>
public partial class IntervalSetTests
{
    [Fact]
    public void Property_Byte_MembershipAgreesWithBruteForceModel() =>
        PropertyCheck.Holds(
            AddressingGenerators.ByteSet.Two(),
            static p =>
            {
                var (a, b) = p;
                var (ma, mb) = (Model(a), Model(b));
                var union = a.Union(b);
                var intersection = a.Intersect(b);
                var difference = a.Except(b);
                var complement = a.Complement();
                for (var v = 0; v < 256; v++)
                {
                    var x = (byte)v;
                    if (a.Contains(x) != ma[v]
                        || union.Contains(x) != (ma[v] || mb[v])
                        || intersection.Contains(x) != (ma[v] && mb[v])
                        || difference.Contains(x) != (ma[v] && !mb[v])
                        || complement.Contains(x) != !ma[v])
                    {
                        return false;
                    }
                }

                var subset = Enumerable.Range(0, 256).All(v => !ma[v] || mb[v]);
                var overlaps = Enumerable.Range(0, 256).Any(v => ma[v] && mb[v]);
                var first = Array.IndexOf(ma, true);
                return a.IsSubsetOf(b) == subset
                    && a.Overlaps(b) == overlaps
                    && a.IsEmpty == (first < 0)
                    && a.IsAll == ma.All(static m => m)
                    && (first < 0 ? !a.TryGetFirst(out _) : a.TryGetFirst(out var f) && f == first);
            });

    [Fact]
    public void Property_Byte_FromIntervalsAgreesWithModel() =>
        PropertyCheck.Holds(
            AddressingGenerators.ListOfUpTo(Gen.Choose(0, 255).Two(), 8),
            static pairs =>
            {
                var intervals = pairs.Select(static p => new Interval<byte>((byte)Math.Min(p.Item1, p.Item2), (byte)Math.Max(p.Item1, p.Item2))).ToList();
                var set = IntervalSet<byte>.FromIntervals(intervals);
                return IsNormalised(set)
                    && Enumerable.Range(0, 256).All(v => set.Contains((byte)v) == intervals.Any(i => i.Contains((byte)v)));
            });

    private static bool[] Model(IntervalSet<byte> set)
    {
        var model = new bool[256];
        foreach (var interval in set.Intervals)
        {
            for (int v = interval.First; v <= interval.Last; v++)
            {
                model[v] = true;
            }
        }

        return model;
    }
}
