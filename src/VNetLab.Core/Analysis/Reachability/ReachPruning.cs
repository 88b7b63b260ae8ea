using System.Collections.Concurrent;
using System.Collections.Immutable;
using VNetLab.Addressing;
using VNetLab.Analysis.Policies;
using VNetLab.Model;
using VNetLab.Security;

namespace VNetLab.Analysis.Reachability;

/// <summary>
/// Which (source, destination) pairs of the reach matrix can have a row at all, found without tracing: a superset of
/// the pairs with at least one packet that gets through, so leaving the others out changes no answer. At scale most
/// pairs fall out here (a landing-zone spoke NSG ends with a deny-all inbound, so spokes do not reach each other).
/// </summary>
/// <remarks>
/// Exactness argument. Every trace starts with the sender's outbound NSGs (NIC then subnet, or the subnet's alone
/// for a subnet endpoint; sites and the Internet have none), so a destination none of the sender's NSGs admits
/// (<see cref="FilterAdmission"/>, intersected over the NSGs that must all allow) gets nothing through. A trace gets
/// through by exiting (to the Internet or a site, only for destinations in <see cref="EgressAddresses"/>) or by being
/// delivered: at a firewall address (no NSG), at a NIC (its subnet's and its own inbound NSGs must both allow), or
/// at a subnet address without a NIC (the subnet's inbound NSG). The packet's addresses never change on the way, so
/// for a destination outside the egress set and holding no firewall or platform address, the sources that can get
/// through are within the union, over its NICs and the subnets it overlaps, of what their inbound NSGs admit. Each
/// bound is computed for the destination's (or sender group's) whole address set, which only widens it.
/// </remarks>
internal sealed class ReachPruning
{
    // Past this many distinct sets met at one destination, they are told apart by a hash set.
    private const int FewSets = 32;

    private readonly NetworkAnalysis _analysis;
    private readonly AddressSet _egress;
    private readonly uint[] _hostAddresses;
    private readonly Resource[] _hosts;
    private readonly uint[] _subnetFirsts;
    private readonly uint[] _subnetLasts;

    // The largest last address among subnet ranges sorted up to each index: ranges may nest in invalid estates.
    private readonly uint[] _subnetReach;
    private readonly Subnet[] _subnets;

    // What a destination admits depends only on its addresses: kept across the matrix's Compute calls (diff, benchmarks).
    private readonly ConcurrentDictionary<AddressSet, AddressSet> _admittedAt = new();

    // What each NSG admits, by what its rules can tell of the own side (FilterAdmission.Signature): the subnets of a
    // spoke behind one NSG that no rule tells apart, and every NIC of one subnet, share one walk of the rules and one
    // admitted set instead of each uniting and subtracting the rules' remote sets again. Kept per NSG (by identity), so
    // that workers asking about different NSGs never share a lock.
    private readonly ConcurrentDictionary<CompiledNetworkSecurityGroup, NetworkSecurityGroupAdmissions> _admissions = new(ReferenceEqualityComparer.Instance);

    public ReachPruning(NetworkAnalysis analysis)
    {
        _analysis = analysis;

        // The egress set (both cores' walk of every route table) and the address indexes below need nothing of each other.
        var egress = Task.Run(() => EgressAddresses.For(analysis.Routing));
        var hosts = analysis.Addresses.HostsV4;
        _hostAddresses = hosts.Addresses;
        _hosts = hosts.Holders;

        // Subnet ranges by first address; those with equal firsts (invalid overlaps) keep the estate's order, as a
        // stable sort keeps it, by the position in the low half of the key.
        var firsts = new List<uint>();
        var lasts = new List<uint>();
        var holders = new List<Subnet>();
        foreach (var (_, subnet) in analysis.Estate.AllSubnets)
        {
            foreach (var interval in AddressSet.FromPrefixes(subnet.AddressPrefixes.Select(a => a.Prefix)).V4.Intervals)
            {
                firsts.Add(interval.First);
                lasts.Add(interval.Last);
                holders.Add(subnet);
            }
        }

        var order = new ulong[firsts.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = ((ulong)firsts[i] << 32) | (uint)i;
        }

        Array.Sort(order);
        _subnetFirsts = new uint[order.Length];
        _subnetLasts = new uint[order.Length];
        _subnets = new Subnet[order.Length];
        _subnetReach = new uint[order.Length];
        for (var i = 0; i < order.Length; i++)
        {
            var index = (int)(uint)order[i];
            _subnetFirsts[i] = firsts[index];
            _subnetLasts[i] = lasts[index];
            _subnets[i] = holders[index];
            _subnetReach[i] = i == 0 ? _subnetLasts[i] : Math.Max(_subnetReach[i - 1], _subnetLasts[i]);
        }

        _egress = egress.GetAwaiter().GetResult();
    }

