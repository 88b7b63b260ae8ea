using System.Collections.Immutable;
using System.Globalization;
using VNetLab.Diagnostics;
using VNetLab.Model;

namespace VNetLab.Validation.Rules.Nsg;

/// <summary>
/// Ports are an integer or an integer range within 0–65535, or * alone (constraints.md 7.3); * cannot be
/// one entry of a port list (7.4).
/// </summary>
internal sealed class SecurityRulePortRule : ScopedValidationRule<NetworkSecurityGroup>
{
    public override ImmutableArray<DiagnosticDescriptor> Descriptors { get; } =
        [DiagnosticCatalog.Descriptors.SecurityRuleInvalidPortRange, DiagnosticCatalog.Descriptors.SecurityRuleParameterContainsInvalidPortRanges];

    public override ValidationReads Reads { get; } = ValidationReads.Each<NetworkSecurityGroup>();

    protected override IEnumerable<Diagnostic> Validate(Estate estate, NetworkSecurityGroup nsg)
    {
        foreach (var rule in SecurityRuleFields.CustomRules(nsg))
        {
            foreach (var (parameter, singular, values) in SecurityRuleFields.Ports(rule))
            {
                if (values.Count > 1 && values.Any(v => v.Trim() == "*"))
                {
                    yield return DiagnosticCatalog.SecurityRuleParameterContainsInvalidPortRanges(rule, parameter, singular);
                }

                foreach (var value in values.Where(v => v.Trim() != "*" && !IsPortOrRange(v)))
                {
                    yield return DiagnosticCatalog.SecurityRuleInvalidPortRange(rule, value);
                }
            }
        }
    }

    private static bool IsPortOrRange(string value)
    {
        var parts = value.Trim().Split('-');
        if (parts.Length > 2 || !parts.All(IsPort))
        {
            return false;
        }

        return parts.Length == 1 || Port(parts[0]) <= Port(parts[1]);
    }

    private static bool IsPort(string text) =>
        text.Length is > 0 and <= 5 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535;

    private static int Port(string text) => int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
}
