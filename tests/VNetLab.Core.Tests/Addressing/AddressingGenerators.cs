using FsCheck;
using FsCheck.Fluent;
using VNetLab.Addressing;

namespace VNetLab.Core.Tests.Addressing;

/// <summary>
/// FsCheck generators for addressing values. They lean on boundaries (0, MaxValue, alignments) and on
/// clustered values, because uniform 32- and 128-bit integers almost never hit the cases that break.
/// </summary>
internal static class AddressingGenerators
{
    private static readonly Gen<uint> Word16 = Gen.Choose(0, 0xFFFF).Select(static x => (uint)x);

    public static Gen<uint> V4Value { get; } = Gen.Frequency(
        (6, Word16.Zip(Word16, static (hi, lo) => (hi << 16) | lo)),
        (1, Gen.Elements(0u, 1u, 2u, 0x7FFFFFFFu, 0x80000000u, 0xFFFFFFFEu, 0xFFFFFFFFu)),
        (2, Gen.Choose(0, 255).Select(static x => 0x0A000000u | (uint)x)));

    /// <summary>Eight 16-bit groups, each zero half the time, so "::" compression is exercised.</summary>
    public static Gen<UInt128> V6Value { get; } = Gen.Frequency(
        (6, Gen.ArrayOf(Gen.Frequency((1, Gen.Constant(0u)), (1, Word16)), 8).Select(static groups =>
        {
            var value = UInt128.Zero;
            foreach (var group in groups)
            {
                value = (value << 16) | group;
            }

            return value;
        })),
        (1, Gen.Elements(UInt128.Zero, UInt128.One, UInt128.MaxValue, UInt128.MaxValue - 1, UInt128.One << 127, (UInt128)0xFFFF_0A00_0001UL)));

    public static Gen<IpAddress> V4Address { get; } = V4Value.Select(IpAddress.FromV4);

    public static Gen<IpAddress> V6Address { get; } = V6Value.Select(IpAddress.FromV6);

    public static Gen<IpAddress> AnyAddress { get; } = Gen.OneOf(V4Address, V6Address);

    public static Gen<IpPrefix> V4Prefix { get; } =
        V4Address.Zip(Gen.Choose(0, 32), static (address, length) => IpPrefix.Create(address, length));

    public static Gen<IpPrefix> V6Prefix { get; } =
        V6Address.Zip(Gen.Choose(0, 128), static (address, length) => IpPrefix.Create(address, length));

    public static Gen<IpPrefix> AnyPrefix { get; } = Gen.OneOf(V4Prefix, V6Prefix);

    /// <summary>Sets over the whole byte universe, small enough to compare with a bool[256] model.</summary>
    public static Gen<IntervalSet<byte>> ByteSet { get; } =
        ListOfUpTo(Gen.Choose(0, 255).Two(), 6).Select(static pairs => IntervalSet<byte>.FromIntervals(
            pairs.Select(static p => new Interval<byte>((byte)Math.Min(p.Item1, p.Item2), (byte)Math.Max(p.Item1, p.Item2)))));

    /// <summary>Sets of uint whose bounds cluster at 0 and MaxValue, where off-by-one overflow lives.</summary>
    public static Gen<IntervalSet<uint>> EdgeUIntSet { get; } =
        ListOfUpTo(EdgeUInt.Two(), 5).Select(static pairs => IntervalSet<uint>.FromIntervals(
            pairs.Select(static p => new Interval<uint>(Math.Min(p.Item1, p.Item2), Math.Max(p.Item1, p.Item2)))));

    private static Gen<uint> EdgeUInt => Gen.OneOf(
        Gen.Choose(0, 4).Select(static x => (uint)x),
        Gen.Choose(0, 4).Select(static x => uint.MaxValue - (uint)x),
        V4Value);

    /// <summary>An address set made of a few prefixes and ranges of both families.</summary>
    public static Gen<AddressSet> AddressSetGen { get; } =
        ListOfUpTo(
                Gen.OneOf(
                    AnyPrefix.Select(static p => p.Range),
                    V4Address.Two().Select(static p => Ordered(p.Item1, p.Item2)),
                    V6Address.Two().Select(static p => Ordered(p.Item1, p.Item2))),
                6)
            .Select(static ranges => AddressSet.FromRanges(ranges));

    /// <summary>
    /// Prefix tables shaped like route tables: prefixes nest because they are cut from a few shared base
    /// addresses, so longest-match has real choices to make.
    /// </summary>
    public static Gen<(IpPrefix[] Prefixes, IpAddress[] Probes)> NestedTable(IpFamily family)
    {
        var bits = family.BitLength();
        var baseAddress = family == IpFamily.V4 ? V4Address : V6Address;
        return Gen.ArrayOf(baseAddress, 3).SelectMany(bases =>
        {
            var prefixes = ArrayOfUpTo(Gen.Elements(bases).Zip(Gen.Choose(0, bits), static (a, l) => IpPrefix.Create(a, l)), 24);
            var probes = Gen.ArrayOf(
                Gen.OneOf(
                    Gen.Elements(bases),
                    Gen.Elements(bases).Zip(Gen.Choose(0, bits - 1), (a, bit) => IpAddress.From(family, a.Value ^ (UInt128.One << bit))),
                    baseAddress),
                20);
            return prefixes.Zip(probes);
        });
    }

    public static Gen<List<T>> ListOfUpTo<T>(Gen<T> element, int max) =>
        Gen.Choose(0, max).SelectMany(count => Gen.ListOf(element, count)).Select(static list => list.ToList());

    public static Gen<T[]> ArrayOfUpTo<T>(Gen<T> element, int max) =>
        Gen.Choose(0, max).SelectMany(count => Gen.ArrayOf(element, count));

    private static AddressRange Ordered(IpAddress a, IpAddress b) => a <= b ? new AddressRange(a, b) : new AddressRange(b, a);
}
