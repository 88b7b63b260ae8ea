using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;

namespace VNetLab.Model;

/// <summary>
/// An ARM resource ID (<c>/subscriptions/{sub}/resourceGroups/{rg}/providers/{namespace}/{type}/{name}[/{childType}/{childName}]…</c>).
/// ARM compares IDs case-insensitively, so equality and hashing ignore case; the text as given is kept for output.
/// </summary>
public sealed class ResourceId : IEquatable<ResourceId>, IComparable<ResourceId>
{
    /// <summary>The subscription used for resources given without an id (CONTRACT.md).</summary>
    public const string DefaultSubscription = "00000000-0000-0000-0000-000000000000";

    /// <summary>The resource group used for resources given without an id or a <c>resourceGroup</c> field.</summary>
    public const string DefaultResourceGroup = "default";

    // The three fixed segments as given ("subscriptions", "resourceGroups", "providers" in any casing), so
    // that the text rebuilt from the segments is exactly the text parsed; ids made here use ARM's spelling.
    private const string SubscriptionsKeyword = "subscriptions";
    private const string ResourceGroupsKeyword = "resourceGroups";
    private const string ProvidersKeyword = "providers";

    // Deeper than any ARM type nests; an id with more segments is not one.
    private const int MaxSegments = 64;

    // ARM's spelling of the three fixed words, shared by every id written that way (nearly all of them).
    private static readonly string[] _armKeywords = [SubscriptionsKeyword, ResourceGroupsKeyword, ProvidersKeyword];

    // Subscriptions, groups, namespaces and type names repeat across every resource of an estate: one copy of
    // each, looked up by the characters so that a known segment costs no string. Process-wide, as string.Intern
    // (which this replaces) was; it holds only these few thousand segments, never names.
    private static readonly ConcurrentDictionary<string, string> _segments = SegmentPool();
    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _segmentsBySpan =
        _segments.GetAlternateLookup<ReadOnlySpan<char>>();

    // Other spellings of the three fixed words, one array each, so that their ids share scopes too.
    private static readonly ConcurrentDictionary<(string, string, string), string[]> _keywordSpellings = new();

    // One scope per resource group and provider (all the ids of a resource group share it).
    private static readonly ConcurrentDictionary<(string[], string, string, string), IdScope> _scopes = new();

    // An id is its parent (shared: every rule of an NSG points at the NSG's id) and its own type and name, so a
    // child id costs one small object, not a copy of every segment above it: an estate holds millions of ids.
    private readonly IdScope _scope;
    private readonly ResourceId? _parent;
    private readonly string _type;
    private readonly string _name;
    private readonly int _hashCode;

    // The text is built from the segments on first use, not kept from the start: an estate holds millions
    // of ids (every security rule has one) and their text, twice the size of the segments it repeats, was
    // most of an imported estate's memory. Most ids are only ever hashed and compared, which the segments do.
    private string? _value;

    private ResourceId(IdScope scope, ResourceId? parent, string type, string name)
    {
        _scope = scope;
        _parent = parent;
        _type = type;
        _name = name;

        // Ids key every index and every compiled lookup: hash the long text once, not on each probe.
        _hashCode = HashText();
    }

    /// <summary>The id as text, in the casing it was given.</summary>
    public string Value => _value ??= BuildText();

    public string Subscription => _scope.Subscription;

    public string ResourceGroup => _scope.ResourceGroup;

    /// <summary>The resource provider, e.g. <c>Microsoft.Network</c>.</summary>
    public string ProviderNamespace => _scope.ProviderNamespace;

    /// <summary>The type segments, outermost first: <c>virtualNetworks</c>, <c>subnets</c>.</summary>
    public ImmutableArray<string> Types => Segments(id => id._type);

    /// <summary>The name segments, matching <see cref="Types"/>.</summary>
    public ImmutableArray<string> Names => Segments(id => id._name);

    /// <summary>The resource's own name (the last name segment).</summary>
    public string Name => _name;

    /// <summary>The resource's own type segment (the last of <see cref="Types"/>), e.g. <c>subnets</c>.</summary>
    public string OwnType => _type;

    /// <summary>The full type, e.g. <c>Microsoft.Network/virtualNetworks/subnets</c>.</summary>
    public string ResourceType => ProviderNamespace + "/" + string.Join('/', Types);

    public bool IsChild => _parent is not null;

    /// <summary>The parent resource of a child (the VNet of a subnet); null for a top-level resource.</summary>
    public ResourceId? Parent => _parent;

