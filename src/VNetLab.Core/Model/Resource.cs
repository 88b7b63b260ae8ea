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

    // Kept as its two parts, both shared (one file name per file, one path per position in a document): a
    // location object per resource was 32 bytes for each of a large estate's three million resources. Equality
    // is unchanged, since two locations are equal exactly when their parts are.
    private readonly string? _sourceFile;
    private readonly string? _sourcePath;

    /// <summary>The file and JSON path it was read from; null for resources the twin built itself.</summary>
    public SourceLocation? Source
    {
        get => _sourceFile is null || _sourcePath is null ? null : new SourceLocation(_sourceFile, _sourcePath);
        init
        {
            _sourceFile = value?.File;
            _sourcePath = value?.JsonPath;
        }
    }
}

/// <summary>A top-level resource, which has a region.</summary>
public abstract record TrackedResource : Resource
{
    /// <summary>The Azure region as given (<c>westeurope</c>); null when the input did not say.</summary>
    public string? Location { get; init; }
}
