using System.Collections.Immutable;
using VNetLab.Diagnostics;

namespace VNetLab.Arm.Contracts;

/// <summary><c>validate --format json</c> (CONTRACT.md): <c>{ "diagnostics": [ ... ] }</c>.</summary>
public sealed record DiagnosticsDocument(ImmutableArray<DiagnosticEntry> Diagnostics)
{
    public static DiagnosticsDocument From(IEnumerable<Diagnostic> diagnostics) =>
        new([.. diagnostics.Select(DiagnosticEntry.From)]);
}

/// <summary>One diagnostic: CONTRACT.md's six fields, then where it came from and the fact it rests on.</summary>
public sealed record DiagnosticEntry(
    string Code,
    string Severity,
    string? AzureCode,
    string? ResourceId,
    string Message,
    string Fix,
    string? File,
    string? JsonPath,
    string Fact)
{
    public static DiagnosticEntry From(Diagnostic d) => new(
        d.Code, d.Severity.ToContractString(), d.AzureCode, d.ResourceId?.Value, d.Message, d.Fix,
        d.Location?.File, d.Location?.JsonPath, d.Fact);
}
