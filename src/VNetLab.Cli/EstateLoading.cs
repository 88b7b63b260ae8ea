using VNetLab.Arm.Import;
using VNetLab.Cli.Rendering;
using VNetLab.Diagnostics;

namespace VNetLab.Cli;

/// <summary>Reads the estate for a command and reports input problems on stderr.</summary>
internal static class EstateLoading
{
    /// <summary>
    /// The import result, or null when an input error makes the estate unusable (the caller exits 2).
    /// Input warnings go to stderr so that stdout keeps only the answer.
    /// </summary>
    public static ImportResult? Load(CliContext context, IEnumerable<string> paths)
    {
        var result = EstateReader.Read(paths);
        if (result.Diagnostics.Length > 0)
        {
            DiagnosticsTextRenderer.WritePlain(context.Error, result.Diagnostics);
        }

        return result.HasErrors ? null : result;
    }

    public static bool HasInputErrors(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error && d.Code.StartsWith("VNL0", StringComparison.Ordinal));
}