    /// <summary>For each source, the indexes (ascending) of the destinations it may reach; every other pair has no row.</summary>
    public List<int>[] Candidates(IReadOnlyList<ReachSource> sources, ImmutableArray<DestinationGroup> destinations)
    {
        // One worker per core: the bounds share caches, and more threads than cores (the pool adds some when workers
        // wait on those caches' locks) spun on each other's locks for a third of the time at scale.
        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
        var admitted = new AddressSet[destinations.Length];
        Parallel.For(0, destinations.Length, options, i => admitted[i] = _admittedAt.GetOrAdd(destinations[i].Addresses, SourcesAdmittedAt));
        var allowed = new AddressSet[sources.Count];
        Parallel.For(0, sources.Count, options, i => allowed[i] = DestinationsAllowedFrom(sources[i]));

        var intervals = sources
            .SelectMany((s, i) => s.Addresses.V4.Intervals.ToArray().Select(r => (r.First, r.Last, Source: i)))
            .OrderBy(r => r.First)
            .ToArray();
        var reach = new uint[intervals.Length];
        for (var i = 0; i < intervals.Length; i++)
        {
            reach[i] = i == 0 ? intervals[i].Last : Math.Max(reach[i - 1], intervals[i].Last);
        }

        var firsts = intervals.Select(r => r.First).ToArray();
        var candidates = sources.Select(_ => new List<int>()).ToArray();
        var seen = new int[sources.Count];
        Array.Fill(seen, -1);
        for (var d = 0; d < destinations.Length; d++)
        {
            var addresses = destinations[d].Addresses;
            void Consider(int source)
            {
                if (seen[source] != d)
                {
                    seen[source] = d;
                    if (allowed[source].Overlaps(addresses))
                    {
                        candidates[source].Add(d);
                    }
                }
            }

            if (admitted[d].V4.IsAll)
            {
                for (var s = 0; s < sources.Count; s++)
                {
                    Consider(s);
                }

                continue;
            }

            foreach (var range in admitted[d].V4.Intervals)
            {
                for (var j = UpperBound(firsts, range.Last) - 1; j >= 0 && reach[j] >= range.First; j--)
                {
                    if (intervals[j].Last >= range.First)
                    {
                        Consider(intervals[j].Source);
                    }
                }
            }
        }

        // Sources were met in address order within a destination; each list must follow the destinations' order.
        foreach (var list in candidates)
        {
            list.Sort();
        }

        return candidates;
    }

