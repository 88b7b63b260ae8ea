using System.Text;

namespace VNetLab.Security;

/// <summary>One rule looked at while explaining a flow: did it match, and if not, which conditions failed.</summary>
/// <param name="Rule">The rule.</param>
/// <param name="Mismatch">The failed conditions; none when it matched.</param>
/// <param name="SkippedAsPlatformTraffic">True when the packet is platform traffic and the rule does not name a platform tag, so it was not applied.</param>
public sealed record RuleEvaluation(CompiledSecurityRule Rule, RuleMismatch Mismatch, bool SkippedAsPlatformTraffic)
{
    public bool Matched => !SkippedAsPlatformTraffic && Mismatch == RuleMismatch.None;

    /// <summary>Why, in words: <c>matched</c>, or each failed condition with the packet's value and the rule's set.</summary>
    public string Reason(in Packet packet)
    {
        if (SkippedAsPlatformTraffic)
        {
            return "not applied: platform traffic is filtered only by rules naming AzurePlatformDNS, AzurePlatformIMDS or AzurePlatformLKM";
        }

        if (Mismatch == RuleMismatch.None)
        {
            return "matched";
        }

        var text = new StringBuilder();
        void Add(string part)
        {
            text.Append(text.Length == 0 ? "no: " : "; ").Append(part);
        }

        if (Mismatch.HasFlag(RuleMismatch.Protocol))
        {
            Add($"protocol {packet.Protocol} is not {Rule.Rule.Protocol}");
        }

        if (Mismatch.HasFlag(RuleMismatch.SourceAddress))
        {
            Add($"source {packet.Source} is not in {Describe(Rule.SourceTerms)}");
        }

        if (Mismatch.HasFlag(RuleMismatch.SourcePort))
        {
            Add($"source port {packet.SourcePort} is not in {Rule.SourcePorts}");
        }

        if (Mismatch.HasFlag(RuleMismatch.DestinationAddress))
        {
            Add($"destination {packet.Destination} is not in {Describe(Rule.DestinationTerms)}");
        }

        if (Mismatch.HasFlag(RuleMismatch.DestinationPort))
        {
            Add($"destination port {packet.DestinationPort} is not in {Rule.DestinationPorts}");
        }

        if (Mismatch.HasFlag(RuleMismatch.PortsOfPortlessProtocol))
        {
            Add($"{packet.Protocol} has no ports and the rule names ports {Rule.SourcePorts} -> {Rule.DestinationPorts}");
        }

        return text.ToString();
    }

    private static string Describe(System.Collections.Immutable.ImmutableArray<RuleAddress> terms) =>
        string.Join(", ", terms.Select(t => t.Kind switch
        {
            RuleAddressKind.ServiceTag or RuleAddressKind.ApplicationSecurityGroup =>
                t.ExpandedPrefixes.Length <= 4
                    ? $"{t} ({string.Join(", ", t.ExpandedPrefixes)})"
                    : $"{t} ({t.ExpandedPrefixes.Length} prefixes)",
            RuleAddressKind.Unresolved => $"{t} (not resolved)",
            _ => t.ToString(),
        }));
}
