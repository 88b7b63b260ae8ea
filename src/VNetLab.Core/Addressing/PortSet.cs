using System.Collections.Immutable;
using System.Text;

namespace VNetLab.Addressing;

/// <summary>
/// An immutable set of ports (0–65535), for example the union of an NSG rule's
/// <c>destinationPortRanges</c>. Held as an <see cref="IntervalSet{T}"/> of <see cref="ushort"/> so the
/// universe is exactly the port space and <see cref="Complement"/> never produces a negative port.
/// </summary>
/// <remarks>Equality is set equality. <c>default</c> is the empty set. Immutable and thread-safe.</remarks>
public readonly struct PortSet : IEquatable<PortSet>
{
    private PortSet(IntervalSet<ushort> ports)
    {
        Ports = ports;
    }

    /// <summary>The underlying interval set.</summary>
    public IntervalSet<ushort> Ports { get; }

    public static PortSet Empty => default;

    /// <summary>Every port, which Azure spells <c>*</c>.</summary>
    public static PortSet All => new(IntervalSet<ushort>.All);

    public bool IsEmpty => Ports.IsEmpty;

    public bool IsAll => Ports.IsAll;

    /// <summary>How many ports the set holds (0–65536).</summary>
    public int Count
    {
        get
        {
            var count = 0;
            foreach (var interval in Ports.Intervals)
            {
                count += interval.Last - interval.First + 1;
            }

            return count;
        }
    }

    /// <exception cref="ArgumentOutOfRangeException"><paramref name="port"/> is outside 0–65535.</exception>
    public static PortSet FromPort(int port) => FromRange(PortRange.Single(port));

    public static PortSet FromRange(PortRange range) => new(IntervalSet<ushort>.Of(ToInterval(range)));

    /// <summary>The union of the ranges, in any order, overlapping or not.</summary>
    public static PortSet FromRanges(IEnumerable<PortRange> ranges)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        return new(IntervalSet<ushort>.FromIntervals(ranges.Select(ToInterval)));
    }

    /// <summary>False for any value outside 0–65535, rather than an exception: such a port is simply not in the set.</summary>
    public bool Contains(int port) => port is >= PortRange.MinPort and <= PortRange.MaxPort && Ports.Contains((ushort)port);

    /// <summary>True when every port of <paramref name="range"/> is in the set.</summary>
    public bool Contains(PortRange range) => Ports.Contains(ToInterval(range));

    public PortSet Union(PortSet other) => new(Ports.Union(other.Ports));

    public PortSet Intersect(PortSet other) => new(Ports.Intersect(other.Ports));

    public PortSet Except(PortSet other) => new(Ports.Except(other.Ports));

    /// <summary>Every port in 0–65535 that is not in this set.</summary>
    public PortSet Complement() => new(Ports.Complement());

    public bool IsSubsetOf(PortSet other) => Ports.IsSubsetOf(other.Ports);

    public bool IsSupersetOf(PortSet other) => other.Ports.IsSubsetOf(Ports);

    public bool Overlaps(PortSet other) => Ports.Overlaps(other.Ports);

    /// <summary>The lowest port, a cheap sample for a counterexample.</summary>
    public bool TryGetFirst(out int port)
    {
        var found = Ports.TryGetFirst(out var first);
        port = first;
        return found;
    }

    /// <summary>The set as maximal ranges in ascending order, each printable in Azure's spelling.</summary>
    public ImmutableArray<PortRange> ToRanges()
    {
        var builder = ImmutableArray.CreateBuilder<PortRange>(Ports.IntervalCount);
        foreach (var interval in Ports.Intervals)
        {
            builder.Add(new PortRange(interval.First, interval.Last));
        }

        return builder.MoveToImmutable();
    }

    public bool Equals(PortSet other) => Ports.Equals(other.Ports);

    public override bool Equals(object? obj) => obj is PortSet other && Equals(other);

    public override int GetHashCode() => Ports.GetHashCode();

    /// <summary>The ranges in Azure's spelling, for example <c>{80, 443, 1000-2000}</c>, <c>{*}</c> or <c>{}</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder("{");
        foreach (var range in ToRanges())
        {
            if (text.Length > 1)
            {
                text.Append(", ");
            }

            text.Append(range.ToString());
        }

        return text.Append('}').ToString();
    }

    public static bool operator ==(PortSet left, PortSet right) => left.Equals(right);

    public static bool operator !=(PortSet left, PortSet right) => !left.Equals(right);

    // PortRange guarantees 0–65535, so the narrowing cannot lose information.
    private static Interval<ushort> ToInterval(PortRange range) => new((ushort)range.First, (ushort)range.Last);
}
