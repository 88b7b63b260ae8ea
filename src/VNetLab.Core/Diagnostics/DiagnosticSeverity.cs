namespace VNetLab.Diagnostics;

/// <summary>How serious a diagnostic is; spelled <c>error</c>, <c>warning</c>, <c>info</c> in output (CONTRACT.md).</summary>
public enum DiagnosticSeverity
{
    Info = 0,
    Warning = 1,
    Error = 2,
}
