using System.Collections.Immutable;
using VNetLab.Addressing;
using VNetLab.Analysis.Tracing;
using VNetLab.Routing;
using VNetLab.Routing.Bgp;
using VNetLab.Security;

namespace VNetLab.Analysis.Reachability;

/// <summary>
/// The cut points that split packet space into equivalence classes for an estate: every boundary of every route
/// prefix (effective routes of every subnet, gateway learned and advertised routes), every address a NIC, firewall
/// or platform service holds, every VNet, subnet and site range, and every address and port set an NSG rule or
/// firewall rule names. Between two cuts no decision of the tracer can change, so checking one packet per class
/// checks all packets: symbolic checking, not sampling (Batfish's and AWS Reachability Analyzer's approach, here with
/// interval atoms instead of BDDs). IPv4 only.
/// </summary>
public sealed class PacketClasses
{
    // Sets of at most this many intervals are deduplicated by value alone (see CutCollector.IsNew).
    private const int SmallSetIntervals = 8;

    private readonly uint[] _addressCuts;
    private readonly uint[] _ruleAddressCuts;
    private readonly int[] _destinationPortCuts;
    private readonly int[] _sourcePortCuts;

    private PacketClasses(uint[] addressCuts, uint[] ruleAddressCuts, int[] destinationPortCuts, int[] sourcePortCuts, ImmutableArray<AddressSet> membershipSets)
    {
        _addressCuts = addressCuts;
        _ruleAddressCuts = ruleAddressCuts;
        _destinationPortCuts = destinationPortCuts;
        _sourcePortCuts = sourcePortCuts;
        MembershipSets = membershipSets;
    }

    /// <summary>
    /// The address sets a walk that ignores filters decides by membership in, besides routes: the platform and Internet
    /// sets, every NIC and firewall address, every VNet and subnet range, every prefix Azure advertises to a site. Route,
    /// learned-route and site prefixes are left to <see cref="DestinationClasses"/>, which takes those decisions by their
    /// outcome, and rule address sets to the filters, which the matrix evaluates per atom. Each set was cut, so an atom
    /// is wholly inside or outside each.
    /// </summary>
    internal ImmutableArray<AddressSet> MembershipSets { get; }

    /// <summary>How many address atoms the estate's prefixes cut IPv4 space into.</summary>
    public int AddressAtomCount => _addressCuts.Length;

    public static PacketClasses For(NetworkAnalysis analysis)
    {
        // The routes, hosts and firewall rules are cut on another thread while the NSGs are (below): cut last, on the
        // calling thread, they were a serial tenth of the set-up at scale with one core idle. Both cores then share
        // the whole work, the NSG loop's workers taking fewer NSGs while this runs.
        var others = Task.Run(() => CutAllButNetworkSecurityGroups(analysis));

        // Compiling every NSG for its associations is most of the set-up at scale (two million rules), and NSGs compile
        // and cut independently: both cores take NSGs in turn, each cutting into its own collector, merged at the end
        // (cut points are a set: neither the order nor a set cut by both workers changes them).
        var nsgs = analysis.Estate.NetworkSecurityGroups;
        var workers = new List<CutCollector>();
        Parallel.For(0, nsgs.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            () => new CutCollector(),
            (i, _, worker) =>
            {
                foreach (var compiled in analysis.Security.CompileForAssociations(nsgs[i]))
                {
                    worker.CutRules(compiled.Inbound);
                    worker.CutRules(compiled.Outbound);
                }

                return worker;
            },
            worker =>
            {
                lock (workers)
                {
                    workers.Add(worker);
                }
            });

        var (cuts, membership) = others.GetAwaiter().GetResult();
        foreach (var worker in workers)
        {
            cuts.Merge(worker);
        }

        // The two address cut lists (a million points at scale) are sorted one per core.
        var ruleAddressCuts = Task.Run(cuts.RuleAddresses.ToSortedArray);
        var addressCuts = cuts.Addresses.ToSortedArray();
        return new PacketClasses(addressCuts, ruleAddressCuts.GetAwaiter().GetResult(), SortedDistinct(cuts.DestinationPorts),
            SortedDistinct(cuts.SourcePorts), membership);
    }

