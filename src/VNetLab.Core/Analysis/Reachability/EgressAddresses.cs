using VNetLab.Addressing;
using VNetLab.Routing;
using VNetLab.Routing.Bgp;

namespace VNetLab.Analysis.Reachability;

/// <summary>
/// A superset of the destinations for which some subnet's longest-prefix match is an Internet or virtual network
/// gateway route: the only ways a trace ends as "exited" rather than delivered. A destination outside this set can
/// only get through by being delivered in the estate, past the inbound filters there, which is what lets the reach
/// matrix prune pairs by the destination's inbound NSGs (<see cref="ReachPruning"/>).
/// </summary>
/// <remarks>
/// Exactness argument, per route table: a lookup answers with the local layer's longest match, or with the gateway
/// layer's when that is at least as long (<see cref="EffectiveRouteTable.GetNextHop"/>). So an address whose answer
/// exits lies in an exit prefix E (a local Internet or gateway route, or any gateway route) that no strictly longer
/// local non-exit prefix C also holds. Equivalently, it is in the union of exit prefixes minus, for each local
/// non-exit C, the part of C that no exit prefix inside C covers. Every step only drops addresses that cannot exit,
/// and gateway routes Azure hides (inside the VNet's ranges, or overridden) are kept, so the result can only be larger.
/// </remarks>
internal static class EgressAddresses
{
    public static AddressSet For(CompiledRouting routing)
    {
        var gatewayUnions = new Dictionary<GatewayRouteSet, AddressSet>(ReferenceEqualityComparer.Instance);
        var gatewayInside = new Dictionary<(GatewayRouteSet, IpPrefix), AddressSet>();
        var tables = new HashSet<EffectiveRouteTable>(ReferenceEqualityComparer.Instance);
        var gatewaysHeld = new HashSet<GatewayRouteSet>(ReferenceEqualityComparer.Instance);
        var egress = AddressSet.Empty;
        foreach (var subnet in routing.Subnets)
        {
            if (tables.Add(subnet.Table) && !Held(subnet.Table, egress, gatewaysHeld, gatewayUnions))
            {
                egress = egress.Union(OfTable(subnet.Table, gatewayUnions, gatewayInside));
            }
        }

        return egress;
    }

    /// <summary>
    /// True when every address the table could route out (its exit prefixes and its gateway routes, a superset of
    /// what <see cref="OfTable"/> gives) is in <paramref name="egress"/> already, so uniting it would change nothing:
    /// the spoke tables of one hub mostly route the same on-premises prefixes and Internet ranges out.
    /// </summary>
    private static bool Held(EffectiveRouteTable table, AddressSet egress, HashSet<GatewayRouteSet> gatewaysHeld,
        Dictionary<GatewayRouteSet, AddressSet> gatewayUnions)
    {
        if (egress.IsEmpty || !AddressSet.FromPrefixes(table.LocalLookupEntries.Where(e => IsExit(e.NextHopType)).Select(e => e.Prefix)).IsSubsetOf(egress))
        {
            return false;
        }

        if (table.GatewayRoutes is not { } gateways || gatewaysHeld.Contains(gateways))
        {
            return true;
        }

        // The egress set only grows, so a gateway set found inside it once stays inside.
        if (gatewayUnions.TryGetValue(gateways, out var union) && union.IsSubsetOf(egress))
        {
            gatewaysHeld.Add(gateways);
            return true;
        }

        return false;
    }

    private static AddressSet OfTable(EffectiveRouteTable table, Dictionary<GatewayRouteSet, AddressSet> gatewayUnions,
        Dictionary<(GatewayRouteSet, IpPrefix), AddressSet> gatewayInside)
    {
        var exits = new List<IpPrefix>();
        var others = new List<IpPrefix>();
        foreach (var (prefix, nextHopType) in table.LocalLookupEntries)
        {
            (IsExit(nextHopType) ? exits : others).Add(prefix);
        }

        var gateways = table.GatewayRoutes;
        var candidates = AddressSet.FromPrefixes(exits);
        if (gateways is not null)
        {
            if (!gatewayUnions.TryGetValue(gateways, out var union))
            {
                union = AddressSet.FromPrefixes(gateways.Routes.Select(r => r.AddressPrefixes[0]));
                gatewayUnions.Add(gateways, union);
            }

            candidates = candidates.Union(union);
        }

        if (candidates.IsEmpty)
        {
            return candidates;
        }

        var shadowed = AddressSet.Empty;
        foreach (var other in others)
        {
            var covered = AddressSet.FromPrefixes(exits.Where(other.Contains));
            if (gateways is not null)
            {
                if (!gatewayInside.TryGetValue((gateways, other), out var inside))
                {
                    var (start, end) = gateways.RoutesInside(other);
                    inside = AddressSet.FromPrefixes(Enumerable.Range(start, end - start).Select(i => gateways.Routes[i].AddressPrefixes[0]));
                    gatewayInside.Add((gateways, other), inside);
                }

                covered = covered.Union(inside);
            }

            shadowed = shadowed.Union(AddressSet.FromPrefix(other).Except(covered));
        }

        return candidates.Except(shadowed);
    }

    private static bool IsExit(NextHopType type) => type is NextHopType.Internet or NextHopType.VirtualNetworkGateway;
}
