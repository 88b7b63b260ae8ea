using FsCheck.Fluent;
using VNetLab.Addressing;

namespace VNetLab.Core.Tests.Addressing;

public partial class AddressSetTests
{
    [Fact]
    public void Property_ToPrefixes_CoverExactlyTheSet() =>
        PropertyCheck.Holds(
            AddressingGenerators.AddressSetGen,
            static set =>
            {
                var prefixes = set.ToPrefixes();
                return AddressSet.FromPrefixes(prefixes) == set
                    && prefixes.SequenceEqual(prefixes.Order())
                    && Pairwise(prefixes).All(static p => !p.Item1.Overlaps(p.Item2));
            });

    [Fact]
    public void Property_ToPrefixes_IsTheMinimalCover() =>
        PropertyCheck.Holds(
            AddressingGenerators.AddressSetGen,
            static set => set.ToPrefixes().SequenceEqual(set.ToRanges().SelectMany(AddressRangeTests.CanonicalCover)));

    [Fact]
    public void Property_Membership_AgreesWithPrefixes() =>
        PropertyCheck.Holds(
            AddressingGenerators.AddressSetGen.Zip(AddressingGenerators.AnyAddress),
            static p =>
            {
                var (set, address) = p;
                return set.Contains(address) == set.ToPrefixes().Any(prefix => prefix.Contains(address))
                    && set.Complement().Contains(address) == !set.Contains(address);
            });

    [Fact]
    public void Property_SetAlgebra_KeepsFamiliesApartAndObeysDeMorgan() =>
        PropertyCheck.Holds(
            AddressingGenerators.AddressSetGen.Two(),
            static p =>
            {
                var (a, b) = p;
                return a.Union(b).Complement() == a.Complement().Intersect(b.Complement())
                    && a.Except(b) == a.Intersect(b.Complement())
                    && a.Union(b).OfFamily(IpFamily.V4) == a.OfFamily(IpFamily.V4).Union(b.OfFamily(IpFamily.V4))
                    && a.Overlaps(b) == !a.Intersect(b).IsEmpty
                    && (a.IsEmpty || a.Contains(a.First));
            });

    private static IEnumerable<(IpPrefix, IpPrefix)> Pairwise(IReadOnlyList<IpPrefix> prefixes) =>
        Enumerable.Range(1, Math.Max(0, prefixes.Count - 1)).Select(i => (prefixes[i - 1], prefixes[i]));
}
