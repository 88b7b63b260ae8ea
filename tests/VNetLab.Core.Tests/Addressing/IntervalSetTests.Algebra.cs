using FsCheck;
using FsCheck.Fluent;
using VNetLab.Addressing;

namespace VNetLab.Core.Tests.Addressing;

/// <summary>
/// Boolean-algebra laws, checked on byte sets (dense collisions) and on uint sets whose bounds cluster
/// at 0 and MaxValue (where a careless +1 overflows). Equality is structural, so the laws also check
/// that every operation returns the one normalised form.
/// </summary>
public partial class IntervalSetTests
{
    private static readonly Gen<(IntervalSet<byte>, IntervalSet<byte>, IntervalSet<byte>)> ByteTriples =
        AddressingGenerators.ByteSet.Three();

    private static readonly Gen<(IntervalSet<uint>, IntervalSet<uint>, IntervalSet<uint>)> EdgeTriples =
        AddressingGenerators.EdgeUIntSet.Three();

    [Fact]
    public void Property_Byte_BooleanAlgebraLaws() => PropertyCheck.Holds(ByteTriples, static t => Laws(t.Item1, t.Item2, t.Item3));

    [Fact]
    public void Property_UIntEdges_BooleanAlgebraLaws() => PropertyCheck.Holds(EdgeTriples, static t => Laws(t.Item1, t.Item2, t.Item3));

    [Fact]
    public void Property_Byte_EveryResultIsNormalised() =>
        PropertyCheck.Holds(
            ByteTriples,
            static t =>
            {
                var (a, b, _) = t;
                return IsNormalised(a) && IsNormalised(a.Union(b)) && IsNormalised(a.Intersect(b))
                    && IsNormalised(a.Except(b)) && IsNormalised(a.Complement());
            });

    [Fact]
    public void Property_UIntEdges_EveryResultIsNormalised() =>
        PropertyCheck.Holds(
            EdgeTriples,
            static t =>
            {
                var (a, b, _) = t;
                return IsNormalised(a) && IsNormalised(a.Union(b)) && IsNormalised(a.Intersect(b))
                    && IsNormalised(a.Except(b)) && IsNormalised(a.Complement());
            });

    private static bool Laws<T>(IntervalSet<T> a, IntervalSet<T> b, IntervalSet<T> c)
        where T : System.Numerics.IBinaryInteger<T>, System.Numerics.IMinMaxValue<T>
    {
        var empty = IntervalSet<T>.Empty;
        var all = IntervalSet<T>.All;
        return a.Union(b) == b.Union(a)
            && a.Intersect(b) == b.Intersect(a)
            && a.Union(b).Union(c) == a.Union(b.Union(c))
            && a.Intersect(b).Intersect(c) == a.Intersect(b.Intersect(c))
            && a.Intersect(b.Union(c)) == a.Intersect(b).Union(a.Intersect(c))
            && a.Union(b.Intersect(c)) == a.Union(b).Intersect(a.Union(c))
            && a.Union(b).Complement() == a.Complement().Intersect(b.Complement())
            && a.Intersect(b).Complement() == a.Complement().Union(b.Complement())
            && a.Except(b) == a.Intersect(b.Complement())
            && a.Complement().Complement() == a
            && a.Union(a.Complement()) == all
            && a.Intersect(a.Complement()) == empty
            && a.Union(empty) == a && a.Intersect(all) == a
            && a.Union(a) == a && a.Intersect(a) == a
            && a.IsSubsetOf(a.Union(b)) && a.Intersect(b).IsSubsetOf(a)
            && a.IsSubsetOf(b) == (a.Except(b) == empty)
            && a.Overlaps(b) == !a.Intersect(b).IsEmpty
            && a.Union(b).GetHashCode() == b.Union(a).GetHashCode()
            && (a != b || a.GetHashCode() == b.GetHashCode());
    }
}