    /// <summary>The cuts of everything but the NSGs' rules, and the membership sets, in the order the matrix reads them.</summary>
    private static (CutCollector Cuts, ImmutableArray<AddressSet> Membership) CutAllButNetworkSecurityGroups(NetworkAnalysis analysis)
    {
        var estate = analysis.Estate;
        var routing = analysis.Routing;
        var cuts = new CutCollector();
        var membership = ImmutableArray.CreateBuilder<AddressSet>();
        // Subnets with the same routes share one table: its routes are cut once. A table lists its own routes and some
        // of its hub's gateway routes, which thousands of tables share (a spoke's 4,000 on-premises prefixes): those are
        // cut once per shared set instead of once per table's rows. All of the set's routes are cut, those a table hides
        // too; each is a gateway's learned route (overridden ones keep their prefix), cut below anyway, so the cuts are
        // the same.
        var tables = new HashSet<EffectiveRouteTable>(ReferenceEqualityComparer.Instance);
        var gatewayRouteSets = new HashSet<GatewayRouteSet>(ReferenceEqualityComparer.Instance);
        foreach (var (_, subnet) in estate.AllSubnets)
        {
            var table = routing.RouteTableOf(subnet.Id);
            if (table is not null && tables.Add(table))
            {
                foreach (var route in table.LocalRoutes)
                {
                    foreach (var prefix in route.AddressPrefixes)
                    {
                        cuts.CutPrefix(prefix);
                    }
                }

                foreach (var route in table.GatewayRoutes is { } shared && gatewayRouteSets.Add(shared) ? shared.Routes : [])
                {
                    foreach (var prefix in route.AddressPrefixes)
                    {
                        cuts.CutPrefix(prefix);
                    }
                }
            }

            foreach (var prefix in subnet.AddressPrefixes)
            {
                cuts.CutPrefix(prefix.Prefix);
                membership.Add(AddressSet.FromPrefix(prefix.Prefix));
            }
        }

        foreach (var vnet in estate.VirtualNetworks)
        {
            foreach (var prefix in vnet.AddressSpace)
            {
                cuts.CutPrefix(prefix.Prefix);
                membership.Add(AddressSet.FromPrefix(prefix.Prefix));
            }
        }

        foreach (var gateway in estate.VirtualNetworkGateways)
        {
            foreach (var route in routing.LearnedRoutesOf(gateway.Id))
            {
                cuts.CutPrefix(route.Prefix);
            }
        }

        foreach (var site in estate.ExternalSites)
        {
            foreach (var prefix in site.AddressSpace.Concat(site.AdvertisedPrefixes))
            {
                cuts.CutPrefix(prefix);
            }

            foreach (var route in routing.RoutesAdvertisedTo(site.Id))
            {
                cuts.CutPrefix(route.Prefix);
                membership.Add(AddressSet.FromPrefix(route.Prefix));
            }
        }

        foreach (var host in analysis.Addresses.HostAddresses)
        {
            var set = AddressSet.FromAddress(host);
            cuts.Cut(set);
            membership.Add(set);
        }

        cuts.CutRule(PlatformAddresses.All);
        membership.Add(PlatformAddresses.All);
        var internet = InternetAddresses.For(estate);
        cuts.Cut(internet);
        membership.Add(internet);

        foreach (var firewall in estate.AzureFirewalls)
        {
            foreach (var set in FirewallRules.AddressSets(firewall))
            {
                cuts.CutRule(set);
            }

            foreach (var set in FirewallRules.PortSets(firewall))
            {
                cuts.CutDestinationPorts(set);
            }
        }

        return (cuts, membership.ToImmutable());
    }


    /// <summary>The IPv4 part of <paramref name="set"/> cut into atoms.</summary>
    public IEnumerable<AddressRange> Split(AddressSet set)
    {
        foreach (var interval in set.V4.Intervals.ToArray())
        {
            foreach (var (first, last) in Split(_addressCuts, interval.First, interval.Last))
            {
                yield return new AddressRange(IpAddress.FromV4(first), IpAddress.FromV4(last));
            }
        }
    }

    /// <summary><paramref name="set"/> cut at the destination-port boundaries of every rule.</summary>
    public IEnumerable<PortRange> SplitDestinationPorts(PortSet set) => SplitPorts(_destinationPortCuts, set);

