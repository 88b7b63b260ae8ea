using System.Collections.Immutable;
using System.Text.RegularExpressions;
using VNetLab.Diagnostics;
using VNetLab.Model;

namespace VNetLab.Validation.Rules.Nsg;

/// <summary>
/// A security rule's name (up to 80 word characters, '.', '-', '_', starting with a word character and
/// ending with one or '_'), protocol (Tcp, Udp, Icmp, Esp, Ah, *) and description (140 characters at
/// most) (constraints.md 7.10, 7.11, 7.19).
/// </summary>
internal sealed partial class SecurityRulePropertiesRule : ScopedValidationRule<NetworkSecurityGroup>
{
    private const int MaxNameLength = 80;
    private const int MaxDescriptionLength = 140;

    private static readonly HashSet<string> _protocols = new(["Tcp", "Udp", "Icmp", "Esp", "Ah", "*"], StringComparer.OrdinalIgnoreCase);

    public override ImmutableArray<DiagnosticDescriptor> Descriptors { get; } =
    [
        DiagnosticCatalog.Descriptors.InvalidSecurityRuleName,
        DiagnosticCatalog.Descriptors.SecurityRuleInvalidProtocol,
        DiagnosticCatalog.Descriptors.SecurityRuleDescriptionTooLong,
    ];

    public override ValidationReads Reads { get; } = ValidationReads.Each<NetworkSecurityGroup>();

    protected override IEnumerable<Diagnostic> Validate(Estate estate, NetworkSecurityGroup nsg)
    {
        foreach (var rule in SecurityRuleFields.CustomRules(nsg))
        {
            if (rule.Name.Length > MaxNameLength || !IsValidName(rule.Name))
            {
                yield return DiagnosticCatalog.InvalidSecurityRuleName(rule);
            }

            if (!_protocols.Contains(rule.Protocol.Trim()))
            {
                yield return DiagnosticCatalog.SecurityRuleInvalidProtocol(rule);
            }

            if (rule.Description is { Length: > MaxDescriptionLength } description)
            {
                yield return DiagnosticCatalog.SecurityRuleDescriptionTooLong(rule, description.Length);
            }
        }
    }

    /// <summary>
    /// The name pattern, read in place for names of ASCII letters, digits, '_', '.' and '-' (where <c>\w</c> is a letter,
    /// a digit or '_'); any other name, Unicode letters included, goes to the pattern itself.
    /// </summary>
    internal static bool IsValidName(string name)
    {
        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('_' or '.' or '-'))
            {
                return NamePattern().IsMatch(name);
            }
        }

        return name.Length > 0 && IsAsciiWord(name[0]) && IsAsciiWord(name[^1]);
    }

    private static bool IsAsciiWord(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    // A word character first; word characters, '.' and '-' inside; a word character (which includes '_') last.
    [GeneratedRegex(@"^\w(?:[\w.\-]*\w)?$", RegexOptions.CultureInvariant)]
    internal static partial Regex NamePattern();
}
