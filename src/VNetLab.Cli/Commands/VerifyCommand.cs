using System.CommandLine;
using VNetLab.Analysis;
using VNetLab.Analysis.Policies;
using VNetLab.Arm.Contracts;
using VNetLab.Arm.Policies;
using VNetLab.Cli.Rendering;

namespace VNetLab.Cli.Commands;

/// <summary><c>vnetlab verify PATH... --policy FILE</c>: policy assertions over every packet; exit 1 when one fails.</summary>
internal static class VerifyCommand
{
    public static Command Create(CliContext context)
    {
        var paths = CommonOptions.Paths();
        var policy = new Option<string>("--policy") { Description = "The YAML policy file of named assertions (docs/dispositions.md describes the format).", Required = true };
        var format = CommonOptions.Format("text", "json");
        var command = new Command("verify", "Checks policy assertions for all packets, symbolically; prints a counterexample and the routes and rules to change for each failure.")
        {
            paths, policy, format,
        };
        command.SetAction(parse => Run(context, parse.GetRequiredValue(paths), parse.GetRequiredValue(policy), parse.GetRequiredValue(format)));
        return command;
    }

    private static int Run(CliContext context, string[] paths, string policyFile, string format)
    {
        var read = PolicyReader.Read(policyFile);
        if (read.Policy is not { } policy)
        {
            foreach (var error in read.Errors)
            {
                context.Error.WriteLine("error: " + error);
            }

            context.Error.WriteLine("fix: correct the policy file at the paths above (assertions need name, from, to and an expectation).");
            return VNetLabCli.UnusableInput;
        }

        if (EstateLoading.Load(context, paths) is not { } import)
        {
            return VNetLabCli.UnusableInput;
        }

        var result = new PolicyChecker(NetworkAnalysis.Compile(import.Estate)).Check(policy);
        if (format == "json")
        {
            context.Out.WriteLine(ContractJson.Serialize(AnalysisJson.Verify(result)));
        }
        else
        {
            AnalysisTextRenderer.WriteVerify(context.Out, result);
        }

        return result.Passed ? VNetLabCli.Success : VNetLabCli.ProblemFound;
    }
}
