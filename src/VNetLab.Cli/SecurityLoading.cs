using VNetLab.Analysis;
using VNetLab.Arm.ServiceTags;
using VNetLab.Cli.Rendering;
using VNetLab.Model;
using VNetLab.Routing;
using VNetLab.Security;

namespace VNetLab.Cli;

/// <summary>
/// Prepares the security engine for a command: the service tags file when one is given, and the gateway-learned
/// prefixes of the <c>VirtualNetwork</c> tag, which come from the routing engine (through the analysis layer).
/// </summary>
internal static class SecurityLoading
{
    /// <summary>The compiled security, or null when the service tags file is unusable (the problem is on stderr; the caller exits 2).</summary>
    public static CompiledSecurity? Compile(CliContext context, Estate estate, string? serviceTagsFile)
    {
        var options = SecurityOptions.Default;
        if (serviceTagsFile is not null)
        {
            var read = ServiceTagsReader.Read(serviceTagsFile);
            if (read.Diagnostics.Length > 0)
            {
                DiagnosticsTextRenderer.WritePlain(context.Error, read.Diagnostics);
            }

            if (read.HasErrors || read.Tags is null)
            {
                return null;
            }

            options = options with { ServiceTags = read.Tags };
        }

        // Routing needs the same tags for service-tag routes; it takes them as name -> prefixes.
        var routing = RoutingCompiler.Compile(estate, RoutingOptions.Default with
        {
            ServiceTags = serviceTagsFile is null
                ? null
                : ServiceTagsForRouting.From(options.ServiceTags),
        });
        return SecurityCompiler.Compile(estate, SecurityRoutingInputs.WithRouting(options, routing));
    }
}
