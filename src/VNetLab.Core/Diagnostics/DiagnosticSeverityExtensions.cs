namespace VNetLab.Diagnostics;

public static class DiagnosticSeverityExtensions
{
    /// <summary>The spelling CONTRACT.md fixes: <c>error</c>, <c>warning</c>, <c>info</c>.</summary>
    public static string ToContractString(this DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "info",
    };

    public static bool TryParse(string? text, out DiagnosticSeverity severity)
    {
        switch (text?.Trim().ToUpperInvariant())
        {
            case "ERROR":
                severity = DiagnosticSeverity.Error;
                return true;
            case "WARNING":
                severity = DiagnosticSeverity.Warning;
                return true;
            case "INFO":
                severity = DiagnosticSeverity.Info;
                return true;
            default:
                severity = DiagnosticSeverity.Info;
                return false;
        }
    }
}
