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

    // Scratch for FiltersOn, one per worker thread: every successful walk of a row is asked, and a list grown per walk
    // was a tenth of what the rows allocated besides the walks.
    [ThreadStatic]
    private static List<Filter>? t_filters;

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

        return FiltersOnHops(source, path.Hops);
    }

    /// <summary>
    /// <see cref="FiltersOn(TraceEndpoint, Trace)"/> for a sender's path, read off a sibling's shared walk when it is one:
    /// the two differ only in their first two hops, the sender's NIC and subnet without a step, where the only filter is
    /// the NIC's outbound NSGs. So the shared walk's filters, found once, serve every sender with its own NIC first.
    /// </summary>
    public OnPath? FiltersOn(TraceEndpoint source, PermissivePath path)
    {
        if (path.Shared is not { } shared || path.NetworkInterface is not { } nic || source.Kind != TraceEndpointKind.NetworkInterface)
        {
            return FiltersOn(source, path.Trace);
        }

        var packet = path.Packet;
        if (PlatformAddresses.Contains(packet.Source) || PlatformAddresses.Contains(packet.Destination))
        {
            return null;
        }

        var filters = shared.Filters(this);
        if (filters is null || filters.Refused)
        {
            return filters;
        }

        // The shared walk's sender has its NIC's outbound filter first (PermissivePaths shares only such walks).
        var own = new Filter[filters.Filters.Length];
        filters.Filters.CopyTo(own);
        own[0] = new Filter(nic, SecurityRuleDirection.Outbound);
        return new OnPath(false, ImmutableCollectionsMarshal.AsImmutableArray(own));
    }

    /// <summary>The filters along <paramref name="hops"/> of a walk from <paramref name="source"/>, leaving aside the packet's addresses.</summary>
    internal OnPath? FiltersOnHops(TraceEndpoint source, ImmutableArray<Hop> hops)
    {
        var estate = _analysis.Estate;
        var filters = t_filters ??= [];
        filters.Clear();
        for (var i = 0; i < hops.Length; i++)
        {
            var hop = hops[i];
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
    /// firewall), with those sets. Platform addresses, which NSGs treat apart, never get here (<see cref="FiltersOn(TraceEndpoint, Trace)"/>).
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
        (ImmutableCollectionsMarshal.AsArray(rules) ?? (object)Array.Empty<CompiledSecurityRule>(), static r => RuleAddressSets((CompiledSecurityRule[])r));

    // Each rule's sources then destinations, without a two-set array per rule.
    private static IEnumerable<AddressSet> RuleAddressSets(CompiledSecurityRule[] rules)
    {
        foreach (var rule in rules)
        {
            yield return rule.Sources;
            yield return rule.Destinations;
        }
    }

    /// <summary>The filters along one path, or a refusal that stops every packet.</summary>
    public sealed record OnPath(bool Refused, ImmutableArray<Filter> Filters);

    /// <summary>One filter the tracer applies: a NIC's or subnet's NSGs in one direction, or a firewall's rules.</summary>
    public readonly record struct Filter(Resource Resource, SecurityRuleDirection Direction);
}
