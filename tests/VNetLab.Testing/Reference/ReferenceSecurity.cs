using System.Globalization;
using VNetLab.Addressing;
using VNetLab.Model;

namespace VNetLab.Testing.Reference;

/// <summary>
/// The straightforward NSG evaluator: a NIC's NSGs (subnet and NIC) are prepared into rule lists with their
/// prefixes parsed and service tags expanded for that NIC, and a flow is decided by scanning the rules in
/// priority order until one matches (semantics.md 4.3, first match). No interval sets, no tries, no sharing.
/// </summary>
/// <remarks>
/// Tags: <c>VirtualNetwork</c> is the NIC's VNet ranges, directly peered ranges, the subnet's gateway routes,
/// its route table's UDR prefixes and 168.63.129.16 (semantics.md 4.5); <c>Internet</c> is the complement of the
/// reserved and private ranges of the 2017 expansion (open question 7.7); <c>AzureLoadBalancer</c> is
/// 168.63.129.16. Other service tags match nothing. With no NSG at either level the flow is allowed (open question 7.5).
/// </remarks>
public sealed class ReferenceSecurity
{
    private static readonly IpPrefix _hostVirtualIp = IpPrefix.Parse("168.63.129.16/32");

    /// <summary>Ranges outside the Internet tag (semantics.md 4.5, the complement of a real 2017 expansion).</summary>
    private static readonly IpPrefix[] _notInternet =
    [
        .. new[]
        {
            "0.0.0.0/8", "10.0.0.0/8", "25.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
            "192.0.2.0/24", "192.168.0.0/16", "198.18.0.0/15", "224.0.0.0/3",
        }.Select(IpPrefix.Parse),
    ];

    private readonly ReferenceRouting _routing;

    public ReferenceSecurity(ReferenceRouting routing) => _routing = routing;

    private Estate Estate => _routing.Estate;

    /// <summary>IP flow verify for one NIC, preparing its rules first (the one-off, unprepared path).</summary>
    public ReferenceFlowVerdict Verify(NetworkInterface nic, SecurityRuleDirection direction, string protocol,
        IpAddress localAddress, int localPort, IpAddress remoteAddress, int remotePort) =>
        Prepare(nic).Verify(direction, protocol, localAddress, localPort, remoteAddress, remotePort);

    /// <summary>The NIC's NSG levels with parsed rules, ready for many flows.</summary>
    public PreparedNetworkInterface Prepare(NetworkInterface nic)
    {
        var subnet = Estate.SubnetOf(nic);
        var virtualNetworkTag = subnet is null ? [_hostVirtualIp] : VirtualNetworkTag(subnet);
        var ownAddresses = nic.IpConfigurations.Select(c => c.PrivateIpAddress).OfType<IpAddress>().ToList();
        var ownGroups = nic.IpConfigurations.SelectMany(c => c.ApplicationSecurityGroupIds).ToHashSet();
        PreparedNsg? Level(ResourceId? id) =>
            Estate.Find<NetworkSecurityGroup>(id) is { } nsg ? new PreparedNsg(nsg, [.. nsg.SecurityRules.Concat(nsg.DefaultSecurityRules)
                .OrderBy(r => r.Priority).ThenBy(r => r.Name, StringComparer.Ordinal)
                .Select(r => new PreparedRule(r, this, virtualNetworkTag, ownGroups))]) : null;
        return new PreparedNetworkInterface(Level(subnet?.NetworkSecurityGroupId), Level(nic.NetworkSecurityGroupId), ownAddresses);
    }

