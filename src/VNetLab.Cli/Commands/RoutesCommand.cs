using System.CommandLine;
using System.Runtime.InteropServices;
using VNetLab.Arm.Contracts;
using VNetLab.Cli.Arguments;
using VNetLab.Cli.Rendering;
using VNetLab.Diagnostics;
using VNetLab.Model;
using VNetLab.Routing;

namespace VNetLab.Cli.Commands;

/// <summary>
/// <c>vnetlab routes PATH... (--nic NIC | --subnet VNET/SUBNET | --all)</c>: the effective routes Azure would list
/// for a NIC or a subnet (any subnet, GatewaySubnet and subnets without VMs included), or for every subnet.
/// </summary>
internal static class RoutesCommand
{
    public static Command Create(CliContext context)
    {
        var paths = CommonOptions.Paths();
        var format = CommonOptions.Format("text", "json");
        var nic = new Option<string?>("--nic") { Description = "The network interface: its name or resource id." };
        var subnet = new Option<string?>("--subnet") { Description = "The subnet as VNET/SUBNET, or its resource id." };
        var all = new Option<bool>("--all") { Description = "Every subnet's table, one JSON object per line: { \"subnetId\": ..., \"value\": [...] }." };
        var explain = new Option<bool>("--explain") { Description = "Say why each route is Active or Invalid, and which routes Azure does not list and why." };
        var routing = new RoutingArguments();
        var command = new Command("routes", "Effective routes of a NIC or subnet, as Azure's effective route table reports them.")
        {
            paths,
            nic,
            subnet,
            all,
            format,
            explain,
        };
        routing.AddTo(command);
        command.SetAction(parse => Run(context, parse, parse.GetRequiredValue(paths), parse.GetValue(nic), parse.GetValue(subnet),
            parse.GetValue(all), parse.GetRequiredValue(format), parse.GetValue(explain), routing));
        return command;
    }

    private static int Run(CliContext context, ParseResult parse, string[] paths, string? nicText, string? subnetText, bool all,
        string format, bool explain, RoutingArguments routingArguments)
    {
        var chosen = (nicText is null ? 0 : 1) + (subnetText is null ? 0 : 1) + (all ? 1 : 0);
        if (chosen != 1)
        {
            context.Error.WriteLine("error: give exactly one of --nic NIC, --subnet VNET/SUBNET or --all.");
            return VNetLabCli.UnusableInput;
        }

        if (routingArguments.Load(context, parse, paths) is not { } input)
        {
            return VNetLabCli.UnusableInput;
        }

        var estate = input.Estate;
        ResourceId target;
        string title;
        if (nicText is not null)
        {
            if (!ResourceArgument.TryResolve(ResourceLookup.NetworkInterface(estate, nicText), "--nic", nicText, "network interface", out var nic, out var error))
            {
                context.Error.WriteLine("error: " + error);
                return VNetLabCli.UnusableInput;
            }

            if (estate.SubnetOf(nic) is not { } nicSubnet)
            {
                context.Error.WriteLine($"error: --nic {nicText}: the network interface is not in a subnet of the estate, so it has no routes.");
                return VNetLabCli.UnusableInput;
            }

            target = nic.Id;
            title = $"Effective routes of network interface {nic.Name} (subnet {nicSubnet.VirtualNetworkId.Name}/{nicSubnet.Name})";
        }
        else if (subnetText is not null)
        {
            if (!ResourceArgument.TryResolve(ResourceLookup.Subnet(estate, subnetText), "--subnet", subnetText, "subnet", out var subnet, out var error))
            {
                context.Error.WriteLine("error: " + error);
                return VNetLabCli.UnusableInput;
            }

            target = subnet.Id;
            title = $"Effective routes of subnet {subnet.VirtualNetworkId.Name}/{subnet.Name}";
        }
        else
        {
            return WriteAll(context, input.Compile(), explain);
        }

        var compiled = input.Compile();
        if (!compiled.TryGetSubnetRouting(target, out var routing))
        {
            context.Error.WriteLine($"error: {target} has no compiled routes (its subnet's VNet is not in the estate).");
            return VNetLabCli.UnusableInput;
        }

        if (format == "json")
        {
            context.Out.WriteLine(ContractJson.Serialize(EffectiveRouteListResult.From(routing.Table.GetRoutes(), routing.Notes, explain)));
        }
        else
        {
            RoutesTextRenderer.Write(context, title, routing.Table, routing.Notes, explain);
        }

        return VNetLabCli.Success;
    }

    /// <summary>Every subnet as one JSON line on stdout; the notes, once each, on stderr.</summary>
    private static int WriteAll(CliContext context, CompiledRouting compiled, bool explain)
    {
        // A hub's gateway routes are one shared instance for every subnet of every spoke using it (thousands of
        // on-premises prefixes, tens of thousands of subnets at large): their entries are made once, not once
        // per subnet. Only gateway routes are kept, so the cache stays the size of the hubs' route sets.
        var gatewayEntries = new Dictionary<EffectiveRoute, EffectiveRouteEntry>(ReferenceEqualityComparer.Instance);
        foreach (var subnet in compiled.Subnets)
        {
            var entries = new EffectiveRouteEntry[subnet.Table.RouteCount];
            var at = 0;
            foreach (var route in subnet.Table.EnumerateRoutes())
            {
                if (route.Source != EffectiveRouteSource.VirtualNetworkGateway)
                {
                    entries[at++] = EffectiveRouteEntry.From(route, explain);
                    continue;
                }

                if (!gatewayEntries.TryGetValue(route, out var entry))
                {
                    entry = EffectiveRouteEntry.From(route, explain);
                    gatewayEntries.Add(route, entry);
                }

                entries[at++] = entry;
            }

            JsonLines.WriteLine(context.Out, new SubnetEffectiveRoutes(subnet.SubnetId.Value, ImmutableCollectionsMarshal.AsImmutableArray(entries)));
        }

        foreach (var note in compiled.Notes)
        {
            context.Error.WriteLine($"{note.Severity.ToContractString()} {note.Code}: {note.Message}");
        }

        return VNetLabCli.Success;
    }
}
