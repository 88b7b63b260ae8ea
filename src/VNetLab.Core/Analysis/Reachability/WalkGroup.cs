using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using VNetLab.Addressing;

namespace VNetLab.Analysis.Reachability;

/// <summary>Atoms one permissive walk serves: <see cref="First"/>, walked, and when it is one of the sites' atoms, all of its class (<see cref="Members"/>).</summary>
internal readonly record struct WalkGroup(AddressRange First, SiteAtomGroup? Members);

/// <summary>
/// The sites' atoms of one walk class, in address order, with their indexes in the region; and, once asked, their
/// representatives per sequence of filters (the matrix's split by the filters on a path). Built by one thread, then only read.
/// </summary>
internal sealed class SiteAtomGroup
{
    // Made at the group's size when it is known (a site's groups are counted first): a list grown and then frozen into
    // an array made two arrays per group.
    private int[] _indexes;
    private int _count;

    // The atoms themselves, kept only when they may be smaller than the region's (a destination minus the sender's
    // own addresses); otherwise each is the region's atom at its index, and a large site's groups hold only indexes.
    private readonly List<AddressRange>? _atoms;
    private readonly DestinationClasses _region;
    private ConcurrentDictionary<object[], AddressRange[]>? _representatives;

    public SiteAtomGroup(DestinationClasses region, bool keepsAtoms, int capacity = 0)
    {
        _region = region;
        _indexes = capacity == 0 ? [] : new int[capacity];
        _atoms = keepsAtoms ? new List<AddressRange>(capacity) : null;
    }

    public int Count => _count;

    /// <summary>The atoms' indexes in the region, ascending. Read once the group is built: the array is then not copied again.</summary>
    public int[] Indexes
    {
        get
        {
            if (_count != _indexes.Length)
            {
                _indexes = _indexes[.._count];
            }

            return _indexes;
        }
    }

    public AddressRange AtomAt(int position) => _atoms?[position] ?? _region.AtomRange(_indexes[position]);

    public AddressRange[] Atoms()
    {
        var atoms = new AddressRange[_count];
        for (var i = 0; i < atoms.Length; i++)
        {
            atoms[i] = AtomAt(i);
        }

        return atoms;
    }

    /// <summary>Adds the region's atom at <paramref name="index"/>.</summary>
    public void Add(int index)
    {
        AddIndex(index);
        _atoms?.Add(_region.AtomRange(index));
    }

    /// <summary>Adds an atom that may be smaller than the region's atom at <paramref name="index"/> (a destination minus the sender's own addresses).</summary>
    public void Add(AddressRange atom, int index)
    {
        _atoms?.Add(atom);
        AddIndex(index);
    }

    /// <summary>The representatives kept for <paramref name="filters"/>, else those <paramref name="split"/> gives, kept.</summary>
    public AddressRange[] Representatives(object[] filters, Func<AddressRange[]> split)
    {
        // Most groups are walked by one sender table's filters only: the map is made when first asked.
        var representatives = LazyInitializer.EnsureInitialized(ref _representatives,
            static () => new ConcurrentDictionary<object[], AddressRange[]>(FilterSequenceComparer.Instance));
        return representatives.TryGetValue(filters, out var known) ? known : representatives.GetOrAdd(filters, split());
    }

    private void AddIndex(int index)
    {
        if (_count == _indexes.Length)
        {
            Array.Resize(ref _indexes, Math.Max(4, _count * 2));
        }

        _indexes[_count++] = index;
    }
}

/// <summary>Filter sequences compare by the identity of each filter part (an NSG's rule array, a firewall).</summary>
internal sealed class FilterSequenceComparer : IEqualityComparer<object[]>
{
    public static FilterSequenceComparer Instance { get; } = new();

    public bool Equals(object[]? x, object[]? y) =>
        ReferenceEquals(x, y) || (x is not null && y is not null && x.AsSpan().SequenceEqual(y, ReferenceEqualityComparer.Instance));

    public int GetHashCode(object[] filters)
    {
        var hash = new HashCode();
        foreach (var filter in filters)
        {
            hash.Add(RuntimeHelpers.GetHashCode(filter));
        }

        return hash.ToHashCode();
    }
}
