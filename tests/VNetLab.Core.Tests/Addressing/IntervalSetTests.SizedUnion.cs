using FsCheck.Fluent;

namespace VNetLab.Core.Tests.Addressing;

/// <summary>
/// The union sized to fit (two passes, one array) is the union: equal, normalised, on byte sets, on uint sets whose
/// bounds cluster at the ends, and on address sets of both families.
/// </summary>
public partial class IntervalSetTests
{
    [Fact]
    public void Property_Byte_UnionSizedToFitIsUnion() =>
        PropertyCheck.Holds(ByteTriples, static t => t.Item1.UnionSizedToFit(t.Item2) == t.Item1.Union(t.Item2)
            && IsNormalised(t.Item1.UnionSizedToFit(t.Item2)));

    [Fact]
    public void Property_UIntEdges_UnionSizedToFitIsUnion() =>
        PropertyCheck.Holds(EdgeTriples, static t => t.Item1.UnionSizedToFit(t.Item2) == t.Item1.Union(t.Item2)
            && IsNormalised(t.Item1.UnionSizedToFit(t.Item2)));

    [Fact]
    public void Property_AddressSets_UnionSizedToFitIsUnion() =>
        PropertyCheck.Holds(AddressingGenerators.AddressSetGen.Two(), static t => t.Item1.UnionSizedToFit(t.Item2) == t.Item1.Union(t.Item2));
}
