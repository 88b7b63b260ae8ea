using System.Collections.Immutable;
using VNetLab.Addressing;
using VNetLab.Analysis.Tracing;
using VNetLab.Model;
using VNetLab.Security;

namespace VNetLab.Analysis.Reachability;

/// <summary>
/// The destination ports a packet gets through on, read off the path it would take if every filter let it through
/// (<see cref="Tracer.OutcomeIgnoringFilters"/>) instead of tracing each run of ports: routes never look at ports,
/// so a real trace follows that path until a filter on it denies, and gets through exactly on the ports that every
/// filter on the path allows. Each filter (NSGs in the direction the tracer evaluates them, firewall network rules)
/// gives its allowed ports by the same first-match walk over port sets.
/// </summary>
/// <remarks>
/// Exactness argument: a successful permissive path records, as drop or IP forwarding steps, every refusal that does
/// not depend on ports (a peering that refuses, an appliance without IP forwarding): with one, no port gets through.
/// Otherwise the filters the tracer applies are, by hop: the sender NIC's or subnet's outbound NSGs (first hop), an
/// appliance NIC's inbound then outbound NSGs (the hop with the IP forwarding step), a firewall's rules (the hop with
/// its rule step), and the receiving NIC's or subnet's inbound NSGs (the hop with the delivered step). Anything else,
/// and traffic to or from a platform address (whose NSG rules differ, semantics.md §4.8), returns null and the caller
/// traces port runs as before.
/// </remarks>
internal sealed class PathFilters
{
    private readonly NetworkAnalysis _analysis;

    public PathFilters(NetworkAnalysis analysis)
    {
        _analysis = analysis;
    }

    /// <summary>The destination ports on which packets of <paramref name="path"/>'s protocol and addresses, from <paramref name="sourcePort"/>, get through; null when not modelled.</summary>
    public PortSet? AllowedDestinationPorts(TraceEndpoint source, Trace path, int sourcePort)
    {
        var packet = path.Packet;
        if (PlatformAddresses.Contains(packet.Source) || PlatformAddresses.Contains(packet.Destination))
        {
            return null;
        }

        var estate = _analysis.Estate;
        var allowed = PortSet.All;
        for (var i = 0; i < path.Hops.Length && !allowed.IsEmpty; i++)
        {
            var hop = path.Hops[i];
            var forwarding = false;
            var delivered = false;
            var firewallRule = false;
            foreach (var step in hop.Steps)
            {
                switch (step)
                {
                    case DropStep:
                    case IpForwardingStep { Enabled: false }:
                        return PortSet.Empty;
                    case IpForwardingStep:
                        forwarding = true;
                        break;
                    case DeliveredStep:
                        delivered = true;
                        break;
                    case FirewallRuleStep:
                        firewallRule = true;
                        break;
                }
            }

            var first = i == 0;
            switch (hop.Kind)
            {
                case HopKind.NetworkInterface:
                    if (estate.Find<NetworkInterface>(hop.ResourceId) is not { } nic)
                    {
                        return null;
                    }

                    if (first && source.Kind == TraceEndpointKind.NetworkInterface)
                    {
                        allowed = allowed.Intersect(OfNic(nic, SecurityRuleDirection.Outbound, packet, sourcePort));
                    }
                    else if (forwarding)
                    {
                        allowed = allowed.Intersect(OfNic(nic, SecurityRuleDirection.Inbound, packet, sourcePort))
                            .Intersect(OfNic(nic, SecurityRuleDirection.Outbound, packet, sourcePort));
                    }
                    else if (delivered)
                    {
                        allowed = allowed.Intersect(OfNic(nic, SecurityRuleDirection.Inbound, packet, sourcePort));
                    }
                    else
                    {
                        return null;
                    }

                    break;
                case HopKind.Subnet:
                    if (estate.Find<Subnet>(hop.ResourceId) is not { } subnet)
                    {
                        return null;
                    }

                    if (first && source.Kind == TraceEndpointKind.Subnet)
                    {
                        allowed = allowed.Intersect(OfSubnet(subnet, SecurityRuleDirection.Outbound, packet, sourcePort));
                    }

                    if (delivered)
                    {
                        allowed = allowed.Intersect(OfSubnet(subnet, SecurityRuleDirection.Inbound, packet, sourcePort));
                    }

                    break;
                case HopKind.AzureFirewall:
                    if (firewallRule)
                    {
                        if (estate.Find<AzureFirewall>(hop.ResourceId) is not { } firewall)
                        {
                            return null;
                        }

                        allowed = allowed.Intersect(FirewallRules.AllowedDestinationPorts(firewall, packet.Protocol, packet.Source, packet.Destination));
                    }
                    else if (!delivered)
                    {
                        return null;
                    }

                    break;
            }
        }

        return allowed;
    }

    private PortSet OfNic(NetworkInterface nic, SecurityRuleDirection direction, Packet packet, int sourcePort)
    {
        // Both NSGs must allow (the first deny is final), so the ports are those every one of them allows.
        var allowed = PortSet.All;
        foreach (var association in _analysis.Security.For(nic).EvaluationOrder(direction))
        {
            allowed = allowed.Intersect(OfRules(association.NetworkSecurityGroup.Rules(direction), packet, sourcePort));
        }

        return allowed;
    }

    private PortSet OfSubnet(Subnet subnet, SecurityRuleDirection direction, Packet packet, int sourcePort)
    {
        var security = _analysis.Security;
        return _analysis.Estate.Find<NetworkSecurityGroup>(subnet.NetworkSecurityGroupId) is { } nsg
            ? OfRules(security.Compile(nsg, security.VirtualNetworkTagOf(subnet)).Rules(direction), packet, sourcePort)
            : PortSet.All;
    }

    /// <summary>First match over port sets: each rule decides the ports no earlier rule decided; ports no rule matches pass.</summary>
    private static PortSet OfRules(ImmutableArray<CompiledSecurityRule> rules, Packet packet, int sourcePort)
    {
        var remaining = PortSet.All;
        var allowed = PortSet.Empty;
        foreach (var rule in rules)
        {
            if (!rule.Protocols.Contains(packet.Protocol) || !rule.Sources.Contains(packet.Source)
                || !rule.Destinations.Contains(packet.Destination) || !rule.SourcePorts.Contains(sourcePort))
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
}
