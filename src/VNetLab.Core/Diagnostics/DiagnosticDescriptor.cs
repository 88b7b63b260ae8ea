using System.Globalization;
using System.Text;

namespace VNetLab.Diagnostics;

/// <summary>
/// One entry of the diagnostics catalogue: everything about a code except the resource it is raised on.
/// Templates use named placeholders (<c>{subnetName}</c>) filled by the catalogue's factory methods.
/// </summary>
/// <param name="Code">VNetLab's own stable code, <c>VNLnnnn</c>; never reused.</param>
/// <param name="Severity">The default severity.</param>
/// <param name="AzureCode">Azure's error code where Azure has one (part of Azure's interface), else null.</param>
/// <param name="Title">A short title for docs and SARIF rule names.</param>
/// <param name="MessageTemplate">Azure's message template, verbatim, where <paramref name="AzureCode"/> is VERIFIED; VNetLab's words otherwise.</param>
/// <param name="FixTemplate">What to change, in the user's terms.</param>
/// <param name="Fact">Where the rule comes from: a row id of shared/azure/constraints.md or semantics.md, CONTRACT.md, or a Learn URL.</param>
public sealed record DiagnosticDescriptor(
    string Code,
    DiagnosticSeverity Severity,
    string? AzureCode,
    string Title,
    string MessageTemplate,
    string FixTemplate,
    string Fact)
{
    /// <summary>The anchor of this code in docs/diagnostics.md.</summary>
    public string DocsAnchor => "docs/diagnostics.md#" + Code.ToLowerInvariant();

    /// <summary>True when the code was retired: it stays in the catalogue so that it is never reused.</summary>
    public bool IsObsolete { get; init; }

    /// <summary>
    /// True when <see cref="MessageTemplate"/> is Azure's own text, seen in a real Azure response
    /// (a VERIFIED row of constraints.md); false when the wording is VNetLab's.
    /// </summary>
    public bool IsAzureText { get; init; }

    /// <summary>Fills a template's <c>{name}</c> placeholders; an unknown placeholder is left as written.</summary>
    public static string Format(string template, IReadOnlyList<(string Name, object? Value)> arguments)
    {
        var result = new StringBuilder(template.Length + 64);
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            if (open < 0)
            {
                result.Append(template, i, template.Length - i);
                break;
            }

            var close = template.IndexOf('}', open + 1);
            if (close < 0)
            {
                result.Append(template, i, template.Length - i);
                break;
            }

            result.Append(template, i, open - i);
            var name = template.AsSpan(open + 1, close - open - 1);
            var found = false;
            foreach (var (argName, value) in arguments)
            {
                if (name.SequenceEqual(argName))
                {
                    result.Append(Convert.ToString(value, CultureInfo.InvariantCulture));
                    found = true;
                    break;
                }
            }

            if (!found)
            {
                result.Append(template, open, close - open + 1);
            }

            i = close + 1;
        }

        return result.ToString();
    }
}
