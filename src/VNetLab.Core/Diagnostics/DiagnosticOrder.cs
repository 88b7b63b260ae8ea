namespace VNetLab.Diagnostics;

/// <summary>
/// The order users see diagnostics in (STYLE.md 6.8, rule 9): by resource id (ordinal, ignoring case;
/// diagnostics without a resource first), then code, then message. Output never depends on the order the
/// rules ran in or on dictionary enumeration.
/// </summary>
public sealed class DiagnosticOrder : IComparer<Diagnostic>
{
    public static DiagnosticOrder Instance { get; } = new();

    private DiagnosticOrder()
    {
    }

    public int Compare(Diagnostic? x, Diagnostic? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null)
        {
            return -1;
        }

        if (y is null)
        {
            return 1;
        }

        var byResource = (x.ResourceId, y.ResourceId) switch
        {
            (null, null) => 0,
            (null, _) => -1,
            (_, null) => 1,
            var (a, b) => a.CompareTo(b),
        };
        if (byResource != 0)
        {
            return byResource;
        }

        var byCode = string.CompareOrdinal(x.Code, y.Code);
        return byCode != 0 ? byCode : string.CompareOrdinal(x.Message, y.Message);
    }
}
