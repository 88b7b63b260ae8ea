using System.Collections.Immutable;
using System.Runtime.InteropServices;
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
/// appliance NIC's inbound then outbound NSGs (the hop with the IP forwarding step), a firewall's rules (a firewall hop
/// the packet passes through rather than ends at: the walk evaluates no rule there), and the receiving NIC's or
/// subnet's inbound NSGs (the hop with the delivered step). Anything else, and traffic to or from a platform address
/// (whose NSG rules differ, semantics.md §4.8), returns null and the caller traces port runs as before.
/// </remarks>
internal sealed class PathFilters
{
    private readonly NetworkAnalysis _analysis;

    public PathFilters(NetworkAnalysis analysis)
    {
        _analysis = analysis;
    }

    /// <summary>
    /// The filters the tracer applies along a successful permissive <paramref name="path"/>, in order; an empty list
    /// with <see cref="OnPath.Refused"/> when a port-independent refusal is on it; null when not modelled.
    /// </summary>
    public OnPath? FiltersOn(TraceEndpoint source, Trace path)
    {
        var packet = path.Packet;
        if (PlatformAddresses.Contains(packet.Source) || PlatformAddresses.Contains(packet.Destination))
        {
            return null;
        }

        var estate = _analysis.Estate;
        var filters = new List<Filter>();
        for (var i = 0; i < path.Hops.Length; i++)
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
                        return new OnPath(true, []);
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
                        filters.Add(new Filter(nic, SecurityRuleDirection.Outbound));
                    }
                    else if (forwarding)
                    {
                        filters.Add(new Filter(nic, SecurityRuleDirection.Inbound));
                        filters.Add(new Filter(nic, SecurityRuleDirection.Outbound));
                    }
                    else if (delivered)
                    {
                        filters.Add(new Filter(nic, SecurityRuleDirection.Inbound));
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

                    // A subnet endpoint delivering into its own subnet evaluates both directions in one hop.
                    if (first && source.Kind == TraceEndpointKind.Subnet)
                    {
                        filters.Add(new Filter(subnet, SecurityRuleDirection.Outbound));
                    }

                    if (delivered)
                    {
                        filters.Add(new Filter(subnet, SecurityRuleDirection.Inbound));
                    }

                    break;
                case HopKind.AzureFirewall:
                    // A packet through the firewall (not to it) meets its rules; a walk ignoring filters records no verdict.
                    if (firewallRule || !delivered)
                    {
                        if (estate.Find<AzureFirewall>(hop.ResourceId) is not { } firewall)
                        {
                            return null;
                        }

                        filters.Add(new Filter(firewall, SecurityRuleDirection.Inbound));
                    }

                    break;
            }
        }

        return new OnPath(false, [.. filters]);
    }

    /// <summary>
    /// The parts of the filters whose verdicts on a destination depend on it only through membership in address sets:
    /// each NSG's rules in the direction evaluated (keyed by the rule array) and each firewall's rules (keyed by the
    /// firewall), with those sets. Platform addresses, which NSGs treat apart, never get here (<see cref="FiltersOn"/>).
    /// </summary>
    public IEnumerable<(object Key, Func<object, IEnumerable<AddressSet>> Sets)> AddressParts(OnPath filters)
    {
        foreach (var filter in filters.Filters)
        {
            switch (filter.Resource)
            {
                case NetworkInterface nic:
                    var (first, second) = _analysis.Security.For(nic).EvaluationPair(filter.Direction);
                    if (first is not null)
                    {
                        yield return RuleSets(first.NetworkSecurityGroup.Rules(filter.Direction));
                    }

                    if (second is not null)
                    {
                        yield return RuleSets(second.NetworkSecurityGroup.Rules(filter.Direction));
                    }

                    break;
                case Subnet subnet when _analysis.Security.SubnetNetworkSecurityGroup(subnet) is { } nsg:
                    yield return RuleSets(nsg.Rules(filter.Direction));
                    break;
                case AzureFirewall firewall:
                    yield return (firewall, static f => FirewallRules.AddressSets((AzureFirewall)f));
                    break;
            }
        }
    }

    private static (object Key, Func<object, IEnumerable<AddressSet>> Sets) RuleSets(ImmutableArray<CompiledSecurityRule> rules) =>
        (ImmutableCollectionsMarshal.AsArray(rules) ?? (object)Array.Empty<CompiledSecurityRule>(),
            static r => ((CompiledSecurityRule[])r).SelectMany(rule => new[] { rule.Sources, rule.Destinations }));

    /// <summary>The filters along one path, or a refusal that stops every packet.</summary>
    public sealed record OnPath(bool Refused, ImmutableArray<Filter> Filters);

    /// <summary>One filter the tracer applies: a NIC's or subnet's NSGs in one direction, or a firewall's rules.</summary>
    public readonly record struct Filter(Resource Resource, SecurityRuleDirection Direction);
}
