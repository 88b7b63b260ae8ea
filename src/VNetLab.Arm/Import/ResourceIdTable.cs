using System.Collections.Concurrent;
using VNetLab.Model;

namespace VNetLab.Arm.Import;

/// <summary>
/// One object per id as written: every id an import reads (a resource's own, and each reference to it) goes through
/// <see cref="Canonical"/>, so that a reference to a subnet is the subnet's own id, and the VNet above it is the VNet's
/// own id. Comparing ids is then a reference comparison wherever the model meets itself (a NIC's subnet and the subnet,
/// an IP configuration's parent and its NIC), where two equal copies made every comparison read both from memory, and a
/// copy of every referenced id no longer sits in the estate. Ids spelled differently (another casing) stay distinct
/// objects, each keeping its text. Safe for files read in parallel.
/// </summary>
internal sealed class ResourceIdTable
{
    private readonly ConcurrentDictionary<ResourceId, ResourceId> _ids = new(SpellingComparer.Instance);

    /// <summary>
    /// The table's object for the id written as <paramref name="id"/> is: the first one seen, else
    /// <paramref name="id"/> itself (rebuilt on its canonical parent when its parent is another object). A canonical id's
    /// parent is canonical.
    /// </summary>
    public ResourceId Canonical(ResourceId id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (_ids.TryGetValue(id, out var known))
        {
            return known;
        }

        var candidate = id.Parent is { } parent && Canonical(parent) is var canonicalParent && !ReferenceEquals(canonicalParent, parent)
            ? id.WithParent(canonicalParent)
            : id;
        return _ids.GetOrAdd(candidate, candidate);
    }

    /// <summary>
    /// As <see cref="Canonical"/> for a child made on a canonical parent (a declared child id, whose parent was read
    /// before it): one probe of the table instead of three, for the millions of rules of a large estate.
    /// </summary>
    public ResourceId CanonicalChild(ResourceId child)
    {
        ArgumentNullException.ThrowIfNull(child);
        return _ids.GetOrAdd(child, child);
    }

    /// <summary>Ids equal when spelled the same (<see cref="ResourceId.IsSpelledAs"/>); the hash ignores case, which spelling implies.</summary>
    private sealed class SpellingComparer : IEqualityComparer<ResourceId>
    {
        public static SpellingComparer Instance { get; } = new();

        public bool Equals(ResourceId? x, ResourceId? y) => ReferenceEquals(x, y) || (x is not null && y is not null && x.IsSpelledAs(y));

        public int GetHashCode(ResourceId obj) => obj.GetHashCode();
    }
}
