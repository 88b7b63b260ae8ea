using VNetLab.Diagnostics;

namespace VNetLab.Testing;

/// <summary>
/// A diagnostic as one line of everything a user sees of it (code, severity, resource, where it was read, message and
/// fix), so that two runs that must agree are compared on all of it.
/// </summary>
public static class DiagnosticText
{
    public static string Of(Diagnostic d) => $"{d.Code}|{d.Severity}|{d.ResourceId}|{d.Location}|{d.Message}|{d.Fix}";
}
