using System.Collections.Immutable;
using VNetLab.Addressing;
using VNetLab.Security;

namespace VNetLab.Arm.Contracts;

/// <summary>
/// One <c>EffectiveNetworkSecurityRule</c> as Azure prints it (semantics.md §1.5): names prefixed
/// <c>securityRules/</c> or <c>defaultSecurityRules/</c>; protocol <c>*</c> as <c>All</c>; ports as ranges
/// (<c>*</c> → <c>0-65535</c>, <c>3389</c> → <c>3389-3389</c>); address <c>*</c> as <c>0.0.0.0/0</c>; service tags
/// kept by name with their prefixes in <c>expanded*AddressPrefix</c>.
/// </summary>
/// <remarks>
/// A rule with one value per field fills the singular field and leaves the plural list empty; a rule with several
/// (an augmented rule) leaves the singular field null and lists them, as the NSG resource itself does. For a rule
/// naming application security groups the address fields are null and the expanded lists hold the members'
/// addresses (VNL9105: Azure's rendering is not recorded).
/// </remarks>
public sealed record EffectiveNetworkSecurityRule(
    string Name,
    string Protocol,
    string? SourcePortRange,
    string? DestinationPortRange,
    ImmutableArray<string> SourcePortRanges,
    ImmutableArray<string> DestinationPortRanges,
    string? SourceAddressPrefix,
    string? DestinationAddressPrefix,
    ImmutableArray<string> SourceAddressPrefixes,
    ImmutableArray<string> DestinationAddressPrefixes,
    ImmutableArray<string> ExpandedSourceAddressPrefix,
    ImmutableArray<string> ExpandedDestinationAddressPrefix,
    string Access,
    int Priority,
    string Direction)
{
    public static EffectiveNetworkSecurityRule From(CompiledSecurityRule rule)
    {
        var (sourcePort, sourcePorts) = SingularOrList(rule.Rule.SourcePortRanges.Select(PortText));
        var (destinationPort, destinationPorts) = SingularOrList(rule.Rule.DestinationPortRanges.Select(PortText));
        var (sourceAddress, sourceAddresses) = SingularOrList(rule.SourceTerms.Where(t => t.Kind != RuleAddressKind.ApplicationSecurityGroup).Select(AddressText));
        var (destinationAddress, destinationAddresses) = SingularOrList(rule.DestinationTerms.Where(t => t.Kind != RuleAddressKind.ApplicationSecurityGroup).Select(AddressText));
        return new(
            rule.Name,
            ProtocolText(rule.Rule.Protocol),
            sourcePort,
            destinationPort,
            sourcePorts,
            destinationPorts,
            sourceAddress,
            destinationAddress,
            sourceAddresses,
            destinationAddresses,
            Expanded(rule.SourceTerms),
            Expanded(rule.DestinationTerms),
            rule.Access.ToString(),
            rule.Priority,
            rule.Direction.ToString());
    }

    /// <summary><c>*</c> becomes <c>All</c>; a protocol name takes Azure's casing (<c>TCP</c> → <c>Tcp</c>).</summary>
    public static string ProtocolText(string protocol) =>
        protocol.Trim() == "*" ? "All"
        : SecurityProtocolExtensions.TryParse(protocol, out var parsed) ? parsed.ToString()
        : protocol;

    /// <summary><c>*</c> → <c>0-65535</c>, <c>80</c> → <c>80-80</c>, a range as written.</summary>
    public static string PortText(string port) =>
        PortRange.TryParse(port, out var range) ? $"{range.First}-{range.Last}" : port;

    private static string AddressText(RuleAddress term) => term.Kind == RuleAddressKind.Any ? "0.0.0.0/0" : term.Text;

    private static ImmutableArray<string> Expanded(ImmutableArray<RuleAddress> terms) =>
        [.. terms.Where(t => t.Kind is RuleAddressKind.ServiceTag or RuleAddressKind.ApplicationSecurityGroup)
            .SelectMany(t => t.ExpandedPrefixes)
            .Distinct()
            .Order()
            .Select(p => p.ToString())];

    private static (string? Single, ImmutableArray<string> Several) SingularOrList(IEnumerable<string> values)
    {
        var list = values.ToImmutableArray();
        return list.Length == 1 ? (list[0], []) : (null, list);
    }
}
