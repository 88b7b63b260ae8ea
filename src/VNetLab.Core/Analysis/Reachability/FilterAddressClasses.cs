using VNetLab.Addressing;

namespace VNetLab.Analysis.Reachability;

/// <summary>
/// The addresses one filter tells apart: an address's class is the set of the filter's distinct rule address sets
/// that hold it, as a bit mask. Two addresses of one class are held by exactly the same rule sets, so every rule of
/// the filter matches a packet from (or to) one exactly when it matches the same packet from (or to) the other: a
/// verdict found for one address holds for its whole class. This is what lets the matrix evaluate a filter once per
/// class instead of once per on-premises prefix.
/// </summary>
/// <remarks>
/// The mask is worked out per address (one binary search per distinct set) rather than tabulated: at scale every
/// spoke NSG's VirtualNetwork tag holds thousands of on-premises intervals, and a table per compiled NSG would cost
/// gigabytes. IPv4 only; a filter naming more than 64 distinct sets is not classed (the caller walks its rules).
/// </remarks>
internal sealed class FilterAddressClasses
{
    private const int MaxSets = 64;

    private readonly AddressSet[] _sets;

    private FilterAddressClasses(AddressSet[] sets)
    {
        _sets = sets;
    }

    /// <summary>The classes cut by <paramref name="sets"/> (each rule's sources and destinations), or null when there are more than 64 distinct sets.</summary>
    public static FilterAddressClasses? For(IEnumerable<AddressSet> sets)
    {
        // The same set object recurs in most rules (a tag): identity first, then value.
        var seenStorage = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var seen = new HashSet<AddressSet>();
        var distinct = new List<AddressSet>();
        foreach (var set in sets)
        {
            if (set.V4.Storage is { } storage && !seenStorage.Add(storage))
            {
                continue;
            }

            if (seen.Add(set))
            {
                distinct.Add(set);
                if (distinct.Count > MaxSets)
                {
                    return null;
                }
            }
        }

        return new FilterAddressClasses([.. distinct]);
    }

    /// <summary>The class of an IPv4 <paramref name="address"/>; false for IPv6, which is not classed.</summary>
    public bool TryClassOf(IpAddress address, out ulong mask)
    {
        mask = 0;
        if (!address.IsV4)
        {
            return false;
        }

        for (var i = 0; i < _sets.Length; i++)
        {
            if (_sets[i].Contains(address))
            {
                mask |= 1UL << i;
            }
        }

        return true;
    }
}
