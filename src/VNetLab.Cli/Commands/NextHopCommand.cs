using System.CommandLine;
using Spectre.Console;
using VNetLab.Addressing;
using VNetLab.Arm.Contracts;
using VNetLab.Cli.Arguments;
using VNetLab.Cli.Rendering;
using VNetLab.Diagnostics;
using VNetLab.Model;
using VNetLab.Routing;

namespace VNetLab.Cli.Commands;

/// <summary>
/// <c>vnetlab next-hop PATH... --nic NIC --destination-ip IP [--source-ip IP]</c>: Network Watcher's next hop
/// (type, IP, and the route table that decided or <c>System Route</c>).
/// </summary>
internal static class NextHopCommand
{
    public static Command Create(CliContext context)
    {
        var paths = CommonOptions.Paths();
        var format = CommonOptions.Format("text", "json");
        var nic = new Option<string>("--nic") { Description = "The network interface the traffic leaves: its name or resource id.", Required = true };
        var destination = new Option<string>("--destination-ip") { Description = "The destination IP address.", Required = true };
        var source = new Option<string?>("--source-ip")
        {
            Description = "The source IP address: one of the NIC's addresses; it picks the IP configuration (and so the subnet) when the NIC has several.",
        };
        var routing = new RoutingArguments();
        var command = new Command("next-hop", "The next hop of a packet from a NIC to an IP address, as Network Watcher reports it.")
        {
            paths,
            nic,
            destination,
            source,
            format,
        };
        routing.AddTo(command);
        command.SetAction(parse => Run(context, parse, parse.GetRequiredValue(paths), parse.GetRequiredValue(nic),
            parse.GetRequiredValue(destination), parse.GetValue(source), parse.GetRequiredValue(format), routing));
        return command;
    }

    private static int Run(CliContext context, ParseResult parse, string[] paths, string nicText, string destinationText, string? sourceText,
        string format, RoutingArguments routingArguments)
    {
        if (!IpAddress.TryParse(destinationText, out var destination))
        {
            context.Error.WriteLine($"error: --destination-ip {destinationText}: not an IP address; write it as 10.1.2.3.");
            return VNetLabCli.UnusableInput;
        }

        IpAddress? source = null;
        if (sourceText is not null)
        {
            if (!IpAddress.TryParse(sourceText, out var parsed))
            {
                context.Error.WriteLine($"error: --source-ip {sourceText}: not an IP address; write it as 10.1.2.3.");
                return VNetLabCli.UnusableInput;
            }

            source = parsed;
        }

        if (routingArguments.Load(context, parse, paths) is not { } input)
        {
            return VNetLabCli.UnusableInput;
        }

        if (!ResourceArgument.TryResolve(ResourceLookup.NetworkInterface(input.Estate, nicText), "--nic", nicText, "network interface", out var nic, out var error))
        {
            context.Error.WriteLine("error: " + error);
            return VNetLabCli.UnusableInput;
        }

        // The source address picks the IP configuration, whose subnet's routes apply.
        var from = nic.PrimaryIpConfiguration;
        if (source is { } sourceAddress)
        {
            from = nic.IpConfigurations.FirstOrDefault(c => c.PrivateIpAddress == sourceAddress);
            if (from is null)
            {
                var known = string.Join(", ", nic.IpConfigurations.Select(c => c.PrivateIpAddress?.ToString()).OfType<string>());
                context.Error.WriteLine($"error: --source-ip {sourceText}: not an address of network interface {nic.Name} (its addresses: {known}).");
                return VNetLabCli.UnusableInput;
            }
        }

        var compiled = input.Compile();
        var lookupId = from?.SubnetId is not null ? from.Id : nic.Id;
        if (!compiled.TryGetNextHop(lookupId, destination, out var result))
        {
            context.Error.WriteLine($"error: --nic {nicText}: the network interface is not in a subnet of the estate, so it has no routes.");
            return VNetLabCli.UnusableInput;
        }

        var notes = compiled.NotesFor(lookupId).ToList();
        if (result.Route is { Source: EffectiveRouteSource.VirtualNetworkGateway, Origin: { } gateway })
        {
            notes.Add(DiagnosticCatalog.GatewayRouteTableIdAssumed(gateway));
            notes = [.. notes.OrderBy(n => n.Code, StringComparer.Ordinal).ThenBy(n => n.ResourceId?.Value, StringComparer.OrdinalIgnoreCase)];
        }

        if (format == "json")
        {
            context.Out.WriteLine(ContractJson.Serialize(NextHopResultDocument.From(result, notes)));
            return VNetLabCli.Success;
        }

        var console = context.Console;
        console.MarkupLine($"[bold]Next hop from {Markup.Escape(nic.Name)} to {destination}[/]");
        var grid = new Table().HideHeaders().AddColumn("field").AddColumn("value");
        grid.AddRow("Next hop type", result.NextHopType.ToString());
        grid.AddRow("Next hop IP address", Markup.Escape(result.NextHopIpAddress?.ToString() ?? "-"));
        grid.AddRow("Route table ID", Markup.Escape(result.RouteTableIdText));
        if (result.Route is { } route)
        {
            grid.AddRow("Matched route", Markup.Escape($"{result.MatchedPrefix} ({route.Source}{(route.Name is null ? string.Empty : " " + route.Name)})"));
            grid.AddRow("Why", Markup.Escape(route.Explanation));
        }
        else
        {
            grid.AddRow("Matched route", "none: no route covers the destination, the packet is dropped");
        }

        console.Write(grid);
        RoutesTextRenderer.WriteNotes(context, notes);
        return VNetLabCli.Success;
    }
}
