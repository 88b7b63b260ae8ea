using System.Diagnostics.CodeAnalysis;
using VNetLab.Model;

namespace VNetLab.Cli.Arguments;

/// <summary>
/// Turns a <see cref="ResourceLookup"/> of a command-line argument into the resource or the message CONTRACT.md
/// asks for: not found, or ambiguous with the candidates listed (both exit 2).
/// </summary>
internal static class ResourceArgument
{
    public static bool TryResolve<T>(LookupResult<T> lookup, string option, string text, string kind,
        [MaybeNullWhen(false)] out T resource, out string error) where T : Resource
    {
        resource = lookup.Resource;
        if (resource is not null)
        {
            error = string.Empty;
            return true;
        }

        error = lookup.IsAmbiguous
            ? $"{option} {text}: {lookup.Candidates.Length} {kind}s match this name; give the resource id of one of them:"
                + string.Concat(lookup.Candidates.OrderBy(c => c.Id).Select(c => Environment.NewLine + "  " + c.Id))
            : $"{option} {text}: the estate has no {kind} with this name or id. Give its name as it appears in the estate, or its resource id.";
        return false;
    }
}