    /// <summary>A superset of the source addresses from which some packet to <paramref name="destinations"/> gets through.</summary>
    public AddressSet SourcesAdmittedAt(AddressSet destinations)
    {
        if (destinations.V4.IsEmpty)
        {
            return AddressSet.Empty;
        }

        if (destinations.Overlaps(_egress) || destinations.Overlaps(PlatformAddresses.All))
        {
            return AddressSet.All;
        }

        var security = _analysis.Security;
        var memo = new Dictionary<CompiledNetworkSecurityGroup, AddressSet>(ReferenceEqualityComparer.Instance);
        AddressSet Inbound(CompiledNetworkSecurityGroup nsg)
        {
            if (!memo.TryGetValue(nsg, out var set))
            {
                set = Admitted(nsg, SecurityRuleDirection.Inbound, destinations);
                memo.Add(nsg, set);
            }

            return set;
        }

        // The NICs of a subnet mostly have the same NSGs, whose admitted sets are shared: each distinct set is united once.
        var byAssociations = new Dictionary<(CompiledNetworkSecurityGroup? First, CompiledNetworkSecurityGroup? Second), AddressSet>();

        // A destination meets a few distinct sets: searched by reference in a list, not a hash set that gave each set's
        // array its first identity hash (a third of the bounds' time on the proxy estate); a hash set past a few dozen.
        var united = new List<object>();
        HashSet<object>? unitedMany = null;
        bool IsNew(object storage)
        {
            if (unitedMany is not null)
            {
                return unitedMany.Add(storage);
            }

            foreach (var known in united)
            {
                if (ReferenceEquals(known, storage))
                {
                    return false;
                }
            }

            united.Add(storage);
            if (united.Count > FewSets)
            {
                unitedMany = new HashSet<object>(united, ReferenceEqualityComparer.Instance);
            }

            return true;
        }

        var admitted = AddressSet.Empty;
        void Unite(AddressSet set)
        {
            if (set.V4.Storage is not { } storage || set.V6.Storage is not null || IsNew(storage))
            {
                admitted = admitted.Union(set);
            }
        }

        foreach (var range in destinations.V4.Intervals)
        {
            for (var i = LowerBound(_hostAddresses, range.First); i < _hostAddresses.Length && _hostAddresses[i] <= range.Last; i++)
            {
                if (_hosts[i] is not NetworkInterface nic)
                {
                    // A firewall's own address is delivered to with no NSG in the way.
                    return AddressSet.All;
                }

                var key = security.NetworkSecurityGroupsOf(nic);
                if (!byAssociations.TryGetValue(key, out var set))
                {
                    set = key switch
                    {
                        ({ } first, { } second) => Inbound(first).Intersect(Inbound(second)),
                        ({ } first, null) => Inbound(first),
                        _ => AddressSet.All,
                    };
                    byAssociations.Add(key, set);
                }

                Unite(set);
            }

            for (var j = UpperBound(_subnetFirsts, range.Last) - 1; j >= 0 && _subnetReach[j] >= range.First; j--)
            {
                if (_subnetLasts[j] < range.First)
                {
                    continue;
                }

                var subnet = _subnets[j];
                Unite(security.SubnetNetworkSecurityGroup(subnet) is { } nsg ? Inbound(nsg) : AddressSet.All);
            }

            if (admitted.V4.IsAll)
            {
                return AddressSet.All;
            }
        }

        return admitted;
    }

    /// <summary>A superset of the destinations to which some packet from <paramref name="source"/> passes its outbound NSGs.</summary>
    public AddressSet DestinationsAllowedFrom(ReachSource source)
    {
        var security = _analysis.Security;
        var memo = new Dictionary<CompiledNetworkSecurityGroup, AddressSet>(ReferenceEqualityComparer.Instance);
        AddressSet Outbound(CompiledNetworkSecurityGroup nsg)
        {
            if (!memo.TryGetValue(nsg, out var set))
            {
                set = Admitted(nsg, SecurityRuleDirection.Outbound, source.Addresses);
                memo.Add(nsg, set);
            }

            return set;
        }

        var allowed = AddressSet.Empty;
        foreach (var endpoint in source.Endpoints)
        {
            AddressSet set;
            switch (endpoint.Endpoint.Resource)
            {
                case NetworkInterface nic:
                    var associations = security.For(nic).Associations;
                    set = associations.IsEmpty
                        ? AddressSet.All
                        : associations.Select(a => Outbound(a.NetworkSecurityGroup)).Aggregate((a, b) => a.Intersect(b));
                    break;
                case Subnet subnet when security.SubnetNetworkSecurityGroup(subnet) is { } nsg:
                    set = Outbound(nsg);
                    break;
                default:
                    set = AddressSet.All;
                    break;
            }

            allowed = allowed.Union(set);
            if (allowed.V4.IsAll)
            {
                return AddressSet.All;
            }
        }

        return allowed;
    }

    /// <summary>What <paramref name="nsg"/> admits for <paramref name="own"/> (<see cref="NetworkSecurityGroupAdmissions.Admitted"/>).</summary>
    private AddressSet Admitted(CompiledNetworkSecurityGroup nsg, SecurityRuleDirection direction, AddressSet own)
    {
        if (!_admissions.TryGetValue(nsg, out var admissions))
        {
            admissions = _admissions.GetOrAdd(nsg, static nsg => new NetworkSecurityGroupAdmissions(nsg));
        }

        return admissions.Admitted(direction, own);
    }

    private static int LowerBound(uint[] sorted, uint value)
    {
        var index = Array.BinarySearch(sorted, value);
        if (index < 0)
        {
            return ~index;
        }

        while (index > 0 && sorted[index - 1] == value)
        {
            index--;
        }

        return index;
    }

    private static int UpperBound(uint[] sorted, uint value)
    {
        var index = Array.BinarySearch(sorted, value);
        if (index < 0)
        {
            return ~index;
        }

        while (index + 1 < sorted.Length && sorted[index + 1] == value)
        {
            index++;
        }

        return index + 1;
    }
}
