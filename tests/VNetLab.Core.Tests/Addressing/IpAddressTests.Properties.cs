using FsCheck.Fluent;
using VNetLab.Addressing;

namespace VNetLab.Core.Tests.Addressing;

public partial class IpAddressTests
{
    [Fact]
    public void Property_V4_FormatThenParse_RoundTrips() =>
        PropertyCheck.Holds(AddressingGenerators.V4Address, static a => IpAddress.Parse(a.ToString()) == a);

    [Fact]
    public void Property_V6_FormatThenParse_RoundTrips() =>
        PropertyCheck.Holds(AddressingGenerators.V6Address, static a => IpAddress.Parse(a.ToString()) == a);

    [Fact]
    public void Property_V4_ParseThenFormat_RoundTripsCanonicalText() =>
        PropertyCheck.Holds(
            AddressingGenerators.V4Value,
            static v =>
            {
                var text = $"{v >> 24}.{(v >> 16) & 0xFF}.{(v >> 8) & 0xFF}.{v & 0xFF}";
                return IpAddress.Parse(text).ToString() == text && IpAddress.Parse(text).V4Value == v;
            });

    [Fact]
    public void Property_V6_UncompressedText_ParsesToSameValue() =>
        PropertyCheck.Holds(
            AddressingGenerators.V6Value,
            static v =>
            {
                var groups = Enumerable.Range(0, 8).Select(i => ((ushort)(v >> (112 - (16 * i)))).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
                return IpAddress.Parse(string.Join(':', groups)).Value == v;
            });

    [Fact]
    public void Property_Ordering_MatchesFamilyThenValue() =>
        PropertyCheck.Holds(
            AddressingGenerators.AnyAddress.Two(),
            static p =>
            {
                var (a, b) = p;
                var expected = a.Family != b.Family ? a.Family.CompareTo(b.Family) : a.Value.CompareTo(b.Value);
                return Math.Sign(a.CompareTo(b)) == Math.Sign(expected) && (a == b) == (expected == 0);
            });
}