    /// <summary>The VirtualNetwork tag as seen from one subnet (semantics.md 4.5).</summary>
    public List<IpPrefix> VirtualNetworkTag(Subnet subnet)
    {
        var vnet = Estate.VirtualNetworkOf(subnet.Id);
        var tag = new List<IpPrefix> { _hostVirtualIp };
        if (vnet is null)
        {
            return tag;
        }

        tag.AddRange(vnet.AddressSpace.Select(a => a.Prefix));
        tag.AddRange(_routing.ConnectedPeerings(vnet).SelectMany(p => p.RemoteRanges));
        tag.AddRange(_routing.EffectiveRoutes(subnet).Where(r => r.Source == "VirtualNetworkGateway").Select(r => r.Prefix));
        if (Estate.Find<RouteTable>(subnet.RouteTableId) is { } table)
        {
            tag.AddRange(table.Routes.Select(r => r.Prefix).OfType<IpPrefix>());
        }

        return tag;
    }

    /// <summary>Whether an address belongs to an IP configuration that is a member of the application security group.</summary>
    private bool IsMember(ResourceId asg, IpAddress address) =>
        Estate.AssociationsOf(asg).OfType<NetworkInterfaceIpConfiguration>().Any(c => c.PrivateIpAddress == address);

    private static bool IsInternet(IpAddress address) => address.IsV4 && !_notInternet.Any(p => p.Contains(address));

    /// <summary>A NIC's two NSG levels; either may be absent (then it lets everything through).</summary>
    public sealed class PreparedNetworkInterface
    {
        private readonly PreparedNsg? _subnet;
        private readonly PreparedNsg? _nic;

        internal PreparedNetworkInterface(PreparedNsg? subnet, PreparedNsg? nic, List<IpAddress> ownAddresses)
        {
            _subnet = subnet;
            _nic = nic;
            OwnAddresses = ownAddresses;
        }

        public IReadOnlyList<IpAddress> OwnAddresses { get; }

        /// <summary>Inbound: subnet NSG then NIC NSG; outbound: NIC NSG then subnet NSG; a Deny at either level decides (semantics.md 4.3).</summary>
        public ReferenceFlowVerdict Verify(SecurityRuleDirection direction, string protocol, IpAddress localAddress, int localPort,
            IpAddress remoteAddress, int remotePort)
        {
            var inbound = direction == SecurityRuleDirection.Inbound;
            var flow = inbound
                ? new Flow(direction, protocol, remoteAddress, remotePort, localAddress, localPort, LocalIsSource: false)
                : new Flow(direction, protocol, localAddress, localPort, remoteAddress, remotePort, LocalIsSource: true);
            ReferenceFlowVerdict? verdict = null;
            foreach (var level in inbound ? new[] { _subnet, _nic } : [_nic, _subnet])
            {
                if (level is null)
                {
                    continue;
                }

                var rule = level.Rules.FirstOrDefault(r => r.Matches(flow));
                verdict = rule is null
                    ? new ReferenceFlowVerdict(SecurityRuleAccess.Deny, null, level.Nsg.Id)
                    : new ReferenceFlowVerdict(rule.Rule.Access, rule.QualifiedName, level.Nsg.Id);
                if (verdict.Access == SecurityRuleAccess.Deny)
                {
                    return verdict;
                }
            }

            return verdict ?? new ReferenceFlowVerdict(SecurityRuleAccess.Allow, null, null);
        }
    }

    internal sealed record PreparedNsg(NetworkSecurityGroup Nsg, List<PreparedRule> Rules);

    /// <summary>A packet in rule terms: source and destination as the rule sees them for its direction.</summary>
    internal readonly record struct Flow(SecurityRuleDirection Direction, string Protocol, IpAddress Source, int SourcePort,
        IpAddress Destination, int DestinationPort, bool LocalIsSource);

    /// <summary>One rule with its ports and prefixes parsed; matching is a scan of each list.</summary>
    internal sealed class PreparedRule
    {
        private readonly ReferenceSecurity _owner;
        private readonly HashSet<ResourceId> _ownGroups;
        private readonly List<(int Low, int High)> _sourcePorts;
        private readonly List<(int Low, int High)> _destinationPorts;
        private readonly Side _source;
        private readonly Side _destination;

