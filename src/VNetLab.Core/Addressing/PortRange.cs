using System.Globalization;

namespace VNetLab.Addressing;

/// <summary>
/// An inclusive range of TCP/UDP ports, 0–65535, as an NSG rule or firewall rule names it:
/// <c>*</c> (every port), a single port <c>80</c>, or a range <c>1000-2000</c>.
/// See https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview#security-rules.
/// </summary>
public readonly record struct PortRange
{
    public const int MinPort = 0;

    public const int MaxPort = 65535;

    /// <exception cref="ArgumentOutOfRangeException">A bound is outside 0–65535 or the range ends before it starts.</exception>
    public PortRange(int first, int last)
    {
        if (first is < MinPort or > MaxPort)
        {
            throw new ArgumentOutOfRangeException(nameof(first), first, "A port must be between 0 and 65535.");
        }

        if (last is < MinPort or > MaxPort)
        {
            throw new ArgumentOutOfRangeException(nameof(last), last, "A port must be between 0 and 65535.");
        }

        if (first > last)
        {
            throw new ArgumentOutOfRangeException(nameof(last), last, $"The port range {first}-{last} ends before it starts.");
        }

        First = first;
        Last = last;
    }

    public int First { get; }

    public int Last { get; }

    /// <summary>Every port, 0–65535, which Azure spells <c>*</c>.</summary>
    public static PortRange All => new(MinPort, MaxPort);

    public static PortRange Single(int port) => new(port, port);

    public bool IsAll => First == MinPort && Last == MaxPort;

    public int Count => Last - First + 1;

    public bool Contains(int port) => port >= First && port <= Last;

    public bool Contains(PortRange other) => other.First >= First && other.Last <= Last;

    public bool Overlaps(PortRange other) => other.First <= Last && First <= other.Last;

    /// <summary>
    /// Parses <c>*</c>, <c>80</c> or <c>1000-2000</c> (whitespace around the whole text is ignored). Refuses
    /// open ends (<c>0-</c>), ports above 65535, reversed ranges (<c>20-10</c>), signs and leading zeros
    /// (<c>080</c>): Azure never prints those, and refusing keeps parse and <see cref="ToString"/> inverse.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, out PortRange range)
    {
        range = default;
        text = text.Trim();
        if (text is "*")
        {
            range = All;
            return true;
        }

        var dash = text.IndexOf('-');
        if (dash < 0)
        {
            if (!TryParsePort(text, out var port))
            {
                return false;
            }

            range = Single(port);
            return true;
        }

        if (!TryParsePort(text[..dash], out var first) || !TryParsePort(text[(dash + 1)..], out var last) || first > last)
        {
            return false;
        }

        range = new PortRange(first, last);
        return true;
    }

    public static PortRange Parse(string text) =>
        TryParse(text, out var range) ? range : throw new FormatException($"'{text}' is not a port range.");

    /// <summary>Azure's spelling: <c>*</c> for every port, <c>80</c> for one, <c>1000-2000</c> for a range.</summary>
    public override string ToString() =>
        IsAll ? "*"
        : First == Last ? First.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{First}-{Last}");

    private static bool TryParsePort(ReadOnlySpan<char> text, out int port)
    {
        port = 0;
        if (text.IsEmpty || text.Length > 5 || (text.Length > 1 && text[0] == '0'))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            port = (port * 10) + (c - '0');
        }

        return port <= MaxPort;
    }
}
