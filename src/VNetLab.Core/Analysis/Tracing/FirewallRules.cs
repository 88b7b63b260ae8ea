using System.Globalization;
using System.Runtime.CompilerServices;
using VNetLab.Addressing;
using VNetLab.Diagnostics;
using VNetLab.Model;
using VNetLab.Security;

namespace VNetLab.Analysis.Tracing;

/// <summary>
/// An Azure Firewall's classic network rules applied to one packet: collections in priority order, the first
/// collection with a matching rule decides with its action; when none matches, the firewall denies
/// (https://learn.microsoft.com/azure/firewall/rule-processing).
/// </summary>
internal static class FirewallRules
{
    // A firewall's rules parsed once: traces through a hub firewall are the bulk of a reach matrix.
    private static readonly ConditionalWeakTable<AzureFirewall, ParsedRule[]> _parsed = new();

    public static FirewallRuleStep Evaluate(AzureFirewall firewall, Packet packet, List<Diagnostic> notes) =>
        FirstMatch(firewall, packet, notes) is { } rule
            ? new FirewallRuleStep(firewall.Id, rule.Collection.Id, rule.Rule.Name, rule.Collection.Priority, rule.Collection.Action)
            : new FirewallRuleStep(firewall.Id, null, null, null, SecurityRuleAccess.Deny);

    /// <summary>
    /// Whether <see cref="Evaluate"/> allows <paramref name="packet"/>, without its step or notes: the reach matrix asks
    /// this for every protocol without ports and every target behind a firewall, and reads nothing else.
    /// </summary>
    public static bool Allows(AzureFirewall firewall, Packet packet) =>
        FirstMatch(firewall, packet, notes: null)?.Collection.Action == SecurityRuleAccess.Allow;

    // The first rule that matches, in priority order; FQDN-only rules are skipped (Azure needs DNS to match them), and
    // noted when the caller keeps notes. None matching means the firewall's implicit deny.
    private static ParsedRule? FirstMatch(AzureFirewall firewall, Packet packet, List<Diagnostic>? notes)
    {
        foreach (var rule in Parsed(firewall))
        {
            if (rule.FqdnOnly)
            {
                notes?.Add(DiagnosticCatalog.TraceFirewallFqdnRuleSkipped(firewall.Id, rule.Rule.Name));
                continue;
            }

            if (rule.Matches(packet))
            {
                return rule;
            }
        }

        return null;
    }

    /// <summary>
    /// The destination ports on which <see cref="Evaluate"/> allows a packet of <paramref name="protocol"/> (one with
    /// ports) from <paramref name="source"/> to <paramref name="destination"/>: the same first-match walk over port
    /// sets instead of one port, so one walk answers for every destination port.
    /// </summary>
    public static PortSet AllowedDestinationPorts(AzureFirewall firewall, SecurityProtocol protocol, IpAddress source, IpAddress destination)
    {
        var remaining = PortSet.All;
        var allowed = PortSet.Empty;
        foreach (var rule in Parsed(firewall))
        {
            if (rule.FqdnOnly || !rule.MatchesAddresses(protocol, source, destination))
            {
                continue;
            }

            if (rule.Collection.Action == SecurityRuleAccess.Allow)
            {
                allowed = allowed.Union(remaining.Intersect(rule.Ports));
            }

            remaining = remaining.Except(rule.Ports);
            if (remaining.IsEmpty)
            {
                break;
            }
        }

        return allowed;
    }

    /// <summary>Every address and port set a firewall's rules name, for cutting packet space into classes.</summary>
    public static IEnumerable<AddressSet> AddressSets(AzureFirewall firewall) =>
        firewall.NetworkRuleCollections.SelectMany(c => c.Rules)
            .SelectMany(r => new[] { r.SourceAddresses, r.DestinationAddresses })
            .Select(values => Addresses(values));

    public static IEnumerable<PortSet> PortSets(AzureFirewall firewall) =>
        firewall.NetworkRuleCollections.SelectMany(c => c.Rules).Select(r => Ports(r.DestinationPorts));

    private static ParsedRule[] Parsed(AzureFirewall firewall) => _parsed.GetValue(firewall, f =>
    [
        .. f.NetworkRuleCollections.OrderBy(c => c.Priority).ThenBy(c => c.Name, StringComparer.Ordinal)
            .SelectMany(c => c.Rules.Select(r => new ParsedRule(c, r, r.DestinationAddresses.IsEmpty && !r.DestinationFqdns.IsEmpty,
                Protocols(r.Protocols), Addresses(r.SourceAddresses), Addresses(r.DestinationAddresses), Ports(r.DestinationPorts)))),
    ]);

    private static bool ProtocolMatches(string text, SecurityProtocol protocol) =>
        text.Equals("Any", StringComparison.OrdinalIgnoreCase)
        || text.Equals(protocol.ToString(), StringComparison.OrdinalIgnoreCase);

    /// <summary>The protocols a rule's values match, one bit per <see cref="SecurityProtocol"/>: read once, not per packet.</summary>
    private static int Protocols(IEnumerable<string> values)
    {
        var mask = 0;
        foreach (var protocol in Enum.GetValues<SecurityProtocol>())
        {
            if (values.Any(value => ProtocolMatches(value, protocol)))
            {
                mask |= 1 << (int)protocol;
            }
        }

        return mask;
    }

    private static AddressSet Addresses(IEnumerable<string> values)
    {
        var set = AddressSet.Empty;
        foreach (var value in values)
        {
            var text = value.Trim();
            if (text == "*")
            {
                return AddressSet.All;
            }

            if (IpPrefix.TryParseAddressOrPrefix(text, out var prefix, out _))
            {
                set = set.Union(AddressSet.FromPrefix(prefix));
            }
            else if (AddressRange.TryParse(text, out var range))
            {
                set = set.Union(AddressSet.FromRange(range));
            }

            // IP groups and service tags are not read; such a value matches nothing.
        }

        return set;
    }

    private static PortSet Ports(IEnumerable<string> values)
    {
        var set = PortSet.Empty;
        foreach (var value in values)
        {
            var text = value.Trim();
            if (text == "*")
            {
                return PortSet.All;
            }

            if (PortRange.TryParse(text, out var range))
            {
                set = set.Union(PortSet.FromRange(range));
            }
            else if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= PortRange.MaxPort)
            {
                set = set.Union(PortSet.FromPort(port));
            }
        }

        return set;
    }

    /// <summary>One network rule with its address and port values parsed, in evaluation order.</summary>
    private sealed record ParsedRule(AzureFirewallNetworkRuleCollection Collection, AzureFirewallNetworkRule Rule, bool FqdnOnly,
        int ProtocolMask, AddressSet Sources, AddressSet Destinations, PortSet Ports)
    {
        public bool Matches(Packet packet) =>
            MatchesAddresses(packet.Protocol, packet.Source, packet.Destination)
            && (!packet.Protocol.HasPorts() || Ports.Contains(packet.DestinationPort));

        public bool MatchesAddresses(SecurityProtocol protocol, IpAddress source, IpAddress destination) =>
            (ProtocolMask & (1 << (int)protocol)) != 0 && Sources.Contains(source) && Destinations.Contains(destination);
    }
}
