namespace VNetLab.Model;

/// <summary>
/// What every Azure resource in the model has: an ARM id (compared case-insensitively), the name it
/// carries in that id, and where it was read from. Child resources (subnets, peerings, rules, routes)
/// are resources too, so every diagnostic can point at one id.
/// </summary>
public abstract record Resource
{
    public required ResourceId Id { get; init; }

    /// <summary>The resource's name, the last segment of its id.</summary>
    public string Name => Id.Name;

    /// <summary>The file and JSON path it was read from; null for resources the twin built itself.</summary>
    public SourceLocation? Source { get; init; }
}

/// <summary>A top-level resource, which has a region.</summary>
public abstract record TrackedResource : Resource
{
    /// <summary>The Azure region as given (<c>westeurope</c>); null when the input did not say.</summary>
    public string? Location { get; init; }
}
