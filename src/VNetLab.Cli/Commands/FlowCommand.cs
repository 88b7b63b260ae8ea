using System.CommandLine;
using Spectre.Console;
using VNetLab.Arm.Contracts;
using VNetLab.Cli.Arguments;
using VNetLab.Cli.Rendering;
using VNetLab.Model;
using VNetLab.Security;

namespace VNetLab.Cli.Commands;

/// <summary>
/// <c>vnetlab flow PATH... --nic NIC --direction Inbound|Outbound --protocol TCP|UDP|ICMP|* --local IP:PORT --remote IP:PORT
/// [--explain]</c>: IP flow verify. Beyond Azure's TCP and UDP it accepts ICMP, and <c>*</c> (TCP, UDP and ICMP at
/// once: Allow only when all three are allowed).
/// </summary>
internal static class FlowCommand
{
    public static Command Create(CliContext context)
    {
        var paths = CommonOptions.Paths();
        var nic = CommonOptions.NetworkInterface("the packet enters or leaves");
        var direction = new Option<string>("--direction")
        {
            Description = "Inbound (the remote end sends to the NIC) or Outbound (the NIC sends to the remote end).",
            Required = true,
        };
        var protocol = new Option<string>("--protocol")
        {
            Description = "TCP, UDP, ICMP, or * for all three.",
            Required = true,
        };
        var local = new Option<string>("--local")
        {
            Description = "The NIC's end, IP:PORT (the IP must be one of the NIC's private addresses; no port for ICMP).",
            Required = true,
        };
        var remote = new Option<string>("--remote")
        {
            Description = "The far end, IP:PORT (no port for ICMP).",
            Required = true,
        };
        var format = CommonOptions.Format("text", "json");
        var explain = CommonOptions.Explain("List every rule evaluated, in order, and why it did or did not match.");
        var serviceTags = CommonOptions.ServiceTags();
        var command = new Command("flow", "IP flow verify: is this packet allowed in or out of the network interface, and by which rule?")
        {
            paths,
            nic,
            direction,
            protocol,
            local,
            remote,
            format,
            explain,
            serviceTags,
        };
        command.SetAction(parse => Run(context, new FlowArguments(
            parse.GetRequiredValue(paths), parse.GetRequiredValue(nic), parse.GetRequiredValue(direction), parse.GetRequiredValue(protocol),
            parse.GetRequiredValue(local), parse.GetRequiredValue(remote), parse.GetRequiredValue(format), parse.GetValue(explain),
            parse.GetValue(serviceTags))));
        return command;
    }

    private static int Run(CliContext context, FlowArguments arguments)
    {
        if (!TryParseQuestion(arguments, context.Error, out var direction, out var protocols, out var local, out var remote))
        {
            return VNetLabCli.UnusableInput;
        }

        if (EstateLoading.Load(context, arguments.Paths) is not { } import)
        {
            return VNetLabCli.UnusableInput;
        }

        if (!ResourceArgument.TryResolve(ResourceLookup.NetworkInterface(import.Estate, arguments.Nic), "--nic", arguments.Nic, "network interface", out var nic, out var error))
        {
            context.Error.WriteLine("error: " + error);
            return VNetLabCli.UnusableInput;
        }

        if (SecurityLoading.Compile(context, import.Estate, arguments.ServiceTags) is not { } compiled)
        {
            return VNetLabCli.UnusableInput;
        }

        var security = compiled.For(nic);
        if (!security.Addresses.Contains(local.Address))
        {
            context.Error.WriteLine($"error: --local {local.Address} is not an address of network interface {nic.Name} (its addresses: {security.Addresses}).");
            context.Error.WriteLine("  IP flow verify tests a flow at the NIC: --local is the NIC's own private IP.");
            return VNetLabCli.UnusableInput;
        }

        var explanations = protocols
            .Select(p => security.Explain(direction, Packet.ForDirection(direction, p, local.Address, local.Port ?? 0, remote.Address, remote.Port ?? 0)))
            .ToList();

        // With several protocols the answer is Allow only when every one is allowed; the first denied one speaks.
        var answer = explanations.FirstOrDefault(e => !e.Verdict.IsAllowed) ?? explanations[0];
        var notes = explanations.SelectMany(e => e.Notes).ToList();
        if (arguments.Format == "json")
        {
            context.Out.WriteLine(ContractJson.Serialize(VerificationIpFlowResult.From(answer.Verdict)));
            NotesRenderer.Write(context, notes, toStderr: true);
            return VNetLabCli.Success;
        }

        foreach (var explanation in explanations)
        {
            WriteText(context.Console, nic, explanation, arguments.Explain);
        }

        NotesRenderer.Write(context, notes, toStderr: false);
        return VNetLabCli.Success;
    }

