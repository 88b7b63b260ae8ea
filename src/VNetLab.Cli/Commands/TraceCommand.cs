using System.CommandLine;
using VNetLab.Analysis;
using VNetLab.Analysis.Tracing;
using VNetLab.Arm.Contracts;
using VNetLab.Cli.Rendering;
using VNetLab.Security;

namespace VNetLab.Cli.Commands;

/// <summary><c>vnetlab trace PATH... --from NIC|VM|IP --to IP|NAME</c>: the hop-by-hop path of one packet, both ways.</summary>
internal static class TraceCommand
{
    public static Command Create(CliContext context)
    {
        var paths = CommonOptions.Paths();
        var from = new Option<string>("--from") { Description = "Where the packet starts: a NIC or VM (name or resource id), VNET/SUBNET, or an IP address.", Required = true };
        var to = new Option<string>("--to") { Description = "Where it goes: an IP address, a NIC, VM or external site name, VNET/SUBNET (its first usable address), or 'internet'.", Required = true };
        var protocol = new Option<string>("--protocol") { Description = "Tcp (default), Udp, Icmp, Esp or Ah.", DefaultValueFactory = _ => "Tcp" };
        var port = new Option<int>("--port") { Description = "Destination port (default 443).", DefaultValueFactory = _ => 443 };
        var sourcePort = new Option<int>("--source-port") { Description = "Source port (default 49152, the first ephemeral port).", DefaultValueFactory = _ => 49152 };
        var format = CommonOptions.Format("text", "json");
        var command = new Command("trace", "Hop-by-hop path of a packet and of its reply: every route, NSG rule, peering, gateway, tunnel, circuit, appliance and firewall decision.")
        {
            paths, from, to, protocol, port, sourcePort, format,
        };
        command.SetAction(parse => Run(context, parse.GetRequiredValue(paths), parse.GetRequiredValue(from), parse.GetRequiredValue(to),
            parse.GetRequiredValue(protocol), parse.GetValue(port), parse.GetValue(sourcePort), parse.GetRequiredValue(format)));
        return command;
    }

    private static int Run(CliContext context, string[] paths, string fromText, string toText, string protocolText, int port, int sourcePort, string format)
    {
        if (EstateLoading.Load(context, paths) is not { } import)
        {
            return VNetLabCli.UnusableInput;
        }

        var analysis = NetworkAnalysis.Compile(import.Estate);
        var source = AnalysisArguments.Source(analysis, fromText, out var error);
        var destination = error is null ? AnalysisArguments.Destination(analysis, toText, out error) : null;
        var protocol = error is null ? AnalysisArguments.Protocol(protocolText, out error) : null;
        if (error is null && (port is < 0 or > 65535 || sourcePort is < 0 or > 65535))
        {
            error = "ports are numbers from 0 to 65535.";
        }

        if (error is not null || source is not { } start || destination is not { } target || protocol is not { } p)
        {
            context.Error.WriteLine("error: " + error);
            return VNetLabCli.UnusableInput;
        }

        var packet = Packet.Create(p, start.Address, sourcePort, target, port);
        var result = new Tracer(analysis).TraceBothWays(start.Endpoint, packet);
        if (format == "json")
        {
            context.Out.WriteLine(ContractJson.Serialize(AnalysisJson.TraceResult(result)));
        }
        else
        {
            AnalysisTextRenderer.WriteTraceResult(context.Out, result);
        }

        return VNetLabCli.Success;
    }
}
