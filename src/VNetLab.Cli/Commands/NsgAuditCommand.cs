using System.CommandLine;
using VNetLab.Arm.Contracts;
using VNetLab.Arm.Sarif;
using VNetLab.Cli.Rendering;
using VNetLab.Diagnostics;
using VNetLab.Security.Audit;

namespace VNetLab.Cli.Commands;

/// <summary>
/// <c>vnetlab nsg-audit PATH... [--format text|json|sarif] [--severity error|warning|info] [--service-tags FILE]</c>: shadowed,
/// redundant and exposing NSG rules, and what nothing filters. Exits 1 when a finding is at or above <c>--severity</c>.
/// </summary>
internal static class NsgAuditCommand
{
    public static Command Create(CliContext context)
    {
        var paths = CommonOptions.Paths();
        var format = CommonOptions.Format("text", "json", "sarif");
        var severity = new Option<string>("--severity")
        {
            Description = "Report findings at or above this severity: error, warning or info (all). Any finding reported makes the exit code 1.",
            DefaultValueFactory = _ => "info",
        };
        severity.AcceptOnlyFromAmong("error", "warning", "info");
        var serviceTags = CommonOptions.ServiceTags();
        var command = new Command("nsg-audit", "Audit the NSGs: rules that never match or change nothing, management ports open to public addresses, "
            + "NSGs and ASGs attached to nothing, subnets and network interfaces nothing filters.")
        {
            paths,
            format,
            severity,
            serviceTags,
        };
        command.SetAction(parse => Run(context, parse.GetRequiredValue(paths), parse.GetRequiredValue(format), parse.GetRequiredValue(severity),
            parse.GetValue(serviceTags)));
        return command;
    }

    private static int Run(CliContext context, string[] paths, string format, string severityText, string? serviceTagsFile)
    {
        if (EstateLoading.Load(context, paths) is not { } import || SecurityLoading.Compile(context, import.Estate, serviceTagsFile) is not { } security)
        {
            return VNetLabCli.UnusableInput;
        }

        DiagnosticSeverityExtensions.TryParse(severityText, out var threshold);
        var findings = NsgAuditor.Audit(security).Where(d => d.Severity >= threshold).ToList();
        switch (format)
        {
            case "json":
                context.Out.WriteLine(ContractJson.Serialize(DiagnosticsDocument.From(findings)));
                break;
            case "sarif":
                context.Out.WriteLine(SarifWriter.Serialize(findings, VNetLabCli.Version));
                break;
            default:
                DiagnosticsTextRenderer.Write(context.Console, findings);
                break;
        }

        return findings.Count > 0 ? VNetLabCli.ProblemFound : VNetLabCli.Success;
    }
}
