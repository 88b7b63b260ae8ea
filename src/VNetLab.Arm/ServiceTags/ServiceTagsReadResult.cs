using System.Collections.Immutable;
using VNetLab.Diagnostics;
using VNetLab.Security;

namespace VNetLab.Arm.ServiceTags;

/// <summary>The service tags read from a file (built-in tags included), or null with the reasons it could not be read.</summary>
public sealed record ServiceTagsReadResult(ServiceTagSet? Tags, ImmutableArray<Diagnostic> Diagnostics)
{
    public bool HasErrors => Tags is null || Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
}
