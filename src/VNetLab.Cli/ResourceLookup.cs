using System.Diagnostics.CodeAnalysis;
using VNetLab.Model;

namespace VNetLab.Cli;

/// <summary>
/// Finds the resource a <c>--nic</c>-style option names (CONTRACT.md): a full resource id, or a name looked up only
/// among resources of that kind; a name that several resources share is an error listing them.
/// </summary>
internal static class ResourceLookup
{
    /// <summary>Writes the problem to <paramref name="error"/> and returns false when <paramref name="text"/> names no single resource.</summary>
    public static bool TryFind<T>(IEnumerable<T> candidates, string text, string kind, string option, TextWriter error,
        [MaybeNullWhen(false)] out T found)
        where T : Resource
    {
        var all = candidates.ToList();
        List<T> matches = ResourceId.TryParse(text, out var id) && id is not null
            ? [.. all.Where(r => r.Id == id)]
            : [.. all.Where(r => string.Equals(r.Name, text.Trim(), StringComparison.OrdinalIgnoreCase))];
        switch (matches.Count)
        {
            case 1:
                found = matches[0];
                return true;
            case 0:
                error.WriteLine($"error: {option} {text}: no {kind} with that {(id is null ? "name" : "id")} in the estate.");
                var names = all.Select(r => r.Name).Order(StringComparer.OrdinalIgnoreCase).Take(20).ToList();
                error.WriteLine(names.Count == 0
                    ? $"  The estate has no {kind}."
                    : $"  Known {kind}s: {string.Join(", ", names)}{(all.Count > names.Count ? ", ..." : string.Empty)}");
                break;
            default:
                error.WriteLine($"error: {option} {text}: {matches.Count} {kind}s have that name; give the full resource id of one:");
                foreach (var match in matches.OrderBy(m => m.Id))
                {
                    error.WriteLine("  " + match.Id.Value);
                }

                break;
        }

        found = null;
        return false;
    }
}
