using System.Text;

namespace VNetLab.Security;

/// <summary>
/// A set of <see cref="SecurityProtocol"/> values, one bit each: the protocol dimension of a packet set.
/// <see cref="All"/> is what a rule's <c>*</c> means to the twin: TCP, UDP, ICMP, ESP and AH.
/// </summary>
/// <remarks>
/// Learn says "Any encompasses TCP, UDP, and ICMP" (semantics.md §4.2, §4.7) and is silent on ESP and AH,
/// which ARM accepts in rules; the twin counts them in <c>*</c> too and says so (VNL9108) when that decides a verdict.
/// </remarks>
public readonly struct ProtocolSet : IEquatable<ProtocolSet>
{
    private const byte AllBits = 0b1_1111;

    private readonly byte _bits;

    private ProtocolSet(byte bits)
    {
        _bits = (byte)(bits & AllBits);
    }

    public static ProtocolSet Empty => default;

    /// <summary>Every protocol an NSG rule can name: what <c>*</c> means.</summary>
    public static ProtocolSet All => new(AllBits);

    /// <summary>TCP and UDP, the protocols with ports.</summary>
    public static ProtocolSet WithPorts => new((byte)(Bit(SecurityProtocol.Tcp) | Bit(SecurityProtocol.Udp)));

    /// <summary>ICMP, ESP and AH, the protocols without ports.</summary>
    public static ProtocolSet WithoutPorts => new((byte)(AllBits & ~(Bit(SecurityProtocol.Tcp) | Bit(SecurityProtocol.Udp))));

    public bool IsEmpty => _bits == 0;

    public bool IsAll => _bits == AllBits;

    public static ProtocolSet Of(SecurityProtocol protocol) => new(Bit(protocol));

    public static ProtocolSet Of(params ReadOnlySpan<SecurityProtocol> protocols)
    {
        byte bits = 0;
        foreach (var protocol in protocols)
        {
            bits |= Bit(protocol);
        }

        return new(bits);
    }

    /// <summary>
    /// Parses a rule's protocol as ARM accepts it: <c>*</c> or one protocol name, case-insensitively
    /// (the seed's PowerShell wrote <c>'*'</c>; exports write <c>Tcp</c>; some tools write <c>TCP</c>).
    /// </summary>
    public static bool TryParse(string? text, out ProtocolSet protocols)
    {
        if (text?.Trim() == "*")
        {
            protocols = All;
            return true;
        }

        if (SecurityProtocolExtensions.TryParse(text, out var protocol))
        {
            protocols = Of(protocol);
            return true;
        }

        protocols = Empty;
        return false;
    }

    public bool Contains(SecurityProtocol protocol) => (_bits & Bit(protocol)) != 0;

    public ProtocolSet Union(ProtocolSet other) => new((byte)(_bits | other._bits));

    public ProtocolSet Intersect(ProtocolSet other) => new((byte)(_bits & other._bits));

    public ProtocolSet Except(ProtocolSet other) => new((byte)(_bits & ~other._bits));

    public ProtocolSet Complement() => new((byte)~_bits);

    public bool IsSubsetOf(ProtocolSet other) => (_bits & ~other._bits) == 0;

    public bool Overlaps(ProtocolSet other) => (_bits & other._bits) != 0;

    /// <summary>The members in enum order (Tcp, Udp, Icmp, Esp, Ah).</summary>
    public IEnumerable<SecurityProtocol> Members
    {
        get
        {
            foreach (var protocol in Enum.GetValues<SecurityProtocol>())
            {
                if (Contains(protocol))
                {
                    yield return protocol;
                }
            }
        }
    }

    /// <summary>The first member in enum order, a cheap sample.</summary>
    public bool TryGetFirst(out SecurityProtocol protocol)
    {
        for (var p = SecurityProtocol.Tcp; p <= SecurityProtocol.Ah; p++)
        {
            if (Contains(p))
            {
                protocol = p;
                return true;
            }
        }

        protocol = SecurityProtocol.Tcp;
        return false;
    }

    public bool Equals(ProtocolSet other) => _bits == other._bits;

    public override bool Equals(object? obj) => obj is ProtocolSet other && Equals(other);

    public override int GetHashCode() => _bits;

    /// <summary><c>*</c> for every protocol, else the members joined by commas, e.g. <c>Tcp,Udp</c>; <c>{}</c> when empty.</summary>
    public override string ToString()
    {
        if (IsAll)
        {
            return "*";
        }

        if (IsEmpty)
        {
            return "{}";
        }

        var text = new StringBuilder();
        foreach (var protocol in Members)
        {
            if (text.Length > 0)
            {
                text.Append(',');
            }

            text.Append(protocol.ToString());
        }

        return text.ToString();
    }

    public static bool operator ==(ProtocolSet left, ProtocolSet right) => left.Equals(right);

    public static bool operator !=(ProtocolSet left, ProtocolSet right) => !left.Equals(right);

    private static byte Bit(SecurityProtocol protocol) => (byte)(1 << (int)protocol);
}