    /// <summary>The top-level resource this id belongs to (itself when not a child).</summary>
    public ResourceId Root
    {
        get
        {
            var root = this;
            while (root._parent is { } parent)
            {
                root = parent;
            }

            return root;
        }
    }

    /// <summary>A child of this resource, e.g. <c>vnetId.Child("subnets", "GatewaySubnet")</c>.</summary>
    public ResourceId Child(string type, string name) => new(_scope, this, Segment(type), name);

    /// <summary>
    /// True when both ids are written the same way: the same segments in the same casing, so that either can stand for
    /// the other in every output (<see cref="Value"/> is built from the segments). <see cref="Equals(ResourceId?)"/>
    /// ignores case, as ARM does; this is the stricter test under which two ids may be one object.
    /// </summary>
    public bool IsSpelledAs(ResourceId other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var left = this;
        var right = other;
        while (!ReferenceEquals(left, right))
        {
            if (left is null || right is null || left._hashCode != right._hashCode
                || !string.Equals(left._name, right._name, StringComparison.Ordinal)
                || !string.Equals(left._type, right._type, StringComparison.Ordinal))
            {
                return false;
            }

            if (left._parent is null && right._parent is null)
            {
                // Scopes are shared per spelling of the keywords, subscription, group and namespace.
                return ReferenceEquals(left._scope, right._scope);
            }

            left = left._parent;
            right = right._parent;
        }

        return true;
    }

    /// <summary>
    /// This id with <paramref name="parent"/> in place of its own parent, which must be spelled the same
    /// (<see cref="IsSpelledAs"/>): the same id, sharing that parent object (an importer's one object per id).
    /// </summary>
    public ResourceId WithParent(ResourceId parent)
    {
        ArgumentNullException.ThrowIfNull(parent);
        if (_parent is null || !parent.IsSpelledAs(_parent))
        {
            throw new ArgumentException($"'{parent}' is not spelled as the parent of '{this}'.", nameof(parent));
        }

        return ReferenceEquals(parent, _parent) ? this : new(parent._scope, parent, _type, _name);
    }

    /// <summary>True when the type equals <paramref name="resourceType"/> (case-insensitive), e.g. <c>Microsoft.Network/virtualNetworks</c>.</summary>
    public bool IsOfType(string resourceType) => string.Equals(ResourceType, resourceType, StringComparison.OrdinalIgnoreCase);

    public static ResourceId Create(string subscription, string resourceGroup, string providerNamespace,
        IReadOnlyList<string> types, IReadOnlyList<string> names)
    {
        if (types.Count == 0 || types.Count != names.Count)
        {
            throw new ArgumentException("A resource id needs one name per type segment.", nameof(names));
        }

        var id = new ResourceId(ScopeOf(_armKeywords, subscription, resourceGroup, providerNamespace), null, Segment(types[0]), names[0]);
        for (var i = 1; i < types.Count; i++)
        {
            id = id.Child(types[i], names[i]);
        }

        return id;
    }

    /// <summary>
    /// Builds the id of a resource given only its full type and name, as the importer does for resources
    /// without an <c>id</c>. A child's name holds the parent names separated by '/' (<c>vnet1/subnet1</c>).
    /// </summary>
    public static bool TryCreate(string subscription, string resourceGroup, string fullType, string name, [NotNullWhen(true)] out ResourceId? id)
    {
        id = null;
        var typeParts = fullType.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var nameParts = name.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (typeParts.Length < 2 || nameParts.Length != typeParts.Length - 1)
        {
            return false;
        }

        id = Create(subscription, resourceGroup, typeParts[0], typeParts[1..], nameParts);
        return true;
    }

    /// <summary>Parses an ARM resource id; returns false for anything that is not one.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out ResourceId? id) =>
        TryParse(text, (Func<ReadOnlySpan<char>, string>?)null, out id);

    /// <summary>
    /// Parses an ARM resource id, passing each name segment through <paramref name="internName"/> (an importer's
    /// string pool: the same rule and subnet names recur in every NSG and VNet of an estate).
    /// </summary>
    public static bool TryParse(string? text, Func<string, string>? internName, [NotNullWhen(true)] out ResourceId? id) =>
        TryParse(text, internName is null ? null : new Func<ReadOnlySpan<char>, string>(name => internName(name.ToString())), out id);