    public IEnumerable<PortRange> SplitSourcePorts(PortSet set) => SplitPorts(_sourcePortCuts, set);

    /// <summary>Every class of packets from <paramref name="sources"/> to <paramref name="destinations"/> with the given protocols and destination ports.</summary>
    public IEnumerable<PacketClass> Enumerate(AddressSet sources, AddressSet destinations, ProtocolSet protocols, PortSet destinationPorts)
    {
        var sourceAtoms = Split(sources).ToList();
        var destinationAtoms = Split(destinations).ToList();
        var sourcePortAtoms = SplitSourcePorts(PortSet.All).ToList();
        var destinationPortAtoms = SplitDestinationPorts(destinationPorts).ToList();
        foreach (var protocol in protocols.Members)
        {
            foreach (var source in sourceAtoms)
            {
                foreach (var destination in destinationAtoms)
                {
                    if (!protocol.HasPorts())
                    {
                        yield return new PacketClass(protocol, source, destination, PortRange.Single(0), PortRange.Single(0));
                        continue;
                    }

                    foreach (var destinationPort in destinationPortAtoms)
                    {
                        foreach (var sourcePort in sourcePortAtoms)
                        {
                            yield return new PacketClass(protocol, source, destination, sourcePort, destinationPort);
                        }
                    }
                }
            }
        }
    }

    /// <summary>
    /// The range of addresses no NSG or firewall rule tells apart from <paramref name="address"/>: two NICs of one
    /// subnet, with the same NIC NSG and ASGs, whose addresses share this range send alike (routes ignore sources).
    /// </summary>
    public AddressRange FilterAtomOf(IpAddress address)
    {
        var (first, last) = Atom(_ruleAddressCuts, address.V4Value, uint.MaxValue);
        return new AddressRange(IpAddress.FromV4(first), IpAddress.FromV4(last));
    }

    /// <summary>The class holding <paramref name="packet"/> (IPv4 only): the atoms of its addresses and ports.</summary>
    public PacketClass ClassOf(Packet packet)
    {
        var (sourceFirst, sourceLast) = Atom(_addressCuts, packet.Source.V4Value, uint.MaxValue);
        var (destinationFirst, destinationLast) = Atom(_addressCuts, packet.Destination.V4Value, uint.MaxValue);
        var sourcePorts = packet.Protocol.HasPorts() ? Atom(_sourcePortCuts, packet.SourcePort, PortRange.MaxPort) : (0, 0);
        var destinationPorts = packet.Protocol.HasPorts() ? Atom(_destinationPortCuts, packet.DestinationPort, PortRange.MaxPort) : (0, 0);
        return new PacketClass(packet.Protocol,
            new AddressRange(IpAddress.FromV4(sourceFirst), IpAddress.FromV4(sourceLast)),
            new AddressRange(IpAddress.FromV4(destinationFirst), IpAddress.FromV4(destinationLast)),
            new PortRange(sourcePorts.Item1, sourcePorts.Item2),
            new PortRange(destinationPorts.Item1, destinationPorts.Item2));
    }

    /// <summary>
    /// The cut points of address and port sets as they are met, each distinct set cut once; one per worker while NSGs
    /// are cut in parallel, merged into one at the end.
    /// </summary>
    private sealed class CutCollector
    {
        // The same sets come back thousands of times (a VirtualNetwork tag with every on-premises prefix, in every
        // rule of every NSG association at scale): each distinct set is cut once.
        private readonly HashSet<IntervalSet<uint>> _cutAddressSets = [];
        private readonly HashSet<IntervalSet<uint>> _cutRuleSets = [];
        private readonly HashSet<object> _seenAddressStorage = new(ReferenceEqualityComparer.Instance);
        private readonly HashSet<object> _seenRuleStorage = new(ReferenceEqualityComparer.Instance);
        private readonly HashSet<IpPrefix> _cutPrefixes = [];
        private readonly HashSet<PortSet> _cutDestinationPortSets = [];
        private readonly HashSet<PortSet> _cutSourcePortSets = [];

        public AddressCuts Addresses { get; } = new();

        /// <summary>
        /// Only filters look at source addresses (routes never do), so the cuts of rule address sets alone tell which
        /// senders of one subnet are interchangeable.
        /// </summary>
        public AddressCuts RuleAddresses { get; } = new();