        public PreparedRule(SecurityRule rule, ReferenceSecurity owner, List<IpPrefix> virtualNetworkTag, HashSet<ResourceId> ownGroups)
        {
            Rule = rule;
            _owner = owner;
            _ownGroups = ownGroups;
            QualifiedName = (rule.IsDefault ? "defaultSecurityRules/" : "securityRules/") + rule.Name;
            _sourcePorts = Ports(rule.SourcePortRanges);
            _destinationPorts = Ports(rule.DestinationPortRanges);
            _source = new Side(rule.SourceAddressPrefixes, rule.SourceApplicationSecurityGroupIds, virtualNetworkTag);
            _destination = new Side(rule.DestinationAddressPrefixes, rule.DestinationApplicationSecurityGroupIds, virtualNetworkTag);
        }

        public SecurityRule Rule { get; }

        public string QualifiedName { get; }

        public bool Matches(Flow flow) =>
            Rule.Direction == flow.Direction
            && (Rule.Protocol == "*" || string.Equals(Rule.Protocol, flow.Protocol, StringComparison.OrdinalIgnoreCase))
            && InPorts(_sourcePorts, flow.SourcePort)
            && InPorts(_destinationPorts, flow.DestinationPort)
            && Matches(_source, flow.Source, isLocal: flow.LocalIsSource)
            && Matches(_destination, flow.Destination, isLocal: !flow.LocalIsSource);

        /// <summary>
        /// An ASG side applies only when the local NIC is a member (for the local end) or the address belongs to a
        /// member (for the remote end) (semantics.md 4.6).
        /// </summary>
        private bool Matches(Side side, IpAddress address, bool isLocal)
        {
            if (!side.ApplicationSecurityGroups.IsEmpty)
            {
                return side.ApplicationSecurityGroups.Any(g => isLocal ? _ownGroups.Contains(g) && _owner.IsMember(g, address) : _owner.IsMember(g, address));
            }

            return side.Any || side.Prefixes.Any(p => p.Contains(address)) || (side.Internet && IsInternet(address));
        }

        private static bool InPorts(List<(int Low, int High)> ports, int port) => ports.Count == 0 || ports.Any(r => port >= r.Low && port <= r.High);

        private static List<(int, int)> Ports(IEnumerable<string> ranges)
        {
            var result = new List<(int, int)>();
            foreach (var text in ranges.SelectMany(r => r.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
            {
                if (text == "*")
                {
                    return [];
                }

                var dash = text.IndexOf('-', StringComparison.Ordinal);
                result.Add(dash < 0
                    ? (Parse(text), Parse(text))
                    : (Parse(text[..dash]), Parse(text[(dash + 1)..])));
            }

            return result;
        }

        private static int Parse(string text) => int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
    }

    /// <summary>One side of a rule: any address, explicit prefixes (tags expanded), the Internet tag, or ASGs.</summary>
    internal sealed class Side
    {
        public Side(IEnumerable<string> prefixes, System.Collections.Immutable.ImmutableArray<ResourceId> groups, List<IpPrefix> virtualNetworkTag)
        {
            ApplicationSecurityGroups = groups;
            var texts = prefixes.ToList();
            Any = texts.Count == 0 && groups.IsEmpty;
            foreach (var text in texts)
            {
                switch (text)
                {
                    case "*" or "Any" or "0.0.0.0/0":
                        Any = true;
                        break;
                    case "VirtualNetwork":
                        Prefixes.AddRange(virtualNetworkTag);
                        break;
                    case "Internet":
                        Internet = true;
                        break;
                    case "AzureLoadBalancer":
                        Prefixes.Add(_hostVirtualIp);
                        break;
                    default:
                        if (IpPrefix.TryParseAddressOrPrefix(text, out var prefix, out _))
                        {
                            Prefixes.Add(prefix);
                        }

                        break;
                }
            }
        }

        public bool Any { get; }

        public bool Internet { get; }

        public List<IpPrefix> Prefixes { get; } = [];

        public System.Collections.Immutable.ImmutableArray<ResourceId> ApplicationSecurityGroups { get; }
    }
}
