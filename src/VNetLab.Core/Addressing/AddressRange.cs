using System.Collections.Immutable;

namespace VNetLab.Addressing;

/// <summary>An inclusive range of addresses of one family, <c>First</c> ≤ <c>Last</c>.</summary>
public readonly record struct AddressRange
{
    public AddressRange(IpAddress first, IpAddress last)
    {
        if (first.Family != last.Family)
        {
            throw new ArgumentException("A range cannot mix IPv4 and IPv6.", nameof(last));
        }

        if (first > last)
        {
            throw new ArgumentException($"The range {first}-{last} ends before it starts.", nameof(last));
        }

        First = first;
        Last = last;
    }

    public IpAddress First { get; }

    public IpAddress Last { get; }

    public IpFamily Family => First.Family;

    /// <summary>How many addresses the range holds; saturates at UInt128.MaxValue for the whole IPv6 space (2^128).</summary>
    public UInt128 Count
    {
        get
        {
            var span = Last.Value - First.Value;
            return span == UInt128.MaxValue ? UInt128.MaxValue : span + UInt128.One;
        }
    }

    public bool Contains(IpAddress address) => address.Family == Family && address >= First && address <= Last;

    /// <summary>True when <paramref name="other"/> lies wholly inside this range.</summary>
    public bool Contains(AddressRange other) => other.Family == Family && other.First >= First && other.Last <= Last;

    /// <summary>True when the two ranges share at least one address.</summary>
    public bool Overlaps(AddressRange other) => other.Family == Family && other.First <= Last && First <= other.Last;

    /// <summary>
    /// The fewest CIDR prefixes whose union is exactly this range, in address order. Tools such as
    /// Azure Firewall accept ranges, while routes and NSG views print prefixes, so this bridges the two.
    /// </summary>
    public ImmutableArray<IpPrefix> ToPrefixes()
    {
        var builder = ImmutableArray.CreateBuilder<IpPrefix>();
        AppendPrefixes(Family, First.Value, Last.Value, builder);
        return builder.ToImmutable();
    }

    /// <summary>
    /// Parses <c>first-last</c> (for example <c>10.0.0.1-10.0.0.10</c>, as Azure Firewall spells a range)
    /// or a single address, which is the range of one address and matches <see cref="ToString"/>.
    /// Both ends must be the same family and in order; anything else returns false.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, out AddressRange range)
    {
        range = default;
        text = text.Trim();

        // '-' never occurs in IPv4 or IPv6 text, so the first one separates the ends unambiguously.
        var dash = text.IndexOf('-');
        if (dash < 0)
        {
            if (!IpAddress.TryParseExact(text, out var single))
            {
                return false;
            }

            range = new AddressRange(single, single);
            return true;
        }

        if (!IpAddress.TryParseExact(text[..dash], out var first)
            || !IpAddress.TryParseExact(text[(dash + 1)..], out var last)
            || first.Family != last.Family
            || first > last)
        {
            return false;
        }

        range = new AddressRange(first, last);
        return true;
    }

    public static AddressRange Parse(string text) =>
        TryParse(text, out var range) ? range : throw new FormatException($"'{text}' is not an address range.");

    public override string ToString() => First == Last ? First.ToString() : $"{First}-{Last}";

    /// <summary>
    /// Appends the minimal CIDR cover of [<paramref name="first"/>, <paramref name="last"/>] (integers in the
    /// family's width). Each step takes the largest block that starts at <paramref name="first"/>: it is
    /// limited by the alignment of <paramref name="first"/> (its trailing zero bits) and by how many
    /// addresses remain. Greedy is optimal here because any cover must split at those same points.
    /// </summary>
    internal static void AppendPrefixes(IpFamily family, UInt128 first, UInt128 last, ImmutableArray<IpPrefix>.Builder into)
    {
        var bits = family.BitLength();
        while (true)
        {
            var alignBits = first == UInt128.Zero ? bits : Math.Min(bits, (int)UInt128.TrailingZeroCount(first));

            // remaining - 1 is last - first; the +1 would overflow only for the whole IPv6 space.
            var span = last - first;
            var spanBits = span == UInt128.MaxValue ? 128 : (int)UInt128.Log2(span + UInt128.One);
            var hostBits = Math.Min(alignBits, spanBits);

            into.Add(IpPrefix.Create(IpAddress.From(family, first), bits - hostBits));

            var blockLast = first + (hostBits == 128 ? UInt128.MaxValue : (UInt128.One << hostBits) - UInt128.One);
            if (blockLast == last)
            {
                return;
            }

            first = blockLast + UInt128.One;
        }
    }
}
