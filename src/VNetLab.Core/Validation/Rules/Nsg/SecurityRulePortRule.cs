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
        List<Diagnostic>? findings = null;
        foreach (var rule in nsg.SecurityRules)
        {
            if (!rule.IsDefault)
            {
                Check(rule, "SourcePortRanges", "sourcePortRange", rule.SourcePortRanges, ref findings);
                Check(rule, "DestinationPortRanges", "destinationPortRange", rule.DestinationPortRanges, ref findings);
            }
        }

        return Findings.OrNone(findings);
    }

    private static void Check(SecurityRule rule, string parameter, string singular, ImmutableArray<string> values, ref List<Diagnostic>? findings)
    {
        if (values.Length > 1 && values.Any(IsAny))
        {
            Findings.Add(ref findings, DiagnosticCatalog.SecurityRuleParameterContainsInvalidPortRanges(rule, parameter, singular));
        }

        foreach (var value in values)
        {
            if (!IsAny(value) && !IsPortOrRange(value))
            {
                Findings.Add(ref findings, DiagnosticCatalog.SecurityRuleInvalidPortRange(rule, value));
            }
        }
    }

    private static bool IsAny(string value) => value.AsSpan().Trim() is "*";

    // Read in place: splitting every port value of millions of rules made three strings and an array each.
    internal static bool IsPortOrRange(string value)
    {
        var text = value.AsSpan().Trim();
        var dash = text.IndexOf('-');
        if (dash < 0)
        {
            return IsPort(text, out _);
        }

        var last = text[(dash + 1)..];
        return last.IndexOf('-') < 0 && IsPort(text[..dash], out var first) && IsPort(last, out var second) && first <= second;
    }

    private static bool IsPort(ReadOnlySpan<char> text, out int port)
    {
        port = 0;
        return text.Length is > 0 and <= 5 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port <= 65535;
    }
}
