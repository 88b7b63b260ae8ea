using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using VNetLab.Arm.Contracts;
using VNetLab.Cli.Arguments;
using VNetLab.Cli.Rendering;
using VNetLab.Model;
using VNetLab.Security;

namespace VNetLab.Cli.Commands;

/// <summary>
/// <c>vnetlab security-rules PATH... --nic NIC [--format text|json] [--explain] [--service-tags FILE]</c>: the
/// effective security rules of a NIC, as NetworkInterfaces_ListEffectiveNetworkSecurityGroups returns them.
/// </summary>
internal static class SecurityRulesCommand
{
    public static Command Create(CliContext context)
    {
        var paths = CommonOptions.Paths();
        var nic = CommonOptions.NetworkInterface("whose effective security rules to list");
        var format = CommonOptions.Format("text", "json");
        var explain = CommonOptions.Explain("Also show where each VirtualNetwork prefix comes from and what each service tag expands to.");
        var serviceTags = CommonOptions.ServiceTags();
        var command = new Command("security-rules", "Effective security rules of a network interface: the NSGs of its subnet and its own, "
            + "with service tags and application security groups expanded, as Azure's effective security rules show them.")
        {
            paths,
            nic,
            format,
            explain,
            serviceTags,
        };
        command.SetAction(parse => Run(context, parse.GetRequiredValue(paths), parse.GetRequiredValue(nic), parse.GetRequiredValue(format),
            parse.GetValue(explain), parse.GetValue(serviceTags)));
        return command;
    }

    private static int Run(CliContext context, string[] paths, string nicText, string format, bool explain, string? serviceTagsFile)
    {
        if (EstateLoading.Load(context, paths) is not { } import)
        {
            return VNetLabCli.UnusableInput;
        }

        if (!ResourceArgument.TryResolve(ResourceLookup.NetworkInterface(import.Estate, nicText), "--nic", nicText, "network interface", out var nic, out var error))
        {
            context.Error.WriteLine("error: " + error);
            return VNetLabCli.UnusableInput;
        }

        if (SecurityLoading.Compile(context, import.Estate, serviceTagsFile) is not { } compiled)
        {
            return VNetLabCli.UnusableInput;
        }

        var security = compiled.For(nic);
        if (format == "json")
        {
            context.Out.WriteLine(ContractJson.Serialize(EffectiveNetworkSecurityGroupListResult.From(security)));
            NotesRenderer.Write(context, security.Notes, toStderr: true);
            return VNetLabCli.Success;
        }

        WriteText(context.Console, security, explain);
        NotesRenderer.Write(context, security.Notes, toStderr: false);
        return VNetLabCli.Success;
    }

    private static void WriteText(IAnsiConsole console, NetworkInterfaceSecurity security, bool explain)
    {
        console.MarkupLine($"[bold]{Markup.Escape(security.NetworkInterface.Name)}[/] {Markup.Escape(string.Join(", ", security.Addresses.ToRanges()))}"
            + (security.Subnet is { } subnet ? $" in subnet {Markup.Escape(subnet.Name)} of {Markup.Escape(subnet.VirtualNetworkId.Name)}" : string.Empty));
        if (security.Associations.IsEmpty)
        {
            console.WriteLine("No network security group is associated with the network interface or its subnet: nothing filters its traffic.");
            return;
        }

        foreach (var association in security.Associations)
        {
            var effective = EffectiveNetworkSecurityGroup.From(association);
            console.WriteLine();
            console.MarkupLine($"NSG [bold]{Markup.Escape(association.NetworkSecurityGroup.NetworkSecurityGroup.Name)}[/] on "
                + (association.Kind == NetworkSecurityGroupAssociationKind.Subnet ? "subnet " : "network interface ")
                + Markup.Escape(association.AssociatedResourceId.Name));
            var table = new Table()
                .AddColumn("name").AddColumn("direction").AddColumn(new TableColumn("priority").RightAligned()).AddColumn("access")
                .AddColumn("protocol").AddColumn("source").AddColumn("source ports").AddColumn("destination").AddColumn("destination ports");
            foreach (var rule in effective.EffectiveSecurityRules)
            {
                table.AddRow(
                    Markup.Escape(rule.Name),
                    rule.Direction,
                    rule.Priority.ToString(CultureInfo.InvariantCulture),
                    rule.Access == "Deny" ? "[red]Deny[/]" : "[green]Allow[/]",
                    rule.Protocol,
                    Markup.Escape(Addresses(rule.SourceAddressPrefix, rule.SourceAddressPrefixes, rule.ExpandedSourceAddressPrefix)),
                    Markup.Escape(rule.SourcePortRange ?? string.Join(", ", rule.SourcePortRanges)),
                    Markup.Escape(Addresses(rule.DestinationAddressPrefix, rule.DestinationAddressPrefixes, rule.ExpandedDestinationAddressPrefix)),
                    Markup.Escape(rule.DestinationPortRange ?? string.Join(", ", rule.DestinationPortRanges)));
            }

            console.Write(table);
        }

        if (explain)
        {
            WriteExpansions(console, security);
        }
    }

    private static string Addresses(string? single, IReadOnlyCollection<string> several, IReadOnlyCollection<string> expanded)
    {
        var written = single ?? string.Join(", ", several);
        if (expanded.Count == 0)
        {
            return written;
        }

        var shown = expanded.Count <= 3 ? string.Join(", ", expanded) : $"{expanded.Count} prefixes";
        return written.Length == 0 ? shown : $"{written} ({shown})";
    }

    private static void WriteExpansions(IAnsiConsole console, NetworkInterfaceSecurity security)
    {
        console.WriteLine();
        console.MarkupLine("[bold]VirtualNetwork[/] for this network interface (semantics.md 4.5):");
        foreach (var prefix in security.VirtualNetworkTag.Prefixes)
        {
            var why = prefix.Origin switch
            {
                VirtualNetworkTagPrefixOrigin.AddressSpace => $"address space of {prefix.From?.Name}",
                VirtualNetworkTagPrefixOrigin.PeeredVirtualNetwork => $"peered through {prefix.From?.Name}",
                VirtualNetworkTagPrefixOrigin.Gateway => "learned by the gateway",
                VirtualNetworkTagPrefixOrigin.UserDefinedRoute => $"user-defined route {prefix.From?.Parent?.Name}/{prefix.From?.Name}",
                _ => "the host's virtual IP (always included)",
            };
            console.MarkupLine($"  {Markup.Escape(prefix.Prefix.ToString()),-20} {Markup.Escape(why)}");
        }

        var tags = security.Associations
            .SelectMany(a => a.NetworkSecurityGroup.Inbound.Concat(a.NetworkSecurityGroup.Outbound))
            .SelectMany(r => r.SourceTerms.Concat(r.DestinationTerms))
            .Where(t => t.Kind is RuleAddressKind.ServiceTag or RuleAddressKind.ApplicationSecurityGroup && !t.IsVirtualNetworkTag)
            .DistinctBy(t => t.ToString())
            .OrderBy(t => t.ToString(), StringComparer.OrdinalIgnoreCase);
        foreach (var tag in tags)
        {
            var prefixes = tag.ExpandedPrefixes;
            var shown = prefixes.Length <= 8 ? string.Join(", ", prefixes) : string.Join(", ", prefixes.Take(8)) + $", ... ({prefixes.Length} prefixes)";
            console.MarkupLine($"[bold]{Markup.Escape(tag.ToString())}[/]: {Markup.Escape(prefixes.IsEmpty ? "no address" : shown)}");
        }
    }
}
