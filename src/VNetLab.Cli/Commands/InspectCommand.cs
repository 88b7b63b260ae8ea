using System.CommandLine;
using Spectre.Console;
using VNetLab.Arm.Contracts;

namespace VNetLab.Cli.Commands;

/// <summary><c>vnetlab inspect PATH...</c>: an inventory of the estate.</summary>
internal static class InspectCommand
{
    public static Command Create(CliContext context)
    {
        var paths = CommonOptions.Paths();
        var format = CommonOptions.Format("text", "json");
        var command = new Command("inspect", "Inventory of the estate: counts per type, VNets with address spaces, subnets, peerings and gateways.")
        {
            paths,
            format,
        };
        command.SetAction(parse => Run(context, parse.GetRequiredValue(paths), parse.GetRequiredValue(format)));
        return command;
    }

    private static int Run(CliContext context, string[] paths, string format)
    {
        if (EstateLoading.Load(context, paths) is not { } import)
        {
            return VNetLabCli.UnusableInput;
        }

        var inventory = InventoryDocument.From(import.Estate);
        if (format == "json")
        {
            context.Out.WriteLine(ContractJson.Serialize(inventory));
            return VNetLabCli.Success;
        }

        WriteText(context.Console, inventory);
        return VNetLabCli.Success;
    }

    private static void WriteText(IAnsiConsole console, InventoryDocument inventory)
    {
        var counts = new Table().AddColumn("resource type").AddColumn(new TableColumn("count").RightAligned());
        foreach (var (type, count) in inventory.Counts)
        {
            counts.AddRow(Markup.Escape(type), count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        console.Write(counts);
        foreach (var v in inventory.VirtualNetworks)
        {
            console.MarkupLine($"[bold]{Markup.Escape(v.Name)}[/] ({Markup.Escape(v.Location ?? "no location")}) {Markup.Escape(string.Join(", ", v.AddressSpace))}");
            foreach (var s in v.Subnets)
            {
                var extras = string.Join(", ", new[]
                {
                    s.NetworkSecurityGroup is null ? null : "nsg " + s.NetworkSecurityGroup,
                    s.RouteTable is null ? null : "route table " + s.RouteTable,
                    s.NetworkInterfaces == 0 ? null : s.NetworkInterfaces + " NIC(s)",
                }.OfType<string>());
                console.MarkupLine($"  subnet {Markup.Escape(s.Name)} {Markup.Escape(string.Join(", ", s.AddressPrefixes))}{(extras.Length > 0 ? " [grey](" + Markup.Escape(extras) + ")[/]" : string.Empty)}");
            }

            foreach (var p in v.Peerings)
            {
                var flags = string.Join(", ", new[]
                {
                    p.AllowVirtualNetworkAccess ? "access" : "no access",
                    p.AllowForwardedTraffic ? "forwarded" : null,
                    p.AllowGatewayTransit ? "gateway transit" : null,
                    p.UseRemoteGateways ? "use remote gateways" : null,
                    p.PeeringState,
                }.OfType<string>());
                console.MarkupLine($"  peering {Markup.Escape(p.Name)} -> {Markup.Escape(LastSegment(p.RemoteVirtualNetwork))} [grey]({Markup.Escape(flags)})[/]");
            }

            foreach (var g in v.Gateways)
            {
                console.MarkupLine($"  gateway {Markup.Escape(g.Name)} {g.GatewayType} {Markup.Escape(g.Sku ?? "no SKU")}{(g.EnableBgp ? " BGP AS" + g.Asn : string.Empty)}{(g.ActiveActive ? " active-active" : string.Empty)}");
            }
        }

        foreach (var site in inventory.ExternalSites)
        {
            console.MarkupLine($"[bold]site {Markup.Escape(site.Name)}[/] ({site.Role}{(site.Asn is null ? string.Empty : ", AS" + site.Asn)}) advertises {Markup.Escape(string.Join(", ", site.AdvertisedPrefixes))}");
        }
    }

    private static string LastSegment(string id) => id[(id.LastIndexOf('/') + 1)..];
}
