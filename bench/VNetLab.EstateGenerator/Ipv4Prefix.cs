using System.Globalization;

namespace VNetLab.EstateGenerator;

/// <summary>
/// An IPv4 prefix as two integers. The generator allocates hundreds of thousands of addresses, so it
/// does its address arithmetic on <see cref="uint"/> and only turns values into text when it writes them.
/// </summary>
internal readonly record struct Ipv4Prefix
{
    public Ipv4Prefix(uint network, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, 32);
        if ((network & ~Mask(length)) != 0)
        {
            throw new ArgumentException($"{Ipv4.Format(network)}/{length} has host bits set.", nameof(network));
        }

        Network = network;
        Length = length;
    }

    public uint Network { get; }

    public int Length { get; }

    /// <summary>The number of addresses (2^32 for /0).</summary>
    public ulong Size => 1UL << (32 - Length);

    /// <summary>The last address of the prefix.</summary>
    public uint Last => (uint)(Network + Size - 1);

    /// <summary>The address <paramref name="offset"/> positions after the network address.</summary>
    public uint Address(uint offset) => checked(Network + offset);

    public bool Contains(uint address) => (address & Mask(Length)) == Network;

    public bool Contains(Ipv4Prefix other) => other.Length >= Length && Contains(other.Network);

    public bool Overlaps(Ipv4Prefix other) => Contains(other) || other.Contains(this);

    /// <summary>The <paramref name="index"/>-th block of length <paramref name="length"/> inside this prefix.</summary>
    public Ipv4Prefix Subdivide(int length, int index)
    {
        var prefix = new Ipv4Prefix(checked((uint)(Network + ((ulong)index << (32 - length)))), length);
        return Contains(prefix) ? prefix : throw new ArgumentOutOfRangeException(nameof(index), $"{this} has no block {index} of /{length}.");
    }

    public static uint Mask(int length) => length == 0 ? 0 : uint.MaxValue << (32 - length);

    public static Ipv4Prefix Parse(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        return new Ipv4Prefix(Ipv4.Parse(text[..slash]), int.Parse(text[(slash + 1)..], CultureInfo.InvariantCulture));
    }

    /// <summary>The fewest prefixes that cover exactly [<paramref name="first"/>, <paramref name="last"/>].</summary>
    public static List<Ipv4Prefix> Cover(uint first, uint last)
    {
        var result = new List<Ipv4Prefix>();
        var start = (ulong)first;
        while (start <= last)
        {
            // The largest aligned block that starts at 'start' and does not pass 'last'.
            var length = 32 - (start == 0 ? 32 : System.Numerics.BitOperations.TrailingZeroCount(start));
            while ((start + (1UL << (32 - length)) - 1) > last)
            {
                length++;
            }

            result.Add(new Ipv4Prefix((uint)start, length));
            start += 1UL << (32 - length);
        }

        return result;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Ipv4.Format(Network)}/{Length}");
}

/// <summary>Dotted-quad text for IPv4 addresses held as integers.</summary>
internal static class Ipv4
{
    public static string Format(uint address) => string.Create(CultureInfo.InvariantCulture,
        $"{address >> 24}.{(address >> 16) & 0xFF}.{(address >> 8) & 0xFF}.{address & 0xFF}");

    public static uint Parse(string text)
    {
        var parts = text.Split('.');
        if (parts.Length != 4)
        {
            throw new FormatException($"'{text}' is not an IPv4 address.");
        }

        uint value = 0;
        foreach (var part in parts)
        {
            value = (value << 8) | byte.Parse(part, NumberStyles.None, CultureInfo.InvariantCulture);
        }

        return value;
    }
}
