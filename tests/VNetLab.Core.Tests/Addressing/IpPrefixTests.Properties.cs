using FsCheck.Fluent;
using VNetLab.Addressing;

namespace VNetLab.Core.Tests.Addressing;

public partial class IpPrefixTests
{
    [Fact]
    public void Property_V4_FormatThenParse_RoundTripsAndIsCanonical() =>
        PropertyCheck.Holds(AddressingGenerators.V4Prefix, RoundTrips);

    [Fact]
    public void Property_V6_FormatThenParse_RoundTripsAndIsCanonical() =>
        PropertyCheck.Holds(AddressingGenerators.V6Prefix, RoundTrips);

    [Fact]
    public void Property_AnyAddressWithLength_CanonicalOnlyWhenHostBitsClear() =>
        PropertyCheck.Holds(
            AddressingGenerators.AnyAddress.SelectMany(a => Gen.Choose(0, a.BitLength).Select(l => (a, l))),
            static p =>
            {
                var (address, length) = p;
                var parsed = IpPrefix.TryParse($"{address}/{length}", out var prefix, out var isCanonical);
                return parsed
                    && prefix == IpPrefix.Create(address, length)
                    && isCanonical == (prefix.Network == address)
                    && prefix.Contains(address);
            });

    [Fact]
    public void Property_Contains_AgreesWithRange() =>
        PropertyCheck.Holds(
            AddressingGenerators.AnyPrefix.Zip(AddressingGenerators.AnyAddress),
            static p =>
            {
                var (prefix, address) = p;
                return prefix.Contains(address) == prefix.Range.Contains(address);
            });

    private static bool RoundTrips(IpPrefix prefix) =>
        IpPrefix.TryParse(prefix.ToString(), out var parsed, out var isCanonical) && parsed == prefix && isCanonical;
}
