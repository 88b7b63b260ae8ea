using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace VNetLab.Addressing;

/// <summary>
/// An IPv4 or IPv6 address held as an unsigned integer. IPv4 addresses use the low 32 bits, so the
/// same arithmetic (masks, ranges, interval sets) serves both families; the family keeps them apart.
/// </summary>
public readonly struct IpAddress : IEquatable<IpAddress>, IComparable<IpAddress>
{
    private IpAddress(IpFamily family, UInt128 value)
    {
        Family = family;
        Value = value;
    }

    public IpFamily Family { get; }

    /// <summary>The address as an integer; for IPv4 only the low 32 bits are used.</summary>
    public UInt128 Value { get; }

    /// <summary>32 for IPv4, 128 for IPv6.</summary>
    public int BitLength => Family.BitLength();

    public bool IsV4 => Family == IpFamily.V4;

    /// <summary>The IPv4 address as a 32-bit integer (only meaningful when <see cref="IsV4"/>).</summary>
    public uint V4Value => (uint)Value;

    public static IpAddress FromV4(uint value) => new(IpFamily.V4, value);

    public static IpAddress FromV6(UInt128 value) => new(IpFamily.V6, value);

    public static IpAddress From(IpFamily family, UInt128 value) =>
        family == IpFamily.V4 ? FromV4(checked((uint)value)) : FromV6(value);

    /// <summary>The lowest address of a family (0.0.0.0 or ::).</summary>
    public static IpAddress MinValue(IpFamily family) => new(family, UInt128.Zero);

    /// <summary>The highest address of a family (255.255.255.255 or ffff:...:ffff).</summary>
    public static IpAddress MaxValue(IpFamily family) =>
        new(family, family == IpFamily.V4 ? uint.MaxValue : UInt128.MaxValue);

    /// <summary>
    /// Parses dotted-quad IPv4 (exactly four decimal parts, no leading zeros that could be octal) or
    /// IPv6 text. Shorthand forms such as <c>10.1</c> that some libraries accept are refused: Azure refuses them too.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, out IpAddress address) => TryParseExact(text.Trim(), out address);

    /// <summary>
    /// Parses text that must be exactly an address, with no surrounding whitespace. <see cref="IpPrefix"/>
    /// uses it for the part before the slash, so that <c>10.0.0.0 /8</c> is refused rather than trimmed.
    /// </summary>
    internal static bool TryParseExact(ReadOnlySpan<char> text, out IpAddress address)
    {
        address = default;
        if (text.IsEmpty)
        {
            return false;
        }

        if (text.Contains(':'))
        {
            // IPAddress also accepts a zone (%eth0) and URI brackets with a port ([::1]:80); neither is an
            // address in an ARM document, and accepting them would make "[::1]:80" look like "::1".
            if (text.ContainsAny('%', '[', ']') || !IPAddress.TryParse(text, out var parsed) || parsed.AddressFamily != AddressFamily.InterNetworkV6)
            {
                return false;
            }

            Span<byte> bytes = stackalloc byte[16];
            parsed.TryWriteBytes(bytes, out _);
            address = FromV6(new UInt128(
                System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes[..8]),
                System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes[8..])));
            return true;
        }

        return TryParseV4(text, out address);
    }

    public static IpAddress Parse(string text) =>
        TryParse(text, out var address) ? address : throw new FormatException($"'{text}' is not an IP address.");

    private static bool TryParseV4(ReadOnlySpan<char> text, out IpAddress address)
    {
        address = default;
        uint value = 0;
        var parts = 0;
        while (true)
        {
            var dot = text.IndexOf('.');
            var part = dot < 0 ? text : text[..dot];
            if (part.IsEmpty || part.Length > 3 || (part.Length > 1 && part[0] == '0'))
            {
                return false;
            }

            foreach (var c in part)
            {
                if (c is < '0' or > '9')
                {
                    return false;
                }
            }

            var octet = int.Parse(part, NumberStyles.None, CultureInfo.InvariantCulture);
            if (octet > 255)
            {
                return false;
            }

            value = (value << 8) | (uint)octet;
            parts++;
            if (dot < 0)
            {
                break;
            }

            text = text[(dot + 1)..];
        }

        if (parts != 4)
        {
            return false;
        }

        address = FromV4(value);
        return true;
    }

    public override string ToString()
    {
        if (IsV4)
        {
            var v = V4Value;
            return string.Create(CultureInfo.InvariantCulture, $"{v >> 24}.{(v >> 16) & 0xFF}.{(v >> 8) & 0xFF}.{v & 0xFF}");
        }

        Span<byte> bytes = stackalloc byte[16];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(bytes[..8], (ulong)(Value >> 64));
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], (ulong)Value);
        return new IPAddress(bytes).ToString();
    }

    public bool Equals(IpAddress other) => Family == other.Family && Value == other.Value;

    public override bool Equals(object? obj) => obj is IpAddress other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Family, Value);

    /// <summary>IPv4 sorts before IPv6; within a family, numerically.</summary>
    public int CompareTo(IpAddress other) =>
        Family != other.Family ? Family.CompareTo(other.Family) : Value.CompareTo(other.Value);

    public static bool operator ==(IpAddress left, IpAddress right) => left.Equals(right);

    public static bool operator !=(IpAddress left, IpAddress right) => !left.Equals(right);

    public static bool operator <(IpAddress left, IpAddress right) => left.CompareTo(right) < 0;

    public static bool operator >(IpAddress left, IpAddress right) => left.CompareTo(right) > 0;

    public static bool operator <=(IpAddress left, IpAddress right) => left.CompareTo(right) <= 0;

    public static bool operator >=(IpAddress left, IpAddress right) => left.CompareTo(right) >= 0;
}
