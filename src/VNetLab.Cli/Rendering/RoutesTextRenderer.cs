using Spectre.Console;
using VNetLab.Diagnostics;
using VNetLab.Routing;

namespace VNetLab.Cli.Rendering;

/// <summary>Effective routes for people: one table sorted by prefix, the routes Azure does not list under <c>--explain</c>, then the notes.</summary>
internal static class RoutesTextRenderer
{
    private const int MaxPrefixesShown = 4;
    private const int MaxSuppressedShown = 25;

    public static void Write(CliContext context, string title, EffectiveRouteTable table, IReadOnlyCollection<Diagnostic> notes, bool explain)
    {
        var console = context.Console;
        console.MarkupLine($"[bold]{Markup.Escape(title)}[/]");
        var grid = new Table()
            .AddColumn("Source").AddColumn("State").AddColumn("Address prefix").AddColumn("Next hop type").AddColumn("Next hop IP").AddColumn("Name");
        if (explain)
        {
            grid.AddColumn("Reason");
        }

        foreach (var route in Sorted(table.GetRoutes()))
        {
            var cells = new List<string>
            {
                route.Source.ToString(),
                route.State.ToString(),
                Prefixes(route),
                route.NextHopType.ToString() + (route.NextHopUnreachable ? " (unreachable)" : string.Empty),
                string.Join(", ", route.NextHopIpAddresses),
                route.Name ?? string.Empty,
            };
            if (explain)
            {
                cells.Add(route.Explanation);
            }

            grid.AddRow([.. cells.Select(Markup.Escape)]);
        }

        console.Write(grid);
        if (explain)
        {
            WriteSuppressed(console, table.GetSuppressedRoutes());
        }

        WriteNotes(context, notes);
    }

    /// <summary>The VNL9xxx notes, one per line and never wrapped, so they can be searched and diffed.</summary>
    public static void WriteNotes(CliContext context, IReadOnlyCollection<Diagnostic> notes)
    {
        if (notes.Count == 0)
        {
            return;
        }

        context.Console.MarkupLine("[bold]Notes[/]");
        foreach (var note in notes)
        {
            context.Out.WriteLine($"  {note.Code} {note.Severity.ToContractString()}: {note.Message}");
        }
    }

    /// <summary>Rows sorted by prefix, then Active before Invalid, then User, gateway, system: the reading order of a route table.</summary>
    public static IEnumerable<EffectiveRoute> Sorted(IEnumerable<EffectiveRoute> routes) => routes
        .OrderBy(r => r.AddressPrefixes.IsEmpty ? 1 : 0)
        .ThenBy(r => r.AddressPrefixes.IsEmpty ? default : r.AddressPrefixes[0])
        .ThenBy(r => r.State)
        .ThenBy(r => r.Source switch
        {
            EffectiveRouteSource.User => 0,
            EffectiveRouteSource.VirtualNetworkGateway => 1,
            _ => 2,
        })
        .ThenBy(r => r.NextHopType)
        .ThenBy(r => r.Name ?? string.Empty, StringComparer.OrdinalIgnoreCase);

    private static void WriteSuppressed(IAnsiConsole console, IReadOnlyList<SuppressedRoute> suppressed)
    {
        if (suppressed.Count == 0)
        {
            return;
        }

        console.MarkupLine("[bold]Not listed by Azure[/]");
        var grid = new Table().AddColumn("Source").AddColumn("Address prefix").AddColumn("Next hop type").AddColumn("Why not listed");
        foreach (var entry in suppressed
            .OrderBy(s => s.Route.AddressPrefixes.IsEmpty ? default : s.Route.AddressPrefixes[0])
            .ThenBy(s => s.Route.Source)
            .Take(MaxSuppressedShown))
        {
            grid.AddRow(
                Markup.Escape(entry.Route.Source.ToString()),
                Markup.Escape(Prefixes(entry.Route)),
                Markup.Escape(entry.Route.NextHopType.ToString()),
                Markup.Escape(entry.Explanation));
        }

        console.Write(grid);
        if (suppressed.Count > MaxSuppressedShown)
        {
            console.MarkupLine($"  … and {suppressed.Count - MaxSuppressedShown} more (--format json --explain does not list them either; they are gateway routes of the hub).");
        }
    }

    private static string Prefixes(EffectiveRoute route)
    {
        if (route.AddressPrefixes.IsEmpty)
        {
            return route.DestinationServiceTags.IsEmpty ? "(none)" : "(" + string.Join(", ", route.DestinationServiceTags) + ": prefixes unknown)";
        }

        return route.AddressPrefixes.Length <= MaxPrefixesShown
            ? string.Join(", ", route.AddressPrefixes)
            : $"{string.Join(", ", route.AddressPrefixes.Take(MaxPrefixesShown))} (+{route.AddressPrefixes.Length - MaxPrefixesShown} more"
                + (route.DestinationServiceTags.IsEmpty ? ")" : $" of {string.Join(", ", route.DestinationServiceTags)})");
    }
}