        public List<int> DestinationPorts { get; } = [0];

        public List<int> SourcePorts { get; } = [0];

        public void Cut(AddressSet set)
        {
            if (IsNew(set, _seenAddressStorage, _cutAddressSets))
            {
                Addresses.Add(set.V4);
            }
        }

        public void CutRule(AddressSet set)
        {
            // Every set cut as a rule's was cut as an address set then too: one met again as a rule's (most of the two
            // million rule sides at scale) is looked up once, not once in each, and nothing else changes.
            if (IsNew(set, _seenRuleStorage, _cutRuleSets))
            {
                RuleAddresses.Add(set.V4);
                Cut(set);
            }
        }

        public void CutRules(ImmutableArray<CompiledSecurityRule> rules)
        {
            foreach (var rule in rules)
            {
                CutRule(rule.Sources);
                CutRule(rule.Destinations);
                CutPorts(DestinationPorts, _cutDestinationPortSets, rule.DestinationPorts);
                CutPorts(SourcePorts, _cutSourcePortSets, rule.SourcePorts);
            }
        }

        public void CutPrefix(IpPrefix prefix)
        {
            if (_cutPrefixes.Add(prefix))
            {
                Cut(AddressSet.FromPrefix(prefix));
            }
        }

        public void CutDestinationPorts(PortSet set) => CutPorts(DestinationPorts, _cutDestinationPortSets, set);

        /// <summary>Adds every cut point <paramref name="other"/> holds.</summary>
        public void Merge(CutCollector other)
        {
            Addresses.Merge(other.Addresses);
            RuleAddresses.Merge(other.RuleAddresses);
            DestinationPorts.AddRange(other.DestinationPorts);
            SourcePorts.AddRange(other.SourcePorts);
        }

        // A large set (a VirtualNetwork tag, a service tag) is looked up by the identity of its stored intervals first,
        // so the same expansion met again is not hashed interval by interval. A small set (a prefix, a host, a rule's
        // few on-premises ranges: millions of them at scale, most made once) goes straight to its value: hashing a few
        // intervals is cheaper than giving each new array its first identity hash code.
        private static bool IsNew(AddressSet set, HashSet<object> seenStorage, HashSet<IntervalSet<uint>> seen) =>
            set.V4.Storage is { } storage
                && (set.V4.IntervalCount <= SmallSetIntervals || seenStorage.Add(storage))
                && seen.Add(set.V4);

        private static void CutPorts(List<int> cuts, HashSet<PortSet> seen, PortSet set)
        {
            if (!seen.Add(set))
            {
                return;
            }

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

    private static T[] SortedDistinct<T>(List<T> values)
    {
        values.Sort();
        var distinct = new List<T>(values.Count);
        foreach (var value in values)
        {
            if (distinct.Count == 0 || !EqualityComparer<T>.Default.Equals(distinct[^1], value))
            {
                distinct.Add(value);
            }
        }

        return [.. distinct];
    }

    private static (T First, T Last) Atom<T>(T[] cuts, T value, T max) where T : struct, System.Numerics.INumber<T>
    {
        var index = Array.BinarySearch(cuts, value);
        index = index >= 0 ? index : ~index - 1;
        return (cuts[index], index + 1 < cuts.Length ? cuts[index + 1] - T.One : max);
    }

    private static IEnumerable<PortRange> SplitPorts(int[] cuts, PortSet set)
    {
        foreach (var interval in set.Ports.Intervals.ToArray())
        {
            foreach (var (first, last) in Split(cuts, interval.First, interval.Last))
            {
                yield return new PortRange(first, last);
            }
        }
    }

    private static IEnumerable<(T First, T Last)> Split<T>(T[] cuts, T first, T last) where T : struct, IComparable<T>, System.Numerics.INumber<T>
    {
        // The atoms of [first, last]: it is cut before every cut point inside it.
        var index = Array.BinarySearch(cuts, first);
        index = index >= 0 ? index + 1 : ~index;
        var start = first;
        while (index < cuts.Length && cuts[index].CompareTo(last) <= 0)
        {
            yield return (start, cuts[index] - T.One);
            start = cuts[index];
            index++;
        }

        yield return (start, last);
    }
}
