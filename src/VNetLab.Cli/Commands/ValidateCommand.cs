using System.CommandLine;
using VNetLab.Arm.Contracts;
using VNetLab.Arm.Import;
using VNetLab.Arm.Sarif;
using VNetLab.Cli.Rendering;
using VNetLab.Diagnostics;
using VNetLab.Validation;

namespace VNetLab.Cli.Commands;

/// <summary>
/// <c>vnetlab validate PATH... [--format text|json|sarif] [--severity error|warning|info]</c>: will Azure accept
/// this estate? Imports, then runs every validation rule. Exit 2 when the input is unusable (only the input
/// diagnostics are shown then), 1 when an error remains, else 0.
/// </summary>
internal static class ValidateCommand
{
    public static Command Create(CliContext context)
    {
        var paths = CommonOptions.Paths();
        var format = CommonOptions.Format("text", "json", "sarif");
        var severity = new Option<string>("--severity")
        {
            Description = "Show diagnostics at or above this severity: error, warning or info (all). Errors always count for the exit code.",
            DefaultValueFactory = _ => "info",
        };
        severity.AcceptOnlyFromAmong("error", "warning", "info");
        var command = new Command("validate", "Will Azure accept this estate? Reports what Azure would reject, in Azure's words, with the fix.")
        {
            paths,
            format,
            severity,
        };
        command.SetAction(parse => Run(context, parse.GetRequiredValue(paths), parse.GetRequiredValue(format), parse.GetRequiredValue(severity)));
        return command;
    }

    private static int Run(CliContext context, string[] paths, string format, string severityText)
    {
        var import = EstateReader.Read(paths);
        var inputErrors = EstateLoading.HasInputErrors(import.Diagnostics);

        // A broken input gives a partial estate; validating it would report consequences, not causes.
        IEnumerable<Diagnostic> all = inputErrors
            ? import.Diagnostics
            : import.Diagnostics.Concat(Validator.Default.Validate(import.Estate));
        DiagnosticSeverityExtensions.TryParse(severityText, out var threshold);
        var diagnostics = all.Where(d => d.Severity >= threshold).Order(DiagnosticOrder.Instance).ToList();

        if (inputErrors)
        {
            // Unusable input: the message goes to stderr (CONTRACT.md); machines still get their document on stdout.
            DiagnosticsTextRenderer.WritePlain(context.Error, diagnostics);
        }

        switch (format)
        {
            case "json":
                context.Out.WriteLine(ContractJson.Serialize(DiagnosticsDocument.From(diagnostics)));
                break;
            case "sarif":
                context.Out.WriteLine(SarifWriter.Serialize(diagnostics, VNetLabCli.Version));
                break;
            default:
                if (!inputErrors)
                {
                    DiagnosticsTextRenderer.Write(context.Console, diagnostics);
                }

                break;
        }

        if (inputErrors)
        {
            return VNetLabCli.UnusableInput;
        }

        return all.Any(d => d.Severity == DiagnosticSeverity.Error) ? VNetLabCli.ProblemFound : VNetLabCli.Success;
    }
}
