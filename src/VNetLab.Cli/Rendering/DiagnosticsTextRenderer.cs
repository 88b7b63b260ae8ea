using Spectre.Console;
using VNetLab.Diagnostics;

namespace VNetLab.Cli.Rendering;

/// <summary>Diagnostics for people: grouped by resource, each with its code, Azure's code and message, and the fix under it.</summary>
internal static class DiagnosticsTextRenderer
{
    public static void Write(IAnsiConsole console, IReadOnlyCollection<Diagnostic> diagnostics)
    {
        foreach (var group in Group(diagnostics))
        {
            console.MarkupLine($"[bold]{Markup.Escape(group.Key)}[/]");
            foreach (var d in group)
            {
                var colour = d.Severity switch
                {
                    DiagnosticSeverity.Error => "red",
                    DiagnosticSeverity.Warning => "yellow",
                    _ => "blue",
                };
                console.MarkupLine($"  [{colour}]{d.Severity.ToContractString()}[/] {d.Code}{AzureCode(d)}: {Markup.Escape(d.Message)}");
                if (d.Location is { } at)
                {
                    console.MarkupLine($"    [grey]at {Markup.Escape(at.ToString())}[/]");
                }

                console.MarkupLine($"    fix: {Markup.Escape(d.Fix)}");
            }
        }

        console.WriteLine(Summary(diagnostics));
    }

    /// <summary>The same layout without markup, for stderr.</summary>
    public static void WritePlain(TextWriter writer, IReadOnlyCollection<Diagnostic> diagnostics)
    {
        foreach (var group in Group(diagnostics))
        {
            writer.WriteLine(group.Key);
            foreach (var d in group)
            {
                writer.WriteLine($"  {d.Severity.ToContractString()} {d.Code}{AzureCode(d)}: {d.Message}");
                if (d.Location is { } at)
                {
                    writer.WriteLine($"    at {at}");
                }

                writer.WriteLine($"    fix: {d.Fix}");
            }
        }
    }

    public static string Summary(IReadOnlyCollection<Diagnostic> diagnostics)
    {
        var errors = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        var warnings = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);
        var infos = diagnostics.Count - errors - warnings;
        return $"{errors} error(s), {warnings} warning(s), {infos} note(s)";
    }

    private static string AzureCode(Diagnostic d) => d.AzureCode is null ? string.Empty : $" ({d.AzureCode})";

    // Grouped by resource id (or by file for problems that have no resource), in a stable order.
    private static IEnumerable<IGrouping<string, Diagnostic>> Group(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics
            .GroupBy(d => d.ResourceId?.Value ?? d.Location?.File ?? "(estate)", StringComparer.OrdinalIgnoreCase)
            .OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase);
}
