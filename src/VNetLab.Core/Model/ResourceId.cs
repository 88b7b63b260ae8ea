using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

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

    private readonly int _hashCode;

    private ResourceId(string value, string subscription, string resourceGroup, string providerNamespace,
        ImmutableArray<string> types, ImmutableArray<string> names)
    {
        Value = value;
        Subscription = subscription;
        ResourceGroup = resourceGroup;
        ProviderNamespace = providerNamespace;
        Types = types;
        Names = names;

        // Ids key every index and every compiled lookup: hash the long text once, not on each probe.
        _hashCode = StringComparer.OrdinalIgnoreCase.GetHashCode(value);
    }

    /// <summary>The id as text, in the casing it was given.</summary>
    public string Value { get; }

    public string Subscription { get; }

    public string ResourceGroup { get; }

    /// <summary>The resource provider, e.g. <c>Microsoft.Network</c>.</summary>
    public string ProviderNamespace { get; }

    /// <summary>The type segments, outermost first: <c>virtualNetworks</c>, <c>subnets</c>.</summary>
    public ImmutableArray<string> Types { get; }

    /// <summary>The name segments, matching <see cref="Types"/>.</summary>
    public ImmutableArray<string> Names { get; }

    /// <summary>The resource's own name (the last name segment).</summary>
    public string Name => Names[^1];

    /// <summary>The full type, e.g. <c>Microsoft.Network/virtualNetworks/subnets</c>.</summary>
    public string ResourceType => ProviderNamespace + "/" + string.Join('/', Types);

    public bool IsChild => Types.Length > 1;

    /// <summary>The parent resource of a child (the VNet of a subnet); null for a top-level resource.</summary>
    public ResourceId? Parent => IsChild ? Create(Subscription, ResourceGroup, ProviderNamespace, Types[..^1], Names[..^1]) : null;

    /// <summary>The top-level resource this id belongs to (itself when not a child).</summary>
    public ResourceId Root => IsChild ? Create(Subscription, ResourceGroup, ProviderNamespace, [Types[0]], [Names[0]]) : this;

    /// <summary>A child of this resource, e.g. <c>vnetId.Child("subnets", "GatewaySubnet")</c>.</summary>
    public ResourceId Child(string type, string name) =>
        Create(Subscription, ResourceGroup, ProviderNamespace, Types.Add(type), Names.Add(name));

    /// <summary>True when the type equals <paramref name="resourceType"/> (case-insensitive), e.g. <c>Microsoft.Network/virtualNetworks</c>.</summary>
    public bool IsOfType(string resourceType) => string.Equals(ResourceType, resourceType, StringComparison.OrdinalIgnoreCase);

    public static ResourceId Create(string subscription, string resourceGroup, string providerNamespace,
        IReadOnlyList<string> types, IReadOnlyList<string> names)
    {
        if (types.Count == 0 || types.Count != names.Count)
        {
            throw new ArgumentException("A resource id needs one name per type segment.", nameof(names));
        }

        var text = new System.Text.StringBuilder()
            .Append("/subscriptions/").Append(subscription)
            .Append("/resourceGroups/").Append(resourceGroup)
            .Append("/providers/").Append(providerNamespace);
        for (var i = 0; i < types.Count; i++)
        {
            text.Append('/').Append(types[i]).Append('/').Append(names[i]);
        }

        return new ResourceId(text.ToString(), subscription, resourceGroup, providerNamespace, [.. types], [.. names]);
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
    public static bool TryParse(string? text, [NotNullWhen(true)] out ResourceId? id)
    {
        id = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var parts = text.Trim().Split('/', StringSplitOptions.RemoveEmptyEntries);

        // subscriptions/{s}/resourceGroups/{rg}/providers/{ns}/{type}/{name}[/{type}/{name}]...
        if (parts.Length < 8 || (parts.Length - 6) % 2 != 0
            || !parts[0].Equals("subscriptions", StringComparison.OrdinalIgnoreCase)
            || !parts[2].Equals("resourceGroups", StringComparison.OrdinalIgnoreCase)
            || !parts[4].Equals("providers", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var types = ImmutableArray.CreateBuilder<string>();
        var names = ImmutableArray.CreateBuilder<string>();
        for (var i = 6; i < parts.Length; i += 2)
        {
            types.Add(string.Intern(parts[i]));
            names.Add(parts[i + 1]);
        }

        // Subscriptions, groups, namespaces and type names repeat across every resource of an estate:
        // interned, an estate of hundreds of thousands of ids holds each once.
        id = new ResourceId("/" + string.Join('/', parts), string.Intern(parts[1]), string.Intern(parts[3]), string.Intern(parts[5]),
            types.ToImmutable(), names.ToImmutable());
        return true;
    }

    public static ResourceId Parse(string text) =>
        TryParse(text, out var id) ? id : throw new FormatException($"'{text}' is not an ARM resource id.");

    public bool Equals(ResourceId? other) =>
        ReferenceEquals(this, other)
        || (other is not null && _hashCode == other._hashCode && string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase));

    public override bool Equals(object? obj) => Equals(obj as ResourceId);

    public override int GetHashCode() => _hashCode;

    public int CompareTo(ResourceId? other) => StringComparer.OrdinalIgnoreCase.Compare(Value, other?.Value);

    public override string ToString() => Value;

    public static bool operator ==(ResourceId? left, ResourceId? right) => left?.Equals(right) ?? right is null;

    public static bool operator !=(ResourceId? left, ResourceId? right) => !(left == right);
}
