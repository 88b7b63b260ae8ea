using System.Collections.Concurrent;
using VNetLab.Model;

namespace VNetLab.Arm.Import;

/// <summary>
/// One object per id as written: every id an import reads (a resource's own, and each reference to it) goes through
/// <see cref="Canonical"/>, so that a reference to a subnet is the subnet's own id, and the VNet above it is the VNet's
/// own id. Comparing ids is then a reference comparison wherever the model meets itself (a NIC's subnet and the subnet,
/// an IP configuration's parent and its NIC), where two equal copies made every comparison read both from memory, and a
/// copy of every referenced id no longer sits in the estate. Ids spelled differently (another casing) stay distinct
/// objects, each keeping its text. Security rules and routes, which nothing names, are made on canonical parents but not
/// kept (<see cref="IsNeverReferenced"/>). Safe for files read in parallel.
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
        return IsNeverReferenced(candidate.OwnType) ? candidate : _ids.GetOrAdd(candidate, candidate);
    }

    /// <summary>
    /// As <see cref="Canonical"/> for a child of type <paramref name="childType"/> made on a canonical parent (a declared
    /// child id, whose parent was read before it): one probe of the table instead of three, and none for a rule or route.
    /// </summary>
    public ResourceId CanonicalChild(ResourceId child, string childType)
    {
        ArgumentNullException.ThrowIfNull(child);
        return IsNeverReferenced(childType) ? child : _ids.GetOrAdd(child, child);
    }

    // Security rules and routes are most of a large estate's ids (two million rules) and no resource names one: kept in
    // the table, they raised the import's peak memory by a third of a gigabyte, enough to push `routes --all` at large
    // past its 2 GB target, for comparisons that never happen. Their parents are canonical all the same.
    private static bool IsNeverReferenced(string childType) =>
        childType.Equals("securityRules", StringComparison.OrdinalIgnoreCase)
        || childType.Equals("defaultSecurityRules", StringComparison.OrdinalIgnoreCase)
        || childType.Equals("routes", StringComparison.OrdinalIgnoreCase);

    /// <summary>Ids equal when spelled the same (<see cref="ResourceId.IsSpelledAs"/>); the hash ignores case, which spelling implies.</summary>
    private sealed class SpellingComparer : IEqualityComparer<ResourceId>
    {
        public static SpellingComparer Instance { get; } = new();

        public bool Equals(ResourceId? x, ResourceId? y) => ReferenceEquals(x, y) || (x is not null && y is not null && x.IsSpelledAs(y));

        public int GetHashCode(ResourceId obj) => obj.GetHashCode();
    }
}
