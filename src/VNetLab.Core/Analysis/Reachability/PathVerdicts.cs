using System.Collections.Immutable;
using VNetLab.Addressing;
using VNetLab.Analysis.Tracing;
using VNetLab.Model;
using VNetLab.Security;

namespace VNetLab.Analysis.Reachability;

/// <summary>
/// What the filters on one path (<see cref="PathFilters.OnPath"/>) let through between one source and one destination
/// address, for every protocol and source port the matrix asks about: the destination ports of protocols with ports,
/// and the verdict for those without.
/// </summary>
/// <remarks>
/// An NSG rule's address sets do not depend on the protocol or the ports, and testing them is most of a rule's cost (a
/// spoke NSG has 200 rules): each NSG's rules whose sources hold the source and whose destinations hold the destination
/// are found once here, in order, and every protocol and source port then walks only those. The verdicts are those of
/// the first-match walks the tracer's NSG evaluation makes (semantics.md §4.1, §4.3): over port sets, a rule decides the
/// ports no earlier rule decided; without ports, the first rule matching decides, and every NSG of a NIC must allow
/// (the first deny is final). Platform addresses never get here (<see cref="PathFilters.FiltersOn"/>).
/// </remarks>
internal sealed class PathVerdicts
{
    private readonly bool _refused;
    private readonly IpAddress _source;
    private readonly IpAddress _destination;
    private readonly Part[][] _filters;

    public PathVerdicts(NetworkAnalysis analysis, PathFilters.OnPath filters, IpAddress source, IpAddress destination)
    {
        _refused = filters.Refused;
        _source = source;
        _destination = destination;
        _filters = new Part[filters.Filters.Length][];
        for (var i = 0; i < _filters.Length; i++)
        {
            var filter = filters.Filters[i];
            _filters[i] = filter.Resource switch
            {
                NetworkInterface nic => NicParts(analysis.Security.For(nic), filter.Direction),
                Subnet subnet => analysis.Security.SubnetNetworkSecurityGroup(subnet) is { } nsg ? [RulesPart(nsg.Rules(filter.Direction))] : [],
                AzureFirewall firewall => [new Part(firewall, default, [])],
                _ => [Part.Unknown],
            };
        }
    }

    /// <summary>The destination ports on which packets of <paramref name="protocol"/> (one with ports) from <paramref name="sourcePort"/> pass every filter.</summary>
    public PortSet AllowedDestinationPorts(SecurityProtocol protocol, int sourcePort)
    {
        if (_refused)
        {
            return PortSet.Empty;
        }

        var allowed = PortSet.All;
        foreach (var filter in _filters)
        {
            foreach (var part in filter)
            {
                allowed = allowed.Intersect(part switch
                {
                    { Firewall: { } firewall } => FirewallRules.AllowedDestinationPorts(firewall, protocol, _source, _destination),
                    { IsUnknown: true } => PortSet.Empty,
                    _ => PortsOf(part, protocol, sourcePort),
                });
                if (allowed.IsEmpty)
                {
                    return allowed;
                }
            }
        }

        return allowed;
    }

    /// <summary>Whether packets of <paramref name="protocol"/> (one without ports) pass every filter.</summary>
    public bool Allows(SecurityProtocol protocol)
    {
        if (_refused)
        {
            return false;
        }

        foreach (var filter in _filters)
        {
            foreach (var part in filter)
            {
                var allowed = part switch
                {
                    { Firewall: { } firewall } => FirewallRules.Evaluate(firewall, Packet.Create(protocol, _source, 0, _destination, 0), []).Action
                        == SecurityRuleAccess.Allow,
                    { IsUnknown: true } => false,
                    _ => FirstMatchAllows(part, protocol),
                };
                if (!allowed)
                {
                    return false;
                }
            }
        }

        return true;
    }

    private Part[] NicParts(NetworkInterfaceSecurity security, SecurityRuleDirection direction)
    {
        var (first, second) = security.EvaluationPair(direction);
        var parts = new List<Part>(2);
        foreach (var association in new[] { first, second })
        {
            if (association is not null)
            {
                parts.Add(RulesPart(association.NetworkSecurityGroup.Rules(direction)));
            }
        }

        return [.. parts];
    }

    /// <summary>An NSG's rules in one direction, with those whose address sets hold both addresses.</summary>
    private Part RulesPart(ImmutableArray<CompiledSecurityRule> rules)
    {
        var matching = new List<int>();
        for (var i = 0; i < rules.Length; i++)
        {
            if (rules[i].Sources.Contains(_source) && rules[i].Destinations.Contains(_destination))
            {
                matching.Add(i);
            }
        }

        return new Part(null, rules, [.. matching]);
    }

    /// <summary>First match over port sets: each rule decides the ports no earlier rule decided; ports no rule matches pass.</summary>
    private static PortSet PortsOf(Part part, SecurityProtocol protocol, int sourcePort)
    {
        var remaining = PortSet.All;
        var allowed = PortSet.Empty;
        foreach (var index in part.Matching)
        {
            var rule = part.Rules[index];
            if (!rule.Protocols.Contains(protocol) || !rule.SourcePorts.Contains(sourcePort))
            {
                continue;
            }

            if (rule.Access == SecurityRuleAccess.Allow)
            {
                allowed = allowed.Union(remaining.Intersect(rule.DestinationPorts));
            }

            remaining = remaining.Except(rule.DestinationPorts);
            if (remaining.IsEmpty)
            {
                break;
            }
        }

        return allowed.Union(remaining);
    }

    /// <summary>The first rule matching a packet without ports decides; none matching lets it through.</summary>
    private static bool FirstMatchAllows(Part part, SecurityProtocol protocol)
    {
        foreach (var index in part.Matching)
        {
            var rule = part.Rules[index];
            if (rule.Protocols.Contains(protocol) && rule.MatchesPortlessPackets)
            {
                return rule.Access == SecurityRuleAccess.Allow;
            }
        }

        return true;
    }

    /// <summary>One NSG's rules with the indexes of those matching the addresses, or a firewall, or a filter not modelled.</summary>
    private sealed record Part(AzureFirewall? Firewall, ImmutableArray<CompiledSecurityRule> Rules, int[] Matching)
    {
        public static Part Unknown { get; } = new(null, default, []) { IsUnknown = true };

        public bool IsUnknown { get; private init; }
    }
}
