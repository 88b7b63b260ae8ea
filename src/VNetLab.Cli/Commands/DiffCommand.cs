using System.CommandLine;
using VNetLab.Analysis;
using VNetLab.Analysis.Diff;
using VNetLab.Arm.Contracts;
using VNetLab.Cli.Rendering;
using VNetLab.Validation;

namespace VNetLab.Cli.Commands;

/// <summary><c>vnetlab diff BEFORE AFTER</c>: what a change does to diagnostics, effective routes and reachability.</summary>
internal static class DiffCommand
{
    public static Command Create(CliContext context)
    {
        var before = new Argument<string>("BEFORE") { Description = "The estate before the change (a file or folder)." };
        var after = new Argument<string>("AFTER") { Description = "The estate after the change (a file or folder)." };
        var failOnChange = new Option<bool>("--fail-on-change") { Description = "Exit 1 when anything changed (a gate for CI)." };
        var format = CommonOptions.Format("text", "json");
        var command = new Command("diff", "What a change does: diagnostics added and removed, effective routes changed per subnet, reachability gained and lost.")
        {
            before, after, failOnChange, format,
        };
        command.SetAction(parse => Run(context, parse.GetRequiredValue(before), parse.GetRequiredValue(after), parse.GetValue(failOnChange), parse.GetRequiredValue(format)));
        return command;
    }

    private static int Run(CliContext context, string beforePath, string afterPath, bool failOnChange, string format)
    {
        if (EstateLoading.Load(context, [beforePath]) is not { } before || EstateLoading.Load(context, [afterPath]) is not { } after)
        {
            return VNetLabCli.UnusableInput;
        }

        var beforeAnalysis = NetworkAnalysis.Compile(before.Estate);
        var afterAnalysis = NetworkAnalysis.Compile(after.Estate);
        // The diagnostics a user would see from validate, plus the routing assumptions the routes rest on.
        var diff = EstateDiff.Compare(
            beforeAnalysis, [.. before.Diagnostics, .. Validator.Default.Validate(before.Estate), .. beforeAnalysis.Routing.Notes],
            afterAnalysis, [.. after.Diagnostics, .. Validator.Default.Validate(after.Estate), .. afterAnalysis.Routing.Notes]);
        if (format == "json")
        {
            context.Out.WriteLine(ContractJson.Serialize(AnalysisJson.Diff(diff)));
        }
        else
        {
            AnalysisTextRenderer.WriteDiff(context.Out, diff);
        }

        return failOnChange && !diff.IsEmpty ? VNetLabCli.ProblemFound : VNetLabCli.Success;
    }
}
