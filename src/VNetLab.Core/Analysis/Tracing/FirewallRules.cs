using System.Globalization;
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
    public static FirewallRuleStep Evaluate(AzureFirewall firewall, Packet packet, List<Diagnostic> notes)
    {
        foreach (var collection in firewall.NetworkRuleCollections.OrderBy(c => c.Priority).ThenBy(c => c.Name, StringComparer.Ordinal))
        {
            foreach (var rule in collection.Rules)
            {
                if (rule.DestinationAddresses.IsEmpty && !rule.DestinationFqdns.IsEmpty)
                {
                    notes.Add(DiagnosticCatalog.TraceFirewallFqdnRuleSkipped(firewall.Id, rule.Name));
                    continue;
                }

                if (Matches(rule, packet))
                {
                    return new FirewallRuleStep(firewall.Id, collection.Id, rule.Name, collection.Priority, collection.Action);
                }
            }
        }

        return new FirewallRuleStep(firewall.Id, null, null, null, SecurityRuleAccess.Deny);
    }

    /// <summary>Every address and port set a firewall's rules name, for cutting packet space into classes.</summary>
    public static IEnumerable<AddressSet> AddressSets(AzureFirewall firewall) =>
        firewall.NetworkRuleCollections.SelectMany(c => c.Rules)
            .SelectMany(r => new[] { r.SourceAddresses, r.DestinationAddresses })
            .Select(values => Addresses(values));

    public static IEnumerable<PortSet> PortSets(AzureFirewall firewall) =>
        firewall.NetworkRuleCollections.SelectMany(c => c.Rules).Select(r => Ports(r.DestinationPorts));

    private static bool Matches(AzureFirewallNetworkRule rule, Packet packet) =>
        rule.Protocols.Any(p => ProtocolMatches(p, packet.Protocol))
        && Addresses(rule.SourceAddresses).Contains(packet.Source)
        && Addresses(rule.DestinationAddresses).Contains(packet.Destination)
        && (!packet.Protocol.HasPorts() || Ports(rule.DestinationPorts).Contains(packet.DestinationPort));

    private static bool ProtocolMatches(string text, SecurityProtocol protocol) =>
        text.Equals("Any", StringComparison.OrdinalIgnoreCase)
        || text.Equals(protocol.ToString(), StringComparison.OrdinalIgnoreCase);

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
}
