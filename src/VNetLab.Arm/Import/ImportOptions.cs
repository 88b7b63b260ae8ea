namespace VNetLab.Arm.Import;

/// <summary>Limits and defaults of an import.</summary>
public sealed record ImportOptions
{
    /// <summary>Files above this size are refused unread (issue #2: 512 MiB).</summary>
    public long MaxFileBytes { get; init; } = 512L * 1024 * 1024;

    /// <summary>Subscription given to resources without an id (CONTRACT.md).</summary>
    public string DefaultSubscription { get; init; } = Model.ResourceId.DefaultSubscription;

    public static ImportOptions Default { get; } = new();
}
