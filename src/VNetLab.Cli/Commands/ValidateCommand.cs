using System.CommandLine;
using VNetLab.Arm.Contracts;
using VNetLab.Arm.Import;
using VNetLab.Cli.Rendering;
using VNetLab.Diagnostics;

namespace VNetLab.Cli.Commands;

/// <summary><c>vnetlab validate PATH...</c>: will Azure accept this estate?</summary>
internal static class ValidateCommand
{
    public static Command Create(CliContext context)
    {
        var paths = CommonOptions.Paths();
        var format = CommonOptions.Format("text", "json");
        var command = new Command("validate", "Will Azure accept this estate? Reports what Azure would reject, in Azure's words, with the fix.")
        {
            paths,
            format,
        };
        command.SetAction(parse => Run(context, parse.GetRequiredValue(paths), parse.GetRequiredValue(format)));
        return command;
    }

    private static int Run(CliContext context, string[] paths, string format)
    {
        var import = EstateReader.Read(paths);
        var diagnostics = import.Diagnostics;
        switch (format)
        {
            case "json":
                context.Out.WriteLine(ContractJson.Serialize(DiagnosticsDocument.From(diagnostics)));
                break;
            default:
                DiagnosticsTextRenderer.Write(context.Console, diagnostics);
                break;
        }

        if (EstateLoading.HasInputErrors(diagnostics))
        {
            return VNetLabCli.UnusableInput;
        }

        return diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error) ? VNetLabCli.ProblemFound : VNetLabCli.Success;
    }
}