    private static bool TryParseQuestion(FlowArguments arguments, TextWriter error, out SecurityRuleDirection direction,
        out IReadOnlyList<SecurityProtocol> protocols, out Endpoint local, out Endpoint remote)
    {
        protocols = [];
        local = remote = default;
        if (!Enum.TryParse(arguments.Direction, ignoreCase: true, out direction) || !Enum.IsDefined(direction))
        {
            error.WriteLine($"error: --direction {arguments.Direction}: give Inbound or Outbound.");
            return false;
        }

        if (arguments.Protocol.Trim() == "*")
        {
            protocols = [SecurityProtocol.Tcp, SecurityProtocol.Udp, SecurityProtocol.Icmp];
        }
        else if (SecurityProtocolExtensions.TryParse(arguments.Protocol, out var protocol) && protocol is SecurityProtocol.Tcp or SecurityProtocol.Udp or SecurityProtocol.Icmp)
        {
            protocols = [protocol];
        }
        else
        {
            error.WriteLine($"error: --protocol {arguments.Protocol}: give TCP, UDP, ICMP or *.");
            return false;
        }

        if (!Endpoint.TryParse(arguments.Local, out var localProblem, out local))
        {
            error.WriteLine($"error: --local {localProblem}");
            return false;
        }

        if (!Endpoint.TryParse(arguments.Remote, out var remoteProblem, out remote))
        {
            error.WriteLine($"error: --remote {remoteProblem}");
            return false;
        }

        if (local.Address.Family != remote.Address.Family)
        {
            error.WriteLine("error: --local and --remote must both be IPv4 or both IPv6.");
            return false;
        }

        var needsPorts = protocols.Any(p => p.HasPorts());
        if (needsPorts && (local.Port is null || remote.Port is null))
        {
            error.WriteLine($"error: {string.Join("/", protocols.Where(p => p.HasPorts()))} needs ports: give --local and --remote as IP:PORT, e.g. 10.0.0.4:443.");
            return false;
        }

        return true;
    }

    private static void WriteText(IAnsiConsole console, NetworkInterface nic, FlowExplanation explanation, bool explain)
    {
        var verdict = explanation.Verdict;
        var access = verdict.IsAllowed ? "[green]Allow[/]" : "[red]Deny[/]";
        var decidedBy = verdict.Decision switch
        {
            FlowDecision.Rule => Markup.Escape(verdict.RuleName ?? string.Empty),
            FlowDecision.NoNetworkSecurityGroup => "no rule: no NSG on the network interface or its subnet",
            FlowDecision.PlatformTraffic => "no rule: platform traffic (168.63.129.16, 169.254.169.254) is not filtered by NSGs",
            _ => "no rule: reply of a flow allowed in the other direction",
        };
        console.MarkupLine($"{access}  {decidedBy}");
        console.MarkupLine($"  {Markup.Escape(explanation.Packet.ToString())}, {explanation.Direction.ToString().ToLowerInvariant()} at {Markup.Escape(nic.Name)}");
        if (verdict.NetworkSecurityGroup is { } nsg && explanation.Steps.FirstOrDefault(s => s.Association.NetworkSecurityGroup == nsg) is { } step)
        {
            console.MarkupLine($"  decided by NSG {Markup.Escape(nsg.NetworkSecurityGroup.Name)} on {Where(step.Association)}");
        }

        if (!explain)
        {
            return;
        }

        foreach (var evaluation in explanation.Steps)
        {
            console.MarkupLine($"  NSG [bold]{Markup.Escape(evaluation.Association.NetworkSecurityGroup.NetworkSecurityGroup.Name)}[/] on {Where(evaluation.Association)}:");
            foreach (var rule in evaluation.Rules)
            {
                var mark = rule.Matched ? (rule.Rule.Access == SecurityRuleAccess.Allow ? "[green]>[/]" : "[red]>[/]") : " ";
                console.MarkupLine($"   {mark} {rule.Rule.Priority,5} {Markup.Escape(rule.Rule.Name),-45} {rule.Rule.Access,-5} {Markup.Escape(rule.Reason(explanation.Packet))}");
            }

            if (evaluation.DecidingRule is null)
            {
                console.MarkupLine("      no rule applied: the packet passes this NSG");
            }
        }
    }

    private static string Where(NetworkSecurityGroupAssociation association) =>
        (association.Kind == NetworkSecurityGroupAssociationKind.Subnet ? "subnet " : "network interface ") + Markup.Escape(association.AssociatedResourceId.Name);

    private sealed record FlowArguments(string[] Paths, string Nic, string Direction, string Protocol, string Local, string Remote,
        string Format, bool Explain, string? ServiceTags);
}