    /// <summary>
    /// Parses an ARM resource id, passing each name segment's characters through <paramref name="internName"/>, so that
    /// a pool that already holds the name gives it without a string being made for it.
    /// </summary>
    public static bool TryParse(string? text, Func<ReadOnlySpan<char>, string>? internName, [NotNullWhen(true)] out ResourceId? id)
    {
        id = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        // The segments are the non-empty runs between '/' (as Split with RemoveEmptyEntries gave them), found
        // without making a string of each: a large estate parses millions of ids.
        var trimmed = text.AsSpan().Trim();
        Span<Range> parts = stackalloc Range[MaxSegments + 1];
        var count = 0;
        for (var start = 0; start < trimmed.Length;)
        {
            var slash = trimmed[start..].IndexOf('/');
            var end = slash < 0 ? trimmed.Length : start + slash;
            if (end > start)
            {
                if (count == parts.Length)
                {
                    return false;
                }

                parts[count++] = new Range(start, end);
            }

            start = end + 1;
        }

        // subscriptions/{s}/resourceGroups/{rg}/providers/{ns}/{type}/{name}[/{type}/{name}]...
        if (count < 8 || count > MaxSegments || (count - 6) % 2 != 0
            || !trimmed[parts[0]].Equals(SubscriptionsKeyword, StringComparison.OrdinalIgnoreCase)
            || !trimmed[parts[2]].Equals(ResourceGroupsKeyword, StringComparison.OrdinalIgnoreCase)
            || !trimmed[parts[4]].Equals(ProvidersKeyword, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var scope = ScopeOf(Keywords(Segment(trimmed[parts[0]]), Segment(trimmed[parts[2]]), Segment(trimmed[parts[4]])),
            Segment(trimmed[parts[1]]), Segment(trimmed[parts[3]]), Segment(trimmed[parts[5]]));
        ResourceId? parsed = null;
        for (var i = 6; i < count; i += 2)
        {
            var name = trimmed[parts[i + 1]];
            parsed = new ResourceId(scope, parsed, Segment(trimmed[parts[i]]), internName is null ? name.ToString() : internName(name));
        }

        id = parsed;
        return id is not null;
    }

    public static ResourceId Parse(string text) =>
        TryParse(text, out var id) ? id : throw new FormatException($"'{text}' is not an ARM resource id.");

    public bool Equals(ResourceId? other) =>
        ReferenceEquals(this, other)
        || (other is not null && _hashCode == other._hashCode && SameSegments(other));

    public override bool Equals(object? obj) => Equals(obj as ResourceId);

    public override int GetHashCode() => _hashCode;

    public int CompareTo(ResourceId? other)
    {
        if (other is null)
        {
            return 1;
        }

        if (_value is not null && other._value is not null)
        {
            return StringComparer.OrdinalIgnoreCase.Compare(_value, other._value);
        }

        // Sorting millions of ids must not make each of them keep its text: compare the texts in scratch space.
        var length = TextLength();
        var otherLength = other.TextLength();
        if (length + otherLength > 2048)
        {
            return StringComparer.OrdinalIgnoreCase.Compare(Value, other.Value);
        }

        Span<char> buffer = stackalloc char[length + otherLength];
        WriteText(buffer[..length]);
        other.WriteText(buffer[length..]);
        return MemoryExtensions.CompareTo(buffer[..length], buffer[length..], StringComparison.OrdinalIgnoreCase);
    }

    public override string ToString() => Value;

    // The text is '/' and the segments joined by '/', so two texts are equal ignoring case exactly when their
    // segments are (the fixed segments are the same words ignoring case in every id).
    private bool SameSegments(ResourceId other)
    {
        var left = this;
        var right = other;
        while (true)
        {
            if (!string.Equals(left._name, right._name, StringComparison.OrdinalIgnoreCase)
                || !string.Equals(left._type, right._type, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            if (left._parent is null || right._parent is null)
            {
                return left._parent is null && right._parent is null && left._scope.SameAs(right._scope);
            }

            left = left._parent;
            right = right._parent;
            if (ReferenceEquals(left, right))
            {
                return true;
            }
        }
    }

    private ImmutableArray<string> Segments(Func<ResourceId, string> segment)
    {
        var depth = 0;
        for (var id = this; id is not null; id = id._parent)
        {
            depth++;
        }

        var segments = new string[depth];
        for (var id = this; id is not null; id = id._parent)
        {
            segments[--depth] = segment(id);
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(segments);
    }

    private int TextLength() => (_parent is null ? _scope.TextLength : _parent.TextLength()) + 2 + _type.Length + _name.Length;

    // Writes the text into a span exactly TextLength() long.
    private void WriteText(Span<char> destination)
    {
        var own = 2 + _type.Length + _name.Length;
        var above = destination[..^own];
        if (_parent is null)
        {
            _scope.WriteText(above);
        }
        else if (_parent._value is { } parentText)
        {
            parentText.CopyTo(above);
        }
        else
        {
            _parent.WriteText(above);
        }

        var at = destination.Length - own;
        destination[at++] = '/';
        _type.CopyTo(destination[at..]);
        at += _type.Length;
        destination[at++] = '/';
        _name.CopyTo(destination[at..]);
    }

    private string BuildText() => string.Create(TextLength(), this, static (destination, id) => id.WriteText(destination));

    private int HashText()
    {
        var length = TextLength();
        if (length > 1024)
        {
            return StringComparer.OrdinalIgnoreCase.GetHashCode(BuildText());
        }

        Span<char> buffer = stackalloc char[length];
        WriteText(buffer);
        return string.GetHashCode(buffer, StringComparison.OrdinalIgnoreCase);
    }

    private static IdScope ScopeOf(string[] keywords, string subscription, string resourceGroup, string providerNamespace)
    {
        var key = (keywords, subscription, resourceGroup, providerNamespace);
        return _scopes.TryGetValue(key, out var known)
            ? known
            : _scopes.GetOrAdd(key, new IdScope(keywords, subscription, resourceGroup, providerNamespace));
    }

    private static string Segment(ReadOnlySpan<char> text)
    {
        if (_segmentsBySpan.TryGetValue(text, out var known))
        {
            return known;
        }

        var fresh = text.ToString();
        return _segments.GetOrAdd(fresh, fresh);
    }

    private static string Segment(string text) => _segments.GetOrAdd(text, text);

    // Seeded with ARM's spelling of the fixed words, so that an id written that way finds these very instances.
    private static ConcurrentDictionary<string, string> SegmentPool()
    {
        var pool = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        foreach (var keyword in (string[])[SubscriptionsKeyword, ResourceGroupsKeyword, ProvidersKeyword])
        {
            pool[keyword] = keyword;
        }

        return pool;
    }

    private static string[] Keywords(string subscriptions, string resourceGroups, string providers) =>
        ReferenceEquals(subscriptions, SubscriptionsKeyword) && ReferenceEquals(resourceGroups, ResourceGroupsKeyword)
            && ReferenceEquals(providers, ProvidersKeyword)
            ? _armKeywords
            : _keywordSpellings.GetOrAdd((subscriptions, resourceGroups, providers), static k => [k.Item1, k.Item2, k.Item3]);

    public static bool operator ==(ResourceId? left, ResourceId? right) => left?.Equals(right) ?? right is null;

    public static bool operator !=(ResourceId? left, ResourceId? right) => !(left == right);

    /// <summary>
    /// What every id of one resource group and provider shares: the subscription, the group, the namespace and the
    /// three fixed words as given.
    /// </summary>
    private sealed class IdScope(string[] keywords, string subscription, string resourceGroup, string providerNamespace)
    {
        public string Subscription { get; } = subscription;

        public string ResourceGroup { get; } = resourceGroup;

        public string ProviderNamespace { get; } = providerNamespace;

        public int TextLength { get; } = 6 + keywords[0].Length + subscription.Length + keywords[1].Length + resourceGroup.Length
            + keywords[2].Length + providerNamespace.Length;

        public bool SameAs(IdScope other) =>
            ReferenceEquals(this, other)
            || (string.Equals(Subscription, other.Subscription, StringComparison.OrdinalIgnoreCase)
                && string.Equals(ResourceGroup, other.ResourceGroup, StringComparison.OrdinalIgnoreCase)
                && string.Equals(ProviderNamespace, other.ProviderNamespace, StringComparison.OrdinalIgnoreCase));

        public void WriteText(Span<char> destination)
        {
            var at = 0;
            Append(destination, ref at, keywords[0]);
            Append(destination, ref at, Subscription);
            Append(destination, ref at, keywords[1]);
            Append(destination, ref at, ResourceGroup);
            Append(destination, ref at, keywords[2]);
            Append(destination, ref at, ProviderNamespace);

            static void Append(Span<char> destination, ref int at, string segment)
            {
                destination[at++] = '/';
                segment.CopyTo(destination[at..]);
                at += segment.Length;
            }
        }
    }
}
