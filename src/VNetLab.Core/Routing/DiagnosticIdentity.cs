using VNetLab.Diagnostics;

namespace VNetLab.Routing;

/// <summary>Two notes are the same note when code, resource and message agree, whatever subnet raised them.</summary>
internal sealed class DiagnosticIdentity : IEqualityComparer<Diagnostic>
{
    public static DiagnosticIdentity Comparer { get; } = new();

    public bool Equals(Diagnostic? x, Diagnostic? y) =>
        ReferenceEquals(x, y) || (x is not null && y is not null && x.Code == y.Code && x.ResourceId == y.ResourceId
            && string.Equals(x.Message, y.Message, StringComparison.Ordinal));

    public int GetHashCode(Diagnostic obj) => HashCode.Combine(obj.Code, obj.ResourceId, obj.Message);
}
