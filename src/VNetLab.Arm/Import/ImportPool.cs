using System.Collections.Concurrent;
using VNetLab.Model;

namespace VNetLab.Arm.Import;

/// <summary>
/// One copy of each value that recurs across an import: rule fields, names and JSON paths repeat in every NSG
/// of a generated or exported estate (a large one holds two million rules), and a referenced id (a subnet, an
/// ASG, a VM) is parsed once however many resources name it. It lives as long as one import; the estate keeps
/// only the shared values. Safe for files read in parallel.
/// </summary>
internal sealed class ImportPool
{
    private readonly ConcurrentDictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ResourceId> _references = new(StringComparer.Ordinal);
    private readonly Func<string, string> _intern;

    public ImportPool() => _intern = Intern;

    public string Intern(string text) => text.Length == 0 ? string.Empty : _strings.GetOrAdd(text, text);

    /// <summary>Parses an id that other resources may name too; the same text always gives the same instance.</summary>
    public ResourceId? Reference(string text)
    {
        if (_references.TryGetValue(text, out var known))
        {
            return known;
        }

        if (!ResourceId.TryParse(text, _intern, out var id))
        {
            return null;
        }

        return _references.GetOrAdd(text, id);
    }

    /// <summary>Parses a resource's own id (rules, routes, IP configurations): unique, so not remembered.</summary>
    public ResourceId? Declared(string text) => ResourceId.TryParse(text, _intern, out var id) ? id : null;

    public SourceLocation Location(SourceLocation location)
    {
        var path = Intern(location.JsonPath);
        return ReferenceEquals(path, location.JsonPath) ? location : location with { JsonPath = path };
    }
}
