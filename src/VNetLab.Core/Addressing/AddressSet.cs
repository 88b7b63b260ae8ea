using System.Collections.Immutable;
using System.Text;

namespace VNetLab.Addressing;

/// <summary>
/// An immutable set of IP addresses of both families: the packet-set building block for NSG, route and
/// reachability questions. IPv4 and IPv6 are kept as separate interval sets, so no operation can mix them
/// and <see cref="Complement"/> is taken within each family's whole space.
/// </summary>
/// <remarks>
/// Equality is set equality (the interval sets are normalised). <c>default</c> is the empty set. The value
/// is immutable and safe to share between threads.
/// </remarks>
public readonly struct AddressSet : IEquatable<AddressSet>
{
    private AddressSet(IntervalSet<uint> v4, IntervalSet<UInt128> v6)
    {
        V4 = v4;
        V6 = v6;
    }

    /// <summary>The IPv4 part, as 32-bit integers.</summary>
    public IntervalSet<uint> V4 { get; }

    /// <summary>The IPv6 part, as 128-bit integers.</summary>
    public IntervalSet<UInt128> V6 { get; }

    public static AddressSet Empty => default;

    /// <summary>Every IPv4 and every IPv6 address (what Azure means by <c>*</c> or <c>Any</c>).</summary>
    public static AddressSet All => new(IntervalSet<uint>.All, IntervalSet<UInt128>.All);

    /// <summary>Every IPv4 address, 0.0.0.0/0.</summary>
    public static AddressSet AllV4 => new(IntervalSet<uint>.All, IntervalSet<UInt128>.Empty);

    /// <summary>Every IPv6 address, ::/0.</summary>
    public static AddressSet AllV6 => new(IntervalSet<uint>.Empty, IntervalSet<UInt128>.All);

    public bool IsEmpty => V4.IsEmpty && V6.IsEmpty;

    public bool IsAll => V4.IsAll && V6.IsAll;

    /// <summary>The set of these two families' parts, for callers that built them.</summary>
    internal static AddressSet FromIntervalSets(IntervalSet<uint> v4, IntervalSet<UInt128> v6) => new(v4, v6);

    public static AddressSet FromAddress(IpAddress address) => FromRange(new AddressRange(address, address));

    public static AddressSet FromPrefix(IpPrefix prefix) => FromRange(prefix.Range);

    public static AddressSet FromRange(AddressRange range)
    {
        RequireFamily(range.Family, nameof(range));
        return range.Family == IpFamily.V4
            ? new(IntervalSet<uint>.Of(range.First.V4Value, range.Last.V4Value), default)
            : new(default, IntervalSet<UInt128>.Of(range.First.Value, range.Last.Value));
    }

    /// <summary>The union of the prefixes, built in one pass rather than by repeated unions.</summary>
    public static AddressSet FromPrefixes(IEnumerable<IpPrefix> prefixes)
    {
        ArgumentNullException.ThrowIfNull(prefixes);
        return FromRanges(prefixes.Select(static p => p.Range));
    }

    /// <summary>The union of the ranges, built in one pass rather than by repeated unions.</summary>
    public static AddressSet FromRanges(IEnumerable<AddressRange> ranges)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        var v4 = new List<Interval<uint>>();
        var v6 = new List<Interval<UInt128>>();
        foreach (var range in ranges)
        {
            RequireFamily(range.Family, nameof(ranges));
            if (range.Family == IpFamily.V4)
            {
                v4.Add(new Interval<uint>(range.First.V4Value, range.Last.V4Value));
            }
            else
            {
                v6.Add(new Interval<UInt128>(range.First.Value, range.Last.Value));
            }
        }

        return new(IntervalSet<uint>.FromIntervals(v4), IntervalSet<UInt128>.FromIntervals(v6));
    }

    public bool Contains(IpAddress address) => address.Family switch
    {
        IpFamily.V4 => V4.Contains(address.V4Value),
        IpFamily.V6 => V6.Contains(address.Value),
        _ => false,
    };

    /// <summary>True when every address of <paramref name="prefix"/> is in the set.</summary>
    public bool Contains(IpPrefix prefix) => Contains(prefix.Range);

    /// <summary>True when every address of <paramref name="range"/> is in the set.</summary>
    public bool Contains(AddressRange range) => range.Family switch
    {
        IpFamily.V4 => V4.Contains(new Interval<uint>(range.First.V4Value, range.Last.V4Value)),
        IpFamily.V6 => V6.Contains(new Interval<UInt128>(range.First.Value, range.Last.Value)),
        _ => false,
    };

    public AddressSet Union(AddressSet other) => new(V4.Union(other.V4), V6.Union(other.V6));

    /// <summary><see cref="Union"/>, allocating only the result's arrays (see <see cref="IntervalSet{T}.UnionSizedToFit"/>).</summary>
    internal AddressSet UnionSizedToFit(AddressSet other) => new(V4.UnionSizedToFit(other.V4), V6.UnionSizedToFit(other.V6));

    public AddressSet Intersect(AddressSet other) => new(V4.Intersect(other.V4), V6.Intersect(other.V6));

    public AddressSet Except(AddressSet other) => new(V4.Except(other.V4), V6.Except(other.V6));

    /// <summary>Every address, of either family, that is not in this set.</summary>
    public AddressSet Complement() => new(V4.Complement(), V6.Complement());

    /// <summary>The part of the set in one family.</summary>
    public AddressSet OfFamily(IpFamily family) => family switch
    {
        IpFamily.V4 => new(V4, default),
        IpFamily.V6 => new(default, V6),
        _ => Empty,
    };

    public bool IsSubsetOf(AddressSet other) => V4.IsSubsetOf(other.V4) && V6.IsSubsetOf(other.V6);

    public bool IsSupersetOf(AddressSet other) => other.IsSubsetOf(this);

    public bool Overlaps(AddressSet other) => V4.Overlaps(other.V4) || V6.Overlaps(other.V6);

    /// <summary>
    /// The lowest address (IPv4 before IPv6), a cheap sample for a counterexample such as "this address is
    /// allowed but should not be".
    /// </summary>
    public bool TryGetFirst(out IpAddress address)
    {
        if (V4.TryGetFirst(out var v4))
        {
            address = IpAddress.FromV4(v4);
            return true;
        }

        if (V6.TryGetFirst(out var v6))
        {
            address = IpAddress.FromV6(v6);
            return true;
        }

        address = default;
        return false;
    }

    /// <summary>The lowest address (IPv4 before IPv6).</summary>
    /// <exception cref="InvalidOperationException">The set is empty.</exception>
    public IpAddress First => TryGetFirst(out var address) ? address : throw new InvalidOperationException("The address set is empty.");

    /// <summary>The set as maximal address ranges, IPv4 first, each family in ascending order.</summary>
    public ImmutableArray<AddressRange> ToRanges()
    {
        var builder = ImmutableArray.CreateBuilder<AddressRange>(V4.IntervalCount + V6.IntervalCount);
        foreach (var interval in V4.Intervals)
        {
            builder.Add(new AddressRange(IpAddress.FromV4(interval.First), IpAddress.FromV4(interval.Last)));
        }

        foreach (var interval in V6.Intervals)
        {
            builder.Add(new AddressRange(IpAddress.FromV6(interval.First), IpAddress.FromV6(interval.Last)));
        }

        return builder.MoveToImmutable();
    }

    /// <summary>
    /// The fewest CIDR prefixes whose union is exactly this set, sorted (IPv4 first, then by address). This
    /// is the form Azure prints, for example in an effective NSG rule's <c>expandedAddressPrefix</c>.
    /// </summary>
    public ImmutableArray<IpPrefix> ToPrefixes()
    {
        // Each interval's cover is minimal and intervals are never adjacent, so no prefix could merge
        // across two intervals: the concatenation is minimal too.
        var builder = ImmutableArray.CreateBuilder<IpPrefix>();
        foreach (var interval in V4.Intervals)
        {
            AddressRange.AppendPrefixes(IpFamily.V4, interval.First, interval.Last, builder);
        }

        foreach (var interval in V6.Intervals)
        {
            AddressRange.AppendPrefixes(IpFamily.V6, interval.First, interval.Last, builder);
        }

        return builder.ToImmutable();
    }

    public bool Equals(AddressSet other) => V4.Equals(other.V4) && V6.Equals(other.V6);

    public override bool Equals(object? obj) => obj is AddressSet other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(V4, V6);

    /// <summary>The minimal prefixes, for example <c>{10.0.0.0/8, 192.168.1.0/24}</c>; <c>{}</c> when empty.</summary>
    public override string ToString()
    {
        var text = new StringBuilder("{");
        foreach (var prefix in ToPrefixes())
        {
            if (text.Length > 1)
            {
                text.Append(", ");
            }

            text.Append(prefix.ToString());
        }

        return text.Append('}').ToString();
    }

    public static bool operator ==(AddressSet left, AddressSet right) => left.Equals(right);

    public static bool operator !=(AddressSet left, AddressSet right) => !left.Equals(right);

    // default(IpAddress) has no family; letting it through would silently file it under IPv6.
    private static void RequireFamily(IpFamily family, string parameter)
    {
        if (family is not (IpFamily.V4 or IpFamily.V6))
        {
            throw new ArgumentException("The address has no family (an uninitialised value).", parameter);
        }
    }
}
