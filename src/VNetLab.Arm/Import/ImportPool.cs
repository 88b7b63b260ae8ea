using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using VNetLab.Model;

namespace VNetLab.Arm.Import;

/// <summary>
/// One copy of each value that recurs across an import: rule fields, names and JSON paths repeat in every NSG
/// of a generated or exported estate (a large one holds two million rules), and a referenced id (a subnet, an
/// ASG, a VM) is parsed once however many resources name it. It lives as long as one import; the estate keeps
/// only the shared values. Every id it gives is canonical (<see cref="ResourceIdTable"/>): one object per id as
/// written, whether a resource declares it or another names it. Safe for files read in parallel.
/// </summary>
internal sealed class ImportPool
{
    private readonly ConcurrentDictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _stringsBySpan;
    private readonly ResourceIdTable _ids = new();
    private readonly ConcurrentDictionary<string, ResourceId> _references = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ResourceId>.AlternateLookup<ReadOnlySpan<char>> _referencesBySpan;
    private readonly ConcurrentDictionary<string, ImmutableArray<string>> _singleStrings = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<ImmutableArray<string>, ImmutableArray<string>> _stringLists = new(new SequenceComparer<string>(StringComparer.Ordinal));
    private readonly ConcurrentDictionary<ImmutableArray<ResourceId>, ImmutableArray<ResourceId>> _referenceLists = new(new SequenceComparer<ResourceId>(ReferenceEqualityComparer.Instance));
    private readonly Func<ReadOnlySpan<char>, string> _internSpan;

    public ImportPool()
    {
        _stringsBySpan = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
        _referencesBySpan = _references.GetAlternateLookup<ReadOnlySpan<char>>();
        _internSpan = Intern;
    }

    public string Intern(string text) => text.Length == 0 ? string.Empty : _strings.GetOrAdd(text, text);

    /// <summary>As <see cref="Intern(string)"/>, without making a string when the value is already pooled.</summary>
    public string Intern(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return string.Empty;
        }

        if (_stringsBySpan.TryGetValue(text, out var known))
        {
            return known;
        }

        var fresh = text.ToString();
        return _strings.GetOrAdd(fresh, fresh);
    }

    /// <summary>
    /// One array for each list of values: a large estate's two million rules hold about eight million port and
    /// prefix lists, almost all of them one of a few hundred (<c>["*"]</c>, <c>["443"]</c>, <c>["VirtualNetwork"]</c>).
    /// The values are expected pooled already.
    /// </summary>
    public ImmutableArray<string> Share(ImmutableArray<string> values)
    {
        if (values.IsDefaultOrEmpty)
        {
            return [];
        }

        if (values.Length == 1)
        {
            return _singleStrings.GetOrAdd(values[0], values);
        }

        return _stringLists.GetOrAdd(values, values);
    }

    /// <summary>One array for each list of references (the application security groups rules and NICs name).</summary>
    public ImmutableArray<ResourceId> Share(ImmutableArray<ResourceId> references) =>
        references.IsDefaultOrEmpty ? [] : _referenceLists.GetOrAdd(references, references);

    /// <summary>Parses an id that other resources may name too; the same text always gives the same instance.</summary>
    public ResourceId? Reference(string text)
    {
        if (_references.TryGetValue(text, out var known))
        {
            return known;
        }

        if (!ResourceId.TryParse(text, _internSpan, out var id))
        {
            return null;
        }

        return _references.GetOrAdd(text, _ids.Canonical(id));
    }

    /// <summary>The one object for the id written as <paramref name="id"/> is (<see cref="ResourceIdTable"/>).</summary>
    public ResourceId Canonical(ResourceId id) => _ids.Canonical(id);

    /// <summary>As <see cref="Canonical"/> for a child made on an id this pool gave (<see cref="ResourceIdTable.CanonicalChild"/>).</summary>
    public ResourceId CanonicalChild(ResourceId child, string childType) => _ids.CanonicalChild(child, childType);

    /// <summary>
    /// Parses a resource's own id (rules, routes, IP configurations): unique, so its text is not remembered. A child's id is its
    /// parent's text and two more segments, and its parent (the NSG of a rule) was read before it: the child then
    /// points at that very parent id instead of a copy of it.
    /// </summary>
    public ResourceId? Declared(string text)
    {
        var trimmed = text.AsSpan().Trim();
        var nameSlash = trimmed.LastIndexOf('/');
        if (nameSlash > 0 && nameSlash < trimmed.Length - 1)
        {
            var typeSlash = trimmed[..nameSlash].LastIndexOf('/');
            // A parent text ending in white space parsed trimmed, while the same characters inside a longer id stay
            // part of its name: only a parent that ends in a name character is the child's parent as parsed.
            if (typeSlash > 0 && typeSlash < nameSlash - 1 && !char.IsWhiteSpace(trimmed[typeSlash - 1])
                && _referencesBySpan.TryGetValue(trimmed[..typeSlash], out var parent))
            {
                var childType = Intern(trimmed[(typeSlash + 1)..nameSlash]);
                return _ids.CanonicalChild(parent.Child(childType, Intern(trimmed[(nameSlash + 1)..])), childType);
            }
        }

        return ResourceId.TryParse(text, _internSpan, out var id) ? _ids.Canonical(id) : null;
    }

    public SourceLocation Location(SourceLocation location)
    {
        var path = Intern(location.JsonPath);
        return ReferenceEquals(path, location.JsonPath) ? location : location with { JsonPath = path };
    }

    /// <summary>
    /// Lists equal element by element: strings ordinally, references by instance (a referenced id is parsed once per
    /// text, so two lists share an array only when they name the same ids in the same casing).
    /// </summary>
    private sealed class SequenceComparer<T>(IEqualityComparer<T> elements) : IEqualityComparer<ImmutableArray<T>>
    {
        public bool Equals(ImmutableArray<T> x, ImmutableArray<T> y) =>
            x.Length == y.Length && MemoryExtensions.SequenceEqual(x.AsSpan(), y.AsSpan(), elements);

        public int GetHashCode(ImmutableArray<T> values)
        {
            var hash = default(HashCode);
            foreach (var value in ImmutableCollectionsMarshal.AsArray(values) ?? [])
            {
                hash.Add(value is null ? 0 : elements.GetHashCode(value));
            }

            return hash.ToHashCode();
        }
    }
}
