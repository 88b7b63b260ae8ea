using VNetLab.Model;

namespace VNetLab.Diagnostics;

/// <summary>
/// One finding, shaped as CONTRACT.md's <c>validate --format json</c> entry (code, severity, azureCode,
/// resourceId, message, fix) plus where it came from. Only the catalogue creates these.
/// </summary>
public sealed record Diagnostic
{
    internal Diagnostic(DiagnosticDescriptor descriptor, ResourceId? resourceId, SourceLocation? location, string message, string fix)
    {
        Descriptor = descriptor;
        ResourceId = resourceId;
        Location = location;
        Message = message;
        Fix = fix;
        Severity = descriptor.Severity;
    }

    public DiagnosticDescriptor Descriptor { get; }

    public string Code => Descriptor.Code;

    public DiagnosticSeverity Severity { get; init; }

    public string? AzureCode => Descriptor.AzureCode;

    public ResourceId? ResourceId { get; }

    /// <summary>File and JSON path, when known.</summary>
    public SourceLocation? Location { get; }

    public string Message { get; }

    public string Fix { get; }

    /// <summary>The fact the rule rests on (from the descriptor).</summary>
    public string Fact => Descriptor.Fact;

    public override string ToString() => $"{Code} {Severity.ToContractString()}: {Message}";
}
