using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using VNetLab.EstateGenerator;

namespace VNetLab.Cli.Commands;

/// <summary>
/// <c>vnetlab generate --hubs N --spokes N ... --seed S --out DIR</c>: a synthetic hub-and-spoke estate
/// for trials and benchmarks (CONTRACT.md). <c>--preset</c> starts from small, medium or large; the other
/// options override it. The same options and seed always write the same bytes.
/// </summary>
internal static class GenerateCommand
{
    public static Command Create(CliContext context)
    {
        var preset = new Option<string>("--preset")
        {
            Description = "Start from a preset: small (50 VNets), medium (1,000 VNets), large (10,000 VNets, 50,000 subnets, ~200,000 NICs). "
                + "Other options override it. Default: small.",
        };
        preset.AcceptOnlyFromAmong([.. EstateGeneratorOptions.PresetNames]);
        var hubs = Number("--hubs", "Hub VNets, each with ExpressRoute and VPN gateways, an Azure Firewall and a VPN branch.");
        var spokes = Number("--spokes", "Spoke VNets, split evenly over the hubs.");
        var subnets = Number("--subnets-per-spoke", "Subnets per spoke (web, app and db tiers in turn).");
        var nics = Number("--nics-per-subnet", "NICs (each with a VM) per spoke subnet.");
        var onPremises = Number("--onprem-prefixes", "Prefixes the on-premises network advertises over ExpressRoute.");
        var nsgRules = Number("--nsg-rules", "Custom rules in each spoke NSG.");
        var udrs = Number("--udrs", "Routes in each spoke route table (0: no route tables).");
        var seed = Number("--seed", "Random seed; the same options and seed give byte-identical files.");
        seed.HelpName = "S";
        var output = new Option<string>("--out")
        {
            Description = "Folder to write: DIR/estate/<subscription>/<resource group>.json and DIR/manifest.json.",
            HelpName = "DIR",
            Required = true,
        };
        var noViolations = new Option<bool>("--no-violations")
        {
            Description = "Leave out the deliberate platform-rule violations the manifest lists.",
        };
        var force = new Option<bool>("--force")
        {
            Description = "Replace DIR/estate and DIR/manifest.json if they exist.",
        };
        var format = CommonOptions.Format("text", "json");
        var command = new Command("generate", "A synthetic hub-and-spoke estate written as ARM JSON, for trials and benchmarks.")
        {
            preset, hubs, spokes, subnets, nics, onPremises, nsgRules, udrs, seed, output, noViolations, force, format,
        };
        command.SetAction(parse =>
        {
            var options = EstateGeneratorOptions.Preset(parse.GetValue(preset) ?? "small") ?? EstateGeneratorOptions.Small;
            options = options with
            {
                Hubs = parse.GetValue(hubs) ?? options.Hubs,
                Spokes = parse.GetValue(spokes) ?? options.Spokes,
                SubnetsPerSpoke = parse.GetValue(subnets) ?? options.SubnetsPerSpoke,
                NicsPerSubnet = parse.GetValue(nics) ?? options.NicsPerSubnet,
                OnPremisesPrefixes = parse.GetValue(onPremises) ?? options.OnPremisesPrefixes,
                NsgRules = parse.GetValue(nsgRules) ?? options.NsgRules,
                Udrs = parse.GetValue(udrs) ?? options.Udrs,
                Seed = parse.GetValue(seed) ?? options.Seed,
                IncludeViolations = !parse.GetValue(noViolations),
            };
            return Run(context, options, parse.GetRequiredValue(output), parse.GetValue(force), parse.GetRequiredValue(format));
        });
        return command;
    }

    private static Option<int?> Number(string name, string description) => new(name) { Description = description, HelpName = "N" };

    private static int Run(CliContext context, EstateGeneratorOptions options, string output, bool force, string format)
    {
        var problems = options.Validate();
        if (!problems.IsEmpty)
        {
            foreach (var problem in problems)
            {
                context.Error.WriteLine("error: " + problem);
            }

            return VNetLabCli.UnusableInput;
        }

        var estate = Path.Combine(output, HubAndSpokeGenerator.EstateFolder);
        var manifestPath = Path.Combine(output, HubAndSpokeGenerator.ManifestFile);
        if (File.Exists(output))
        {
            context.Error.WriteLine($"error: --out {output} is a file; give a folder.");
            return VNetLabCli.UnusableInput;
        }

        var occupied = Directory.Exists(estate) && Directory.EnumerateFileSystemEntries(estate).Any();
        if (occupied && !force)
        {
            context.Error.WriteLine($"error: {estate} already holds files; choose an empty --out folder, or pass --force to replace the estate and manifest there.");
            return VNetLabCli.UnusableInput;
        }

        EstateManifest manifest;
        try
        {
            if (occupied)
            {
                // Only what generate itself writes is removed; anything else in DIR is left alone.
                Directory.Delete(estate, recursive: true);
                File.Delete(manifestPath);
            }

            Directory.CreateDirectory(output);
            manifest = HubAndSpokeGenerator.Generate(options, output);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine($"error: cannot write to {output}: {e.Message}");
            return VNetLabCli.UnusableInput;
        }

        if (format == "json")
        {
            using var buffer = new MemoryStream();
            manifest.WriteTo(buffer);
            context.Out.Write(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
            return VNetLabCli.Success;
        }

        WriteText(context, manifest, estate, manifestPath);
        return VNetLabCli.Success;
    }

    private static void WriteText(CliContext context, EstateManifest manifest, string estate, string manifestPath)
    {
        var c = manifest.Counts;
        var table = new Table().AddColumn("resource").AddColumn(new TableColumn("count").RightAligned());
        foreach (var (name, count) in new (string, int)[]
        {
            ("resource groups (files)", c.ResourceGroups), ("virtual networks", c.VirtualNetworks), ("subnets", c.Subnets),
            ("peerings", c.VirtualNetworkPeerings), ("network interfaces", c.NetworkInterfaces), ("virtual machines", c.VirtualMachines),
            ("network security groups", c.NetworkSecurityGroups), ("security rules", c.SecurityRules),
            ("application security groups", c.ApplicationSecurityGroups), ("route tables", c.RouteTables), ("routes", c.Routes),
            ("virtual network gateways", c.VirtualNetworkGateways), ("connections", c.Connections),
            ("local network gateways", c.LocalNetworkGateways), ("ExpressRoute circuits", c.ExpressRouteCircuits),
            ("Azure Firewalls", c.AzureFirewalls), ("public IP addresses", c.PublicIpAddresses), ("external sites", c.ExternalSites),
            ("on-premises prefixes", c.OnPremisesPrefixes),
        })
        {
            table.AddRow(Markup.Escape(name), count.ToString("N0", CultureInfo.InvariantCulture));
        }

        context.Console.Write(table);
        context.Out.WriteLine($"Estate: {estate}");
        context.Out.WriteLine($"Manifest: {manifestPath}");
        if (!manifest.Violations.IsEmpty)
        {
            context.Out.WriteLine("Deliberate platform-rule violations:");
            foreach (var v in manifest.Violations)
            {
                context.Out.WriteLine($"  constraints.md {v.Constraint} {v.AzureCode ?? "(no Azure code captured)"}: {v.ResourceId}");
            }
        }

        context.Out.WriteLine($"Next: vnetlab validate {estate}");
    }
}
