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

    protected override IEnumerable<Diagnostic> Validate(Estate estate, NetworkSecurityGroup nsg)
    {
        foreach (var rule in SecurityRuleFields.CustomRules(nsg))
        {
            foreach (var (parameter, singular, values) in SecurityRuleFields.Addresses(rule))
            {
                var inList = values.Count > 1;
                var prefixes = new List<(string Text, IpPrefix Prefix)>();
                foreach (var raw in values)
                {
                    var value = raw.Trim();
                    if (value == "*")
                    {
                        if (inList)
                        {
                            yield return DiagnosticCatalog.SecurityRuleParameterContainsUnsupportedValue(rule, parameter, singular, value);
                        }
                    }
                    else if (ServiceTags.KnownInvalidWords.Contains(value) || !ServiceTags.LooksLikeTag(value))
                    {
                        if (!IpPrefix.TryParseAddressOrPrefix(value, out var prefix, out var canonical))
                        {
                            yield return DiagnosticCatalog.SecurityRuleInvalidAddressPrefix(rule, value, "");
                        }
                        else if (!canonical)
                        {
                            yield return DiagnosticCatalog.SecurityRuleInvalidAddressPrefix(rule, value, $" (e.g. {prefix})");
                        }
                        else
                        {
                            prefixes.Add((value, prefix));
                        }
                    }
                    else if (!ServiceTags.IsKnown(value))
                    {
                        yield return DiagnosticCatalog.UnknownServiceTagAssumed(rule, inList ? parameter : singular, value);
                    }
                    else if (inList)
                    {
                        yield return DiagnosticCatalog.SecurityRuleParameterContainsUnsupportedValue(rule, parameter, singular, value);
                    }
                }

                var pairs = PrefixOverlaps.Pairs([.. prefixes.Select(p => p.Prefix)]);
                if (pairs.Count > 0)
                {
                    var text = string.Join(",", pairs.Select(p => $"[{prefixes[p.Earlier].Text}, {prefixes[p.Later].Text}]"));
                    yield return DiagnosticCatalog.OverlappingPrefixesInSecurityRule(rule, parameter, text);
                }
            }
        }
    }
}
