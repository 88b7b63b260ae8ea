using System.Text.RegularExpressions;

namespace VNetLab.Core.Tests.Architecture;

/// <summary>
/// Which namespace of VNetLab.Core may use which (STYLE.md 6.3). Checked on the source text: every
/// <c>using VNetLab.X</c> directive and every fully qualified <c>VNetLab.X.</c> name counts as a use.
/// </summary>
public static partial class LayeringRules
{
    /// <summary>Namespace → the VNetLab namespaces it may use (besides itself).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Allowed = new Dictionary<string, string[]>
    {
        ["Addressing"] = [],
        ["Model"] = ["Addressing"],
        ["Diagnostics"] = ["Model", "Addressing"],
        ["Validation"] = ["Diagnostics", "Model", "Addressing"],
        ["Routing"] = ["Diagnostics", "Model", "Addressing"],
        ["Security"] = ["Diagnostics", "Model", "Addressing"],
        ["Cost"] = ["Diagnostics", "Model", "Addressing"],
        ["Analysis"] = ["Addressing", "Model", "Diagnostics", "Validation", "Routing", "Security", "Cost"],
    };

    [GeneratedRegex(@"^\s*namespace\s+VNetLab\.(\w+)", RegexOptions.Multiline)]
    private static partial Regex NamespaceDeclaration();

    [GeneratedRegex(@"\bVNetLab\.(\w+)")]
    private static partial Regex VNetLabName();

    /// <summary>The forbidden uses in one file's text, as "From -> To" pairs (empty when it obeys the table).</summary>
    public static IReadOnlyList<string> Violations(string sourceText)
    {
        var declared = NamespaceDeclaration().Match(sourceText);
        if (!declared.Success)
        {
            return [];
        }

        var from = declared.Groups[1].Value;
        if (!Allowed.TryGetValue(from, out var allowed))
        {
            return [$"{from} is not a namespace the layering table knows; add it to STYLE.md 6.3 and LayeringRules"];
        }

        // Comments may mention any namespace; only code counts.
        var code = string.Join('\n', sourceText.Split('\n').Where(l => !l.TrimStart().StartsWith("//", StringComparison.Ordinal)));
        return [.. VNetLabName().Matches(code)
            .Select(m => m.Groups[1].Value)
            .Where(to => to != from && Allowed.ContainsKey(to) && !allowed.Contains(to))
            .Distinct()
            .Select(to => $"{from} -> {to}")];
    }
}
