using System.Collections.Immutable;
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
    // Parts wait to be united until there are this many, or they hold this many intervals or as many as the set so far:
    // few enough that a table like one just seen is still found held soon after.
    private const int FlushParts = 16;
    private const int FlushIntervals = 256;

    // Parts of at most this many intervals on average are united by one sort rather than pairwise merges.
    private const int SmallPartIntervals = 4;

    // Estates with fewer subnets than this per core are walked in one run: splitting would only repeat the shared work.
    private const int MinimumRunSubnets = 1024;

    // The subnets are walked in one run per core, the runs' sets united at the end: the result is the union of every
    // table's part either way (a run skips a table only when its part is inside what that run holds already), and
    // this walk was the critical path of the pruning's set-up at scale, one core busy while the other waited on it.
    public static AddressSet For(CompiledRouting routing) =>
        For(routing, Math.Clamp(routing.Subnets.Length / MinimumRunSubnets, 1, Environment.ProcessorCount));

    /// <summary>The same set, walked in <paramref name="runs"/> runs of the subnets at once.</summary>
    internal static AddressSet For(CompiledRouting routing, int runs)
    {
        var subnets = routing.Subnets;
        runs = Math.Clamp(runs, 1, Math.Max(1, subnets.Length));
        if (runs == 1)
        {
            return Of(subnets, 0, subnets.Length);
        }

        var parts = new AddressSet[runs];
        Parallel.For(0, runs, new ParallelOptions { MaxDegreeOfParallelism = runs },
            run => parts[run] = Of(subnets, subnets.Length * run / runs, subnets.Length * (run + 1) / runs));
        return UnionAll(AddressSet.Empty, [.. parts]);
    }

    /// <summary>The union of the parts of the tables of <paramref name="subnets"/> from <paramref name="start"/> up to <paramref name="end"/>.</summary>
    private static AddressSet Of(ImmutableArray<SubnetRouting> subnets, int start, int end)
    {
        var gatewayUnions = new Dictionary<GatewayRouteSet, AddressSet>(ReferenceEqualityComparer.Instance);
        var gatewayInside = new Dictionary<(GatewayRouteSet, IpPrefix), AddressSet>();
        var tables = new HashSet<EffectiveRouteTable>(ReferenceEqualityComparer.Instance);
        var gatewaysHeld = new HashSet<GatewayRouteSet>(ReferenceEqualityComparer.Instance);
        // Each table's part is united in batches, not into the whole set one by one: the set holds thousands of
        // intervals at scale, and copying it for each of thousands of tables was most of this. A table is checked
        // against the parts united so far (a subset of the result), so a skip is still exact; it only skips less.
        var egress = AddressSet.Empty;
        var pending = new List<AddressSet>();
        var pendingIntervals = 0;
        for (var i = start; i < end; i++)
        {
            var subnet = subnets[i];
            if (tables.Add(subnet.Table) && !Held(subnet.Table, egress, gatewaysHeld, gatewayUnions))
            {
                var part = OfTable(subnet.Table, gatewayUnions, gatewayInside);
                pending.Add(part);
                pendingIntervals += part.V4.IntervalCount + part.V6.IntervalCount;
                if (pending.Count >= FlushParts || pendingIntervals >= Math.Max(FlushIntervals, egress.V4.IntervalCount + egress.V6.IntervalCount))
                {
                    egress = UnionAll(egress, pending);
                    pendingIntervals = 0;
                }
            }
        }

        return UnionAll(egress, pending);
    }

    /// <summary>
    /// <paramref name="egress"/> with every set of <paramref name="pending"/> united into it; empties the list. Small
    /// parts (a hub table's peering routes, an interval or two each) are sorted together once; large ones (gateway
    /// routes, thousands of intervals) are merged pairwise, which never sorts what is already in order. The set so far
    /// is united last, so it is copied once.
    /// </summary>
    internal static AddressSet UnionAll(AddressSet egress, List<AddressSet> pending)
    {
        var intervals = 0;
        foreach (var part in pending)
        {
            intervals += part.V4.IntervalCount + part.V6.IntervalCount;
        }

        AddressSet parts;
        if (intervals <= SmallPartIntervals * pending.Count)
        {
            parts = AddressSet.FromRanges(pending.SelectMany(Ranges));
        }
        else
        {
            while (pending.Count > 1)
            {
                var merged = 0;
                for (var i = 0; i < pending.Count; i += 2)
                {
                    pending[merged++] = i + 1 < pending.Count ? pending[i].Union(pending[i + 1]) : pending[i];
                }

                pending.RemoveRange(merged, pending.Count - merged);
            }

            parts = pending[0];
        }

        pending.Clear();
        return egress.Union(parts);
    }

    private static IEnumerable<AddressRange> Ranges(AddressSet set)
    {
        foreach (var interval in set.V4.Intervals.ToArray())
        {
            yield return new AddressRange(IpAddress.FromV4(interval.First), IpAddress.FromV4(interval.Last));
        }

        foreach (var interval in set.V6.Intervals.ToArray())
        {
            yield return new AddressRange(IpAddress.FromV6(interval.First), IpAddress.FromV6(interval.Last));
        }
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

        var shadowed = new List<AddressSet>();
        foreach (var other in others)
        {
            var inOther = new List<IpPrefix>();
            foreach (var exit in exits)
            {
                if (other.Contains(exit))
                {
                    inOther.Add(exit);
                }
            }

            var covered = AddressSet.FromPrefixes(inOther);
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

            shadowed.Add(AddressSet.FromPrefix(other).Except(covered));
        }

        // A hub's table has a peering route per spoke: their parts are united pairwise, not one by one.
        return candidates.Except(UnionAll(AddressSet.Empty, shadowed));
    }

    private static bool IsExit(NextHopType type) => type is NextHopType.Internet or NextHopType.VirtualNetworkGateway;
}
