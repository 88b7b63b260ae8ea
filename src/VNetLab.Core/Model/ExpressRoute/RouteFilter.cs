using System.Collections.Immutable;

namespace VNetLab.Model;

/// <summary>Microsoft.Network/routeFilters: which BGP communities a circuit's Microsoft peering accepts.</summary>
public sealed record RouteFilter : TrackedResource
{
    public ImmutableArray<RouteFilterRule> Rules { get; init; } = [];
}

public sealed record RouteFilterRule : Resource
{
    /// <summary><c>Allow</c> (the only value Azure accepts) or what the user wrote.</summary>
    public required string Access { get; init; }

    /// <summary><c>Community</c>.</summary>
    public string RouteFilterRuleType { get; init; } = "Community";

    /// <summary>Community values such as <c>12076:5010</c>.</summary>
    public ImmutableArray<string> Communities { get; init; } = [];

    public ResourceId RouteFilterId => Id.Parent ?? Id;
}
