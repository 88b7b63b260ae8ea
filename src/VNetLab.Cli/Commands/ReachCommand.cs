using System.Buffers;
using System.CommandLine;
using System.Text;
using System.Text.Json;
using VNetLab.Analysis;
using VNetLab.Analysis.Reachability;
using VNetLab.Arm.Contracts;
using VNetLab.Cli.Rendering;

namespace VNetLab.Cli.Commands;

/// <summary><c>vnetlab reach PATH... [--from PATTERN] [--to PATTERN]</c>: which subnets, sites and the Internet reach which, on what.</summary>
internal static class ReachCommand
{
    public static Command Create(CliContext context)
    {
        var paths = CommonOptions.Paths();
        var from = new Option<string?>("--from") { Description = "Sources: internet, KIND:PATTERN (vnet, subnet, nic, vm, site, prefix, asg), VNET/SUBNET, a prefix or a VNet pattern. Default: every subnet." };
        var to = new Option<string?>("--to") { Description = "Destinations, in the same forms. Default: every subnet, on-premises site and the Internet." };
        var format = CommonOptions.Format("text", "json");
        var command = new Command("reach", "Which subnets reach which subnets, external sites and the Internet, on which protocols and ports, for all packets.")
        {
            paths, from, to, format,
        };
        command.SetAction(parse => Run(context, parse.GetRequiredValue(paths), parse.GetValue(from), parse.GetValue(to), parse.GetRequiredValue(format)));
        return command;
    }

    private static int Run(CliContext context, string[] paths, string? fromText, string? toText, string format)
    {
        var from = AnalysisArguments.Selector(fromText, out var error);
        var to = error is null ? AnalysisArguments.Selector(toText, out error) : null;
        if (error is not null)
        {
            context.Error.WriteLine("error: " + error);
            return VNetLabCli.UnusableInput;
        }

        if (EstateLoading.Load(context, paths) is not { } import)
        {
            return VNetLabCli.UnusableInput;
        }

        // Rows are written as the matrix finds them: at scale there are millions, which must not all be held.
        var rows = new ReachabilityMatrix(NetworkAnalysis.Compile(import.Estate)).Rows(from, to);
        if (format == "json")
        {
            var buffer = new ArrayBufferWriter<byte>();
            using var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = ContractJson.Options.Encoder });
            void Drain()
            {
                writer.Flush();
                context.Out.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
                buffer.ResetWrittenCount();
            }

            AnalysisJson.WriteReach(writer, rows, Drain);
            Drain();
            context.Out.WriteLine();
        }
        else
        {
            ReachTableWriter.Write(context.Console, context.Out, rows);
        }

        return VNetLabCli.Success;
    }
}
