using System.Collections.Immutable;
using VNetLab.Addressing;
using VNetLab.Diagnostics;
using VNetLab.Model;
using VNetLab.Validation.Facts;

namespace VNetLab.Validation.Rules.Nsg;

/// <summary>
/// Address prefixes of a security rule are *, an IP, a host-bits-zero CIDR or a service tag (constraints.md
/// 7.5); * and service tags only stand alone in the singular field (7.6); the prefixes of one list do not
/// overlap (7.18). A tag-shaped word VNetLab does not know is assumed to be a tag, with a fidelity note.
/// </summary>
internal sealed class SecurityRuleAddressRule : ScopedValidationRule<NetworkSecurityGroup>
{
    public override ImmutableArray<DiagnosticDescriptor> Descriptors { get; } =
    [
        DiagnosticCatalog.Descriptors.SecurityRuleInvalidAddressPrefix,
        DiagnosticCatalog.Descriptors.SecurityRuleParameterContainsUnsupportedValue,
        DiagnosticCatalog.Descriptors.OverlappingPrefixesInSecurityRule,
        DiagnosticCatalog.Descriptors.UnknownServiceTagAssumed,
    ];

    public override ValidationReads Reads { get; } = ValidationReads.Each<NetworkSecurityGroup>();

    protected override IEnumerable<Diagnostic> Validate(ValidationPass pass, NetworkSecurityGroup nsg)
    {
        // Millions of rules at scale and almost none with a finding: walk them without iterators, boxed lists or
        // per-field lists, and make a finding's list only for the first finding.
        List<Diagnostic>? findings = null;

        // One list of a field's prefixes, and one to sort a long list's in, reused by every list field of the pass.
        List<(string Text, IpPrefix Prefix)>? prefixes = pass.Scratch(this, static () => new List<(string Text, IpPrefix Prefix)>());
        var sorting = pass.Scratch(this, static () => new List<IpPrefix>());
        foreach (var rule in nsg.SecurityRules)
        {
            if (!rule.IsDefault)
            {
                Check(rule, "SourceAddressPrefixes", "sourceAddressPrefix", rule.SourceAddressPrefixes, ref prefixes, sorting, ref findings);
                Check(rule, "DestinationAddressPrefixes", "destinationAddressPrefix", rule.DestinationAddressPrefixes, ref prefixes, sorting, ref findings);
            }
        }

        return Findings.OrNone(findings);
    }

    private static void Check(SecurityRule rule, string parameter, string singular, ImmutableArray<string> values,
        ref List<(string Text, IpPrefix Prefix)>? listed, List<IpPrefix> sorting, ref List<Diagnostic>? findings)
    {
        var inList = values.Length > 1;

        // Only a list can hold two overlapping prefixes.
        var prefixes = inList ? listed ??= [] : null;
        prefixes?.Clear();
        foreach (var raw in values)
        {
            var value = raw.Trim();
            if (value == "*")
            {
                if (inList)
                {
                    Findings.Add(ref findings, DiagnosticCatalog.SecurityRuleParameterContainsUnsupportedValue(rule, parameter, singular, value));
                }
            }
            else if (!ServiceTags.LooksLikeTag(value) || ServiceTags.KnownInvalidWords.Contains(value))
            {
                if (!IpPrefix.TryParseAddressOrPrefix(value, out var prefix, out var canonical))
                {
                    Findings.Add(ref findings, DiagnosticCatalog.SecurityRuleInvalidAddressPrefix(rule, value, ""));
                }
                else if (!canonical)
                {
                    Findings.Add(ref findings, DiagnosticCatalog.SecurityRuleInvalidAddressPrefix(rule, value, $" (e.g. {prefix})"));
                }
                else
                {
                    prefixes?.Add((value, prefix));
                }
            }
            else if (!ServiceTags.IsKnown(value))
            {
                Findings.Add(ref findings, DiagnosticCatalog.UnknownServiceTagAssumed(rule, inList ? parameter : singular, value));
            }
            else if (inList)
            {
                Findings.Add(ref findings, DiagnosticCatalog.SecurityRuleParameterContainsUnsupportedValue(rule, parameter, singular, value));
            }
        }

        // The finder runs only for a list with an overlap: a long list (the on-premises networks a management rule lists)
        // is checked sorted in the pass's buffer, where the finder's sort allocated its order and a copy of the prefixes.
        if (prefixes is { Count: > 1 } && PrefixOverlaps.Any(prefixes, sorting) && PrefixOverlaps.Pairs([.. prefixes.Select(p => p.Prefix)]) is { Count: > 0 } pairs)
        {
            Findings.Add(ref findings, Overlapping(rule, parameter, prefixes, pairs));
        }
    }

    // Apart from Check so that only a finding pays for the lambda's closure over the prefixes.
    private static Diagnostic Overlapping(SecurityRule rule, string parameter, List<(string Text, IpPrefix Prefix)> prefixes, List<(int Earlier, int Later)> pairs) =>
        DiagnosticCatalog.OverlappingPrefixesInSecurityRule(rule, parameter,
            string.Join(",", pairs.Select(p => $"[{prefixes[p.Earlier].Text}, {prefixes[p.Later].Text}]")));
}
