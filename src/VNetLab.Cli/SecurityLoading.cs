using VNetLab.Arm.ServiceTags;
using VNetLab.Cli.Rendering;
using VNetLab.Security;

namespace VNetLab.Cli;

/// <summary>Builds the security engine's options from the command line: the service tags file, when one is given.</summary>
internal static class SecurityLoading
{
    /// <summary>The options, or null when the service tags file is unusable (the problem is on stderr; the caller exits 2).</summary>
    public static SecurityOptions? Options(CliContext context, string? serviceTagsFile)
    {
        if (serviceTagsFile is null)
        {
            return SecurityOptions.Default;
        }

        var read = ServiceTagsReader.Read(serviceTagsFile);
        if (read.Diagnostics.Length > 0)
        {
            DiagnosticsTextRenderer.WritePlain(context.Error, read.Diagnostics);
        }

        return read.HasErrors || read.Tags is null ? null : new SecurityOptions { ServiceTags = read.Tags };
    }
}
