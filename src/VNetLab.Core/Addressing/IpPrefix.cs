using System.Globalization;

namespace VNetLab.Addressing;

/// <summary>
/// A CIDR prefix such as <c>10.1.0.0/16</c>. The network address always has its host bits cleared;
/// input with host bits set (<c>10.0.0.5/8</c>) is parsed by <see cref="TryParse(ReadOnlySpan{char}, out IpPrefix, out bool)"/>,
/// which reports it as non-canonical so the importer can say so instead of silently fixing it.
/// </summary>
public readonly struct IpPrefix : IEquatable<IpPrefix>, IComparable<IpPrefix>
{
    private IpPrefix(IpAddress network, int length)
    {
        Network = network;
        Length = length;
    }

    /// <summary>The first address of the prefix (host bits zero).</summary>
    public IpAddress Network { get; }

    /// <summary>The prefix length in bits (0–32 for IPv4, 0–128 for IPv6).</summary>
    public int Length { get; }

    public IpFamily Family => Network.Family;

    public bool IsV4 => Network.IsV4;

    /// <summary>0.0.0.0/0 for IPv4, ::/0 for IPv6.</summary>
    public static IpPrefix Default(IpFamily family) => new(IpAddress.MinValue(family), 0);

    /// <summary>The prefix of <paramref name="length"/> bits that contains <paramref name="address"/>.</summary>
    public static IpPrefix Create(IpAddress address, int length)
    {
        if (length < 0 || length > address.BitLength)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, $"A prefix length must be between 0 and {address.BitLength}.");
        }

        return new(IpAddress.From(address.Family, address.Value & Mask(address.Family, length)), length);
    }

    /// <summary>A host prefix (/32 or /128) holding one address.</summary>
    public static IpPrefix Host(IpAddress address) => new(address, address.BitLength);

    /// <summary>The network mask of a prefix length, as an integer in the family's width.</summary>
    public static UInt128 Mask(IpFamily family, int length)
    {
        var bits = family.BitLength();
        if (length == 0)
        {
            return UInt128.Zero;
        }

        var all = family == IpFamily.V4 ? uint.MaxValue : UInt128.MaxValue;
        return (all << (bits - length)) & all;
    }

    /// <summary>The last address of the prefix.</summary>
    public IpAddress Last => IpAddress.From(Family, Network.Value | (~Mask(Family, Length) & IpAddress.MaxValue(Family).Value));

    /// <summary>How many addresses the prefix holds (2^(bits-length)); saturates at UInt128.MaxValue for ::/0.</summary>
    public UInt128 Size
    {
        get
        {
            var hostBits = Network.BitLength - Length;
            return hostBits >= 128 ? UInt128.MaxValue : UInt128.One << hostBits;
        }
    }

    public AddressRange Range => new(Network, Last);

    /// <summary>True for a /32 or /128, which holds exactly one address.</summary>
    public bool IsHost => Length == Network.BitLength;

    public bool Contains(IpAddress address) =>
        address.Family == Family && (address.Value & Mask(Family, Length)) == Network.Value;

    /// <summary>True when <paramref name="other"/> lies wholly inside this prefix (equal prefixes included).</summary>
    public bool Contains(IpPrefix other) => other.Family == Family && other.Length >= Length && Contains(other.Network);

    /// <summary>True when the two prefixes share at least one address (for CIDR, one contains the other).</summary>
    public bool Overlaps(IpPrefix other) => Contains(other) || other.Contains(this);

    /// <summary>
    /// Parses <c>address/length</c>. Host bits set after the mask are cleared in <paramref name="prefix"/>
    /// and reported through <paramref name="isCanonical"/> = false. A bare address is not a prefix here.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, out IpPrefix prefix, out bool isCanonical)
    {
        prefix = default;
        isCanonical = false;
        text = text.Trim();
        var slash = text.IndexOf('/');
        if (slash < 0)
        {
            return false;
        }

        // Exact, not trimmed: whitespace is allowed around the whole prefix but not around the slash.
        if (!IpAddress.TryParseExact(text[..slash], out var address))
        {
            return false;
        }

        var lengthText = text[(slash + 1)..];
        if (lengthText.IsEmpty || lengthText.Length > 3 || (lengthText.Length > 1 && lengthText[0] == '0'))
        {
            return false;
        }

        if (!int.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out var length) || length > address.BitLength)
        {
            return false;
        }

        prefix = Create(address, length);
        isCanonical = prefix.Network == address;
        return true;
    }

    /// <summary>Parses a prefix, accepting non-canonical input (host bits are cleared).</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out IpPrefix prefix) => TryParse(text, out prefix, out _);

    /// <summary>Parses a prefix or, when <paramref name="text"/> has no slash, a single address as a host prefix.</summary>
    public static bool TryParseAddressOrPrefix(ReadOnlySpan<char> text, out IpPrefix prefix, out bool isCanonical)
    {
        if (!text.Contains('/') && IpAddress.TryParse(text, out var address))
        {
            prefix = Host(address);
            isCanonical = true;
            return true;
        }

        return TryParse(text, out prefix, out isCanonical);
    }

    public static IpPrefix Parse(string text) =>
        TryParse(text, out var prefix, out _) ? prefix : throw new FormatException($"'{text}' is not a CIDR prefix.");

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Network}/{Length}");

    public bool Equals(IpPrefix other) => Network == other.Network && Length == other.Length;

    public override bool Equals(object? obj) => obj is IpPrefix other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Network, Length);

    /// <summary>Sorts by family, then network address, then length (shorter first).</summary>
    public int CompareTo(IpPrefix other)
    {
        var byNetwork = Network.CompareTo(other.Network);
        return byNetwork != 0 ? byNetwork : Length.CompareTo(other.Length);
    }

    public static bool operator ==(IpPrefix left, IpPrefix right) => left.Equals(right);

    public static bool operator !=(IpPrefix left, IpPrefix right) => !left.Equals(right);

    public static bool operator <(IpPrefix left, IpPrefix right) => left.CompareTo(right) < 0;

    public static bool operator >(IpPrefix left, IpPrefix right) => left.CompareTo(right) > 0;

    public static bool operator <=(IpPrefix left, IpPrefix right) => left.CompareTo(right) <= 0;

    public static bool operator >=(IpPrefix left, IpPrefix right) => left.CompareTo(right) >= 0;
}
