using System.Collections.Concurrent;
using VNetLab.Addressing;
using VNetLab.Analysis.Tracing;
using VNetLab.Model;
using VNetLab.Security;

namespace VNetLab.Analysis.Reachability;

/// <summary>
/// The destination-port cuts that matter along one path: those of the NSG rules (matching the packet's protocol and
/// addresses) and firewall rules at its hops. Routes never look at ports, so the path a packet would take if every
/// filter let it through (<see cref="Tracer.TraceIgnoringFilters"/>) is the same for every destination port, and
/// every trace of the same protocol, addresses and source port stops somewhere on it. Two destination-port atoms that
/// no cut of that path separates are therefore traced alike: one trace decides for both. Exact, not a sample; the
/// cuts are a subset of the estate-wide ones (<see cref="PacketClasses"/>), so a run of atoms begins at an atom's
/// first port.
/// </summary>
internal sealed class PathPortCuts
{
    private readonly NetworkAnalysis _analysis;
    // Shared by the matrix's parallel rows; a filter computed twice by a race is the same value.
    private readonly ConcurrentDictionary<(HopKind Kind, ResourceId Id), (CompiledSecurityRule[] Rules, int[] FirewallCuts)> _filtersByHop = new();

    public PathPortCuts(NetworkAnalysis analysis)
    {
        _analysis = analysis;
    }

    /// <summary>The destination ports at which a filter on <paramref name="path"/> that could match its packet begins or ends a port range.</summary>
    public HashSet<int> Of(Trace path)
    {
        var packet = path.Packet;
        var cuts = new HashSet<int>();
        foreach (var hop in path.Hops)
        {
            if (hop.ResourceId is not { } id)
            {
                continue;
            }

            var (rules, firewallCuts) = FiltersAt(hop.Kind, id);
            cuts.UnionWith(firewallCuts);
            foreach (var rule in rules)
            {
                // A rule that never matches the packet's protocol or addresses decides nothing for any of its ports.
                if (rule.Protocols.Contains(packet.Protocol) && rule.HoldsSource(packet.Source) && rule.HoldsDestination(packet.Destination))
                {
                    AddCuts(cuts, rule.DestinationPorts);
                }
            }
        }

        return cuts;
    }

    private (CompiledSecurityRule[] Rules, int[] FirewallCuts) FiltersAt(HopKind kind, ResourceId id)
    {
        if (!_filtersByHop.TryGetValue((kind, id), out var filters))
        {
            var firewallCuts = new HashSet<int>();
            foreach (var set in FirewallPorts(kind, id))
            {
                AddCuts(firewallCuts, set);
            }

            filters = ([.. Rules(kind, id)], [.. firewallCuts]);
            _filtersByHop.TryAdd((kind, id), filters);
        }

        return filters;
    }

    /// <summary>Every NSG rule the tracer may evaluate at a hop, in both directions.</summary>
    private IEnumerable<CompiledSecurityRule> Rules(HopKind kind, ResourceId id)
    {
        var estate = _analysis.Estate;
        var security = _analysis.Security;
        switch (kind)
        {
            case HopKind.NetworkInterface when estate.Find<NetworkInterface>(id) is { } nic:
                return security.For(nic).Associations.SelectMany(a => a.NetworkSecurityGroup.Inbound.Concat(a.NetworkSecurityGroup.Outbound));
            case HopKind.Subnet when estate.Find<Subnet>(id) is { } subnet && security.SubnetNetworkSecurityGroup(subnet) is { } compiled:
                return compiled.Inbound.Concat(compiled.Outbound);
            default:
                return [];
        }
    }

    private IEnumerable<PortSet> FirewallPorts(HopKind kind, ResourceId id) =>
        kind == HopKind.AzureFirewall && _analysis.Estate.Find<AzureFirewall>(id) is { } firewall ? FirewallRules.PortSets(firewall) : [];

    private static void AddCuts(HashSet<int> cuts, PortSet set)
    {
        foreach (var interval in set.Ports.Intervals)
        {
            cuts.Add(interval.First);
            if (interval.Last < PortRange.MaxPort)
            {
                cuts.Add(interval.Last + 1);
            }
        }
    }
}
