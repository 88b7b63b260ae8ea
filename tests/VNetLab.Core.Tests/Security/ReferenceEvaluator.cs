using VNetLab.Addressing;
using VNetLab.Model;
using VNetLab.Security;

namespace VNetLab.Core.Tests.Security;

/// <summary>
/// A deliberately plain evaluator written from the facts, sharing no code with the engine beyond parsing single
/// addresses and prefixes: rules are read as text on every call, tags are spelled out by hand, and the first
/// matching rule by priority decides. The property tests hold the compiled evaluator to it.
/// </summary>
internal static class ReferenceEvaluator
{
    // semantics.md 4.5: the recorded Internet expansion is IPv4 minus these.
    private static readonly string[] InternetExclusions =
    [
        "0.0.0.0/8", "10.0.0.0/8", "25.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16",
        "172.16.0.0/12", "192.0.2.0/24", "192.168.0.0/16", "198.18.0.0/15", "224.0.0.0/3",
    ];

    /// <summary>The rule that decides, or null when no NSG applies; VirtualNetwork is the VNet space plus 168.63.129.16.</summary>
    public static (SecurityRuleAccess Access, string? RuleName) Evaluate(
        NetworkSecurityGroup? subnetNsg, NetworkSecurityGroup? nicNsg, string vnetSpace, SecurityRuleDirection direction, Packet packet)
    {
        var order = direction == SecurityRuleDirection.Inbound ? new[] { subnetNsg, nicNsg } : [nicNsg, subnetNsg];
        var present = order.OfType<NetworkSecurityGroup>().ToList();
        if (present.Count == 0)
        {
            return (SecurityRuleAccess.Allow, null);
        }

        (SecurityRuleAccess Access, string? RuleName) result = (SecurityRuleAccess.Allow, null);
        foreach (var nsg in present)
        {
            var rule = nsg.SecurityRules.Concat(DefaultSecurityRules.For(nsg.Id))
                .Where(r => r.Direction == direction)
                .OrderBy(r => r.Priority)
                .FirstOrDefault(r => Matches(r, vnetSpace, packet));
            if (rule is null)
            {
                continue;
            }

            result = (rule.Access, (rule.IsDefault ? "defaultSecurityRules/" : "securityRules/") + rule.Name);
            if (rule.Access == SecurityRuleAccess.Deny)
            {
                break;
            }
        }

        var remote = direction == SecurityRuleDirection.Inbound ? packet.Source : packet.Destination;
        var platform = remote == IpAddress.Parse("168.63.129.16") || remote == IpAddress.Parse("169.254.169.254");
        return platform && result.Access == SecurityRuleAccess.Deny ? (SecurityRuleAccess.Allow, null) : result;
    }

    private static bool Matches(SecurityRule rule, string vnetSpace, Packet packet)
    {
        var protocolMatches = rule.Protocol == "*" || string.Equals(rule.Protocol, packet.Protocol.ToString(), StringComparison.OrdinalIgnoreCase);
        var portsMatch = packet.Protocol is SecurityProtocol.Tcp or SecurityProtocol.Udp
            ? PortMatches(rule.SourcePortRanges, packet.SourcePort) && PortMatches(rule.DestinationPortRanges, packet.DestinationPort)
            : rule.SourcePortRanges.All(p => p == "*") && rule.DestinationPortRanges.All(p => p == "*");
        return protocolMatches && portsMatch
            && rule.SourceAddressPrefixes.Any(p => AddressMatches(p, vnetSpace, packet.Source))
            && rule.DestinationAddressPrefixes.Any(p => AddressMatches(p, vnetSpace, packet.Destination));
    }

    private static bool PortMatches(IEnumerable<string> ranges, int port) => ranges.Any(range =>
    {
        if (range == "*")
        {
            return true;
        }

        var parts = range.Split('-');
        var low = int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
        var high = int.Parse(parts[^1], System.Globalization.CultureInfo.InvariantCulture);
        return port >= low && port <= high;
    });

    private static bool AddressMatches(string value, string vnetSpace, IpAddress address) => value switch
    {
        "*" => true,
        "VirtualNetwork" => IpPrefix.Parse(vnetSpace).Contains(address) || address == IpAddress.Parse("168.63.129.16"),
        "AzureLoadBalancer" => address == IpAddress.Parse("168.63.129.16"),
        "Internet" => address.IsV4 && !InternetExclusions.Any(x => IpPrefix.Parse(x).Contains(address)),
        _ => IpPrefix.TryParseAddressOrPrefix(value, out var prefix, out _) && prefix.Contains(address),
    };
}
