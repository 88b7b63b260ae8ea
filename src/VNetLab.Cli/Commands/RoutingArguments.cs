using System.CommandLine;
using VNetLab.Arm.ServiceTags;
using VNetLab.Routing;

namespace VNetLab.Cli.Commands;

/// <summary>The options every routing command shares: which Azure era to mimic, and service tag data.</summary>
internal sealed class RoutingArguments
{
    private readonly Option<string> _platformRoutes = new("--platform-routes")
    {
        Description = "Which platform None routes to list: documented (the four prefixes Learn lists; default), 2020, 2021, 2023 or 2025 "
            + "(the sets real effective route tables showed then).",
        DefaultValueFactory = _ => PlatformNoneRouteSet.Documented.Name,
    };

    private readonly Option<string> _gatewayNextHops = new("--gateway-next-hops")
    {
        Description = "How active-active gateway routes list their two next hops: combined (one entry, as Azure since 2024; default) "
            + "or per-address (one entry per address, as before 2024).",
        DefaultValueFactory = _ => "combined",
    };

    private readonly Option<FileInfo?> _serviceTags = new("--service-tags")
    {
        Description = "Azure's service tags JSON (ServiceTags_Public_*.json) for service-tag routes and service endpoint routes.",
    };

    public RoutingArguments()
    {
        _platformRoutes.AcceptOnlyFromAmong([.. PlatformNoneRouteSet.All.Select(s => s.Name)]);
        _gatewayNextHops.AcceptOnlyFromAmong("combined", "per-address");
    }

    public void AddTo(Command command)
    {
        command.Add(_platformRoutes);
        command.Add(_gatewayNextHops);
        command.Add(_serviceTags);
    }

    /// <summary>
    /// The step every routing command starts with: the compiler options the user asked for, then the estate. Null
    /// when either is unusable, with the message already on stderr (the caller exits 2). Options come first so that
    /// a bad --service-tags file is reported without waiting for a large estate to load.
    /// </summary>
    public RoutingInput? Load(CliContext context, ParseResult parse, IEnumerable<string> paths)
    {
        if (!TryRead(parse, out var options, out var error))
        {
            context.Error.WriteLine("error: " + error);
            return null;
        }

        return EstateLoading.LoadAndCollectImportGarbage(context, paths) is { } import ? new RoutingInput(import.Estate, options) : null;
    }

    /// <summary>The compiler options the user asked for; false (with the message) when the service tags file is unusable.</summary>
    private bool TryRead(ParseResult parse, out RoutingOptions options, out string error)
    {
        options = new RoutingOptions
        {
            PlatformNoneRoutes = PlatformNoneRouteSet.Find(parse.GetValue(_platformRoutes) ?? string.Empty) ?? PlatformNoneRouteSet.Documented,
            GatewayNextHopShape = parse.GetValue(_gatewayNextHops) == "per-address"
                ? GatewayNextHopShape.OneEntryPerAddress
                : GatewayNextHopShape.OneEntryWithAllAddresses,
        };
        error = string.Empty;
        if (parse.GetValue(_serviceTags) is { } file)
        {
            var read = ServiceTagsReader.Read(file.FullName);
            if (read.HasErrors || read.Tags is null)
            {
                error = string.Join(Environment.NewLine, read.Diagnostics.Select(d => $"{d.Location}: {d.Code} {d.Message} Fix: {d.Fix}"));
                return false;
            }

            options = options with { ServiceTags = ServiceTagsForRouting.From(read.Tags) };
        }

        return true;
    }
}
