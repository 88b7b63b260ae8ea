using System.Collections.Concurrent;
using System.Collections.Immutable;
using VNetLab.Addressing;
using VNetLab.Analysis.Policies;
using VNetLab.Analysis.Tracing;
using VNetLab.Security;

namespace VNetLab.Analysis.Reachability;

/// <summary>
/// Which subnets reach which subnets, external sites and the Internet, on which protocols and ports, for all
/// packets, not samples: the rows are those that tracing one packet per class (<see cref="PacketClasses"/>) from every
/// endpoint of a source to every address of a destination would give, found with fewer traces. Pairs no packet can
/// pass are pruned first (<see cref="ReachPruning"/>); for the others, one trace ignoring filters per sender, source
/// atom and destination atom gives the path, and the filters on it give the ports (<see cref="PathFilters"/>).
/// docs/modeling/reachability.md has the exactness arguments; the traced matrix is kept as the tests' oracle.
/// </summary>
public sealed class ReachabilityMatrix
{
    private readonly NetworkAnalysis _analysis;
    private readonly Tracer _tracer;
    private readonly SelectorResolver _resolver;
    private readonly PacketClasses _classes;
    private readonly PathPortCuts _pathPortCuts;
    private readonly PathFilters _pathFilters;
    private readonly PortRange[] _sourcePortAtoms;
    private readonly PortRange[] _destinationPortAtoms;

    private static readonly SecurityProtocol[] AllProtocols = [.. ProtocolSet.All.Members];

    private readonly ConcurrentDictionary<string, string> _siteExits = new(StringComparer.Ordinal);

    // Scratch for BySiteClass, one per worker thread: zero between calls.
    [ThreadStatic]
    private static int[]? t_classSlots;

    // Scratch for ByFilterClass, one per worker thread.
    [ThreadStatic]
    private static FilterSplitScratch? t_filterSplit;

    // Built on first use: a matrix object may only be asked for its resolver.
    private readonly Lazy<ReachPruning> _pruning;

    // The sites' atoms by class (4,000 on-premises prefixes behind one connection are one class): built on first use.
    private readonly Lazy<DestinationClasses> _siteClasses;

    public ReachabilityMatrix(NetworkAnalysis analysis)
    {
        _analysis = analysis;
        _tracer = new Tracer(analysis);
        _resolver = new SelectorResolver(analysis.Estate);
        _classes = PacketClasses.For(analysis);
        _pathPortCuts = new PathPortCuts(analysis);
        _pathFilters = new PathFilters(analysis);
        _sourcePortAtoms = [.. _classes.SplitSourcePorts(PortSet.All)];
        _destinationPortAtoms = [.. _classes.SplitDestinationPorts(PortSet.All)];
        _pruning = new(() => new ReachPruning(analysis));
        _siteClasses = new(() => new DestinationClasses(analysis, _tracer, _classes,
            _resolver.SiteDestinations().Aggregate(AddressSet.Empty, (set, site) => set.Union(site.Addresses))));
    }

    public SelectorResolver Resolver => _resolver;

    /// <summary>The rows for the sources and destinations selected (null: every workload subnet, site and the Internet), sorted by source then destination.</summary>
    public ImmutableArray<ReachRow> Compute(EndpointSelector? from = null, EndpointSelector? to = null) => [.. Rows(from, to)];

    /// <summary>
    /// The rows of <see cref="Compute"/>, in the same order, as they are found: a source's rows come once the
    /// sources before it are done, so a caller can write millions of rows without holding them. Pairs that no packet
    /// can pass are left out before any trace (<see cref="ReachPruning"/>), and sources are worked on in parallel.
    /// </summary>
    public IEnumerable<ReachRow> Rows(EndpointSelector? from = null, EndpointSelector? to = null)
    {
        var sourceEndpoints = from is null ? _resolver.AllSources() : _resolver.Sources(from);
        var destinations = to is null ? _resolver.AllDestinations() : _resolver.Destinations(to);
        var sources = sourceEndpoints.GroupBy(s => s.Group, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ReachSource(g.Key, [.. g], g.Aggregate(AddressSet.Empty, (set, e) => set.Union(e.Addresses))))
            .ToList();
        var candidates = _pruning.Value.Candidates(sources, destinations);

        // A worker per core, a few dozen sources ahead of the caller at most: bounded memory while streaming, and the
        // caller writes rows while the workers go on.
        var walkGroups = new WalkGroupCache();
        var paths = new PermissivePaths(_analysis, _tracer);

        // A worker's verdicts keep what they found from row to row (PathVerdicts): the rows of one table meet the same NSGs.
        using var scratch = new ThreadLocal<(PathVerdicts Verdicts, CellTally Tally)>(() => (new PathVerdicts(_analysis), new CellTally()));
        var workers = Environment.ProcessorCount;
        foreach (var rows in OrderedParallel.Run(sources.Count, i => RowsOf(sources[i], candidates[i], destinations, walkGroups, paths, scratch), workers, workers * 16))
        {
            foreach (var row in rows)
            {
                yield return row;
            }
        }
    }

    private List<ReachRow> RowsOf(ReachSource source, List<int> candidates, ImmutableArray<DestinationGroup> destinations, WalkGroupCache walkGroups,
        PermissivePaths paths, ThreadLocal<(PathVerdicts Verdicts, CellTally Tally)> scratch)
    {
        var rows = new List<ReachRow>();

        // The source's endpoints that every engine treats alike, and their atoms, are the same whatever the destination.
        List<Sender>? senders = null;
        var (verdicts, tally) = scratch.Value;
        foreach (var index in candidates)
        {
            var destination = destinations[index];
            if (destination.Label == source.Label)
            {
                continue;
            }

            senders ??= [.. SenderClasses.Representatives(source.Endpoints, _classes, _analysis.Estate)
                .Select(e => new Sender(e, _classes.Split(e.Addresses).ToList(), SenderRouting.Of(_analysis, e.Endpoint)))];
            var cells = Cells(senders, destination, index, walkGroups, paths, verdicts, tally);
            if (!cells.IsEmpty)
            {
                rows.Add(new ReachRow(source.Label, destination.Label, cells));
            }
        }

        return rows;
    }

    private ImmutableArray<ReachCell> Cells(List<Sender> senders, DestinationGroup destination, int destinationIndex,
        WalkGroupCache walkGroups, PermissivePaths paths, PathVerdicts scratch, CellTally tally)
    {
        tally.Clear();

        foreach (var (endpoint, sourceAtoms, routing) in senders)
        {
            var destinationGroups = WalkGroupsTowards(destination, destinationIndex, endpoint, routing, walkGroups);
            foreach (var source in sourceAtoms)
            {
                foreach (var group in destinationGroups)
                {
                    // Routes look at neither protocol nor ports: one permissive path serves every protocol (PathFilters),
                    // and every atom of the group (DestinationClasses): only the filters on it tell them apart.
                    var path = paths.Path(endpoint.Endpoint, routing, PacketOf(source, group.First, SecurityProtocol.Tcp));
                    var filters = path.Disposition.IsSuccess() ? _pathFilters.FiltersOn(endpoint.Endpoint, path) : null;
                    if (!path.Disposition.IsSuccess())
                    {
                        // A real trace follows this path until a filter stops it, so it fails too, on every port.
                        foreach (var protocol in AllProtocols)
                        {
                            Record(tally, protocol, protocol.HasPorts() ? PortSet.All : PortSet.Empty, path.Disposition, path.LastHop);
                        }

                        continue;
                    }

                    var targets = group.Members is not { } members ? null : filters is null ? members.Atoms() : ByFilterClass(members, filters);
                    for (var i = 0; i < (targets?.Length ?? 1); i++)
                    {
                        var target = targets is null ? group.First : targets[i];
                        if (filters is null)
                        {
                            // Not modelled by the filters (platform addresses, unknown hops): each atom as before.
                            var own = i == 0 ? path.Trace : Path(endpoint, source, target);
                            foreach (var protocol in AllProtocols)
                            {
                                RecordTraced(endpoint, protocol, source, target, own, tally);
                            }

                            continue;
                        }

                        // One pass over each NSG's address sets serves every protocol and source port (PathVerdicts).
                        var verdicts = scratch.For(filters, source.First, target.First);
                        foreach (var protocol in AllProtocols)
                        {
                            if (protocol.HasPorts())
                            {
                                foreach (var sourcePort in _sourcePortAtoms)
                                {
                                    var allowed = verdicts.AllowedDestinationPorts(protocol, sourcePort.First);
                                    if (!allowed.IsEmpty)
                                    {
                                        Record(tally, protocol, allowed, path.Disposition, path.LastHop);
                                    }

                                    if (!allowed.IsAll)
                                    {
                                        tally.AllowedOnly(protocol, allowed);
                                    }
                                }
                            }
                            else if (verdicts.Allows(protocol))
                            {
                                Record(tally, protocol, PortSet.Empty, path.Disposition, path.LastHop);
                            }
                            else
                            {
                                tally.Missed(protocol, PortSet.All);
                            }
                        }
                    }
                }
            }
        }

        return tally.Cells();
    }

    /// <summary>What one walk or trace tells the row: the ports it gets through on and where, or the ports it misses.</summary>
    private void Record(CellTally tally, SecurityProtocol protocol, PortSet ports, Trace trace) => Record(tally, protocol, ports, trace.Disposition, trace.LastHop);

    private void Record(CellTally tally, SecurityProtocol protocol, PortSet ports, FlowDisposition disposition, Hop? lastHop)
    {
        if (disposition.IsSuccess())
        {
            tally.Reached(protocol, ports, Exit(disposition, lastHop));
        }
        else
        {
            tally.Missed(protocol, ports);
        }
    }

    /// <summary>The permissive walk of one packet of the class (the first port atoms; routes read neither protocol nor ports).</summary>
    private Trace Path(SourceEndpoint endpoint, AddressRange source, AddressRange target, SecurityProtocol protocol = SecurityProtocol.Tcp) =>
        _tracer.OutcomeIgnoringFilters(endpoint.Endpoint, PacketOf(source, target, protocol));

    private Packet PacketOf(AddressRange source, AddressRange target, SecurityProtocol protocol) =>
        new PacketClass(protocol, source, target, _sourcePortAtoms[0], _destinationPortAtoms[0]).Representative;

    /// <summary>
    /// The walk groups (<see cref="ByWalkClass"/>) of a destination's addresses outside the sender's own. They depend on
    /// the sender only through its table (the site classes are kept per table), so when the sender's addresses are
    /// outside the destination they are built once per table and destination: the subnets of a spoke share a table and
    /// come one after another, and a site's thousands of atoms were grouped again for each of them. A site's groups
    /// depend on the table only through its classes of the sites' atoms, so tables that class them alike share them
    /// (and the filter splits each group keeps).
    /// </summary>
    private List<WalkGroup> WalkGroupsTowards(DestinationGroup destination, int destinationIndex, SourceEndpoint endpoint, SenderRouting routing,
        WalkGroupCache cache)
    {
        if (destination.Addresses.Overlaps(endpoint.Addresses))
        {
            return ByWalkClass(destination.Addresses.Except(endpoint.Addresses), routing);
        }

        // Looked up before anything is built: a row asks for every destination's groups, almost all of them known.
        var table = routing.Table;
        if (!cache.TryGetSiteAtoms(destinationIndex, out var siteAtoms))
        {
            siteAtoms = cache.AddSiteAtoms(destinationIndex, SiteAtomsOf(destination.Addresses));
        }

        if (siteAtoms is not null)
        {
            var siteClasses = _siteClasses.Value.ForSender(table);
            return cache.TryGetForSiteClasses(siteClasses, destinationIndex, out var known) ? known
                : cache.AddForSiteClasses(siteClasses, destinationIndex, BySiteClass(siteAtoms, siteClasses));
        }

        return cache.TryGetForTable(table, destinationIndex, out var groups) ? groups
            : cache.AddForTable(table, destinationIndex, ByWalkClass(destination.Addresses, routing));
    }

    /// <summary>The indexes of the sites' atoms making up <paramref name="addresses"/>, ascending; null unless every atom is one of them.</summary>
    private int[]? SiteAtomsOf(AddressSet addresses)
    {
        var region = _siteClasses.Value;
        var indexes = new List<int>();
        foreach (var atom in _classes.Split(addresses))
        {
            var index = region.AtomAt(atom.First);
            if (index < 0 || region.AtomRange(index) != atom)
            {
                return null;
            }

            indexes.Add(index);
        }

        return [.. indexes];
    }

    /// <summary>
    /// <see cref="ByWalkClass"/> for a destination made only of the sites' atoms (a site), from their indexes: the same
    /// groups in the same order, without splitting the site's addresses and searching each atom again for every table.
    /// </summary>
    private List<WalkGroup> BySiteClass(int[] siteAtoms, int[] classOf)
    {
        var region = _siteClasses.Value;

        // Classes are numbered below the region's atom count: a per-thread array counts each class's atoms, so that every
        // group's lists are made at their size, then gives each class its group; it is left zeroed for the next call.
        var slots = t_classSlots is { } known && known.Length >= region.AtomCount ? known : t_classSlots = new int[region.AtomCount];
        var order = new List<int>();
        foreach (var index in siteAtoms)
        {
            if (slots[classOf[index]]++ == 0)
            {
                order.Add(classOf[index]);
            }
        }

        var groups = new List<WalkGroup>(order.Count);
        var members = new SiteAtomGroup[order.Count];
        for (var i = 0; i < order.Count; i++)
        {
            members[i] = new SiteAtomGroup(region, keepsAtoms: false, slots[order[i]]);
            slots[order[i]] = -(i + 1);
        }

        foreach (var index in siteAtoms)
        {
            var group = members[-slots[classOf[index]] - 1];
            if (group.Count == 0)
            {
                groups.Add(new WalkGroup(region.AtomRange(index), group));
            }

            group.Add(index);
        }

        foreach (var siteClass in order)
        {
            slots[siteClass] = 0;
        }

        return groups;
    }

    /// <summary>
    /// The atoms of <paramref name="addresses"/> in groups that one permissive walk serves: the sites' atoms of one
    /// <see cref="DestinationClasses"/> class together (every decision of such a walk treats them alike), every other
    /// atom alone; groups in the order of their first atom, atoms in address order.
    /// </summary>
    private List<WalkGroup> ByWalkClass(AddressSet addresses, SenderRouting routing)
    {
        var groups = new List<WalkGroup>();
        Dictionary<int, SiteAtomGroup>? byClass = null;
        int[]? classOf = null;
        foreach (var atom in _classes.Split(addresses))
        {
            var index = _siteClasses.Value.AtomAt(atom.First);
            if (index >= 0)
            {
                // Every endpoint of a source routes first from its subnet's table; the classes are kept per table.
                classOf ??= _siteClasses.Value.ForSender(routing.Table);
            }

            var siteClass = index < 0 || classOf is null ? -1 : classOf[index];
            if (siteClass < 0)
            {
                groups.Add(new WalkGroup(atom, null));
            }
            else if ((byClass ??= []).TryGetValue(siteClass, out var members))
            {
                members.Add(atom, index);
            }
            else
            {
                byClass.Add(siteClass, members = new SiteAtomGroup(_siteClasses.Value, keepsAtoms: true));
                members.Add(atom, index);
                groups.Add(new WalkGroup(atom, members));
            }
        }

        return groups;
    }

    /// <summary>
    /// One atom of <paramref name="group"/> (a walk class of the sites' atoms) per class of the filters on its path:
    /// atoms in exactly the same address sets of every filter get the same verdicts (<see cref="DestinationClasses.FilterClasses"/>),
    /// and the cells record each outcome as a union, so evaluating the others again adds nothing. The split depends only
    /// on which filters (NSG rule arrays, firewalls) are on the path, so a group keeps it per sequence of filters: the
    /// senders of one table share their groups (<see cref="WalkGroupCache"/>) and mostly their filters.
    /// </summary>
    private AddressRange[] ByFilterClass(SiteAtomGroup group, PathFilters.OnPath filters)
    {
        var parts = _pathFilters.AddressParts(filters).ToArray();
        var keys = new object[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            keys[i] = parts[i].Key;
        }

        return group.Representatives(keys, () =>
        {
            var region = _siteClasses.Value;
            var atoms = group.Indexes;

            // This worker's scratch: only the representatives are kept.
            var scratch = t_filterSplit ??= new FilterSplitScratch();
            var subgroupOf = scratch.SubgroupOf(atoms.Length);
            var classes = scratch.Classes(atoms.Length);
            var split = scratch.Split;
            var subgroups = atoms.Length == 0 ? 0 : 1;
            foreach (var (key, sets) in parts)
            {
                region.FilterClasses(key, sets).ClassesAt(atoms, classes);
                split.Clear();
                for (var i = 0; i < atoms.Length; i++)
                {
                    var pair = ((long)subgroupOf[i] << 32) | (uint)classes[i];
                    if (!split.TryGetValue(pair, out var subgroup))
                    {
                        subgroup = split.Count;
                        split.Add(pair, subgroup);
                    }

                    subgroupOf[i] = subgroup;
                }

                subgroups = split.Count;
            }

            // Subgroups are numbered from 0 by first appearance, so the first atom of each is the first to carry the
            // next number; one per subgroup is kept, made at its size (they live as long as the group).
            var representatives = new AddressRange[subgroups];
            var found = 0;
            for (var i = 0; i < atoms.Length && found < representatives.Length; i++)
            {
                if (subgroupOf[i] == found)
                {
                    representatives[found++] = group.AtomAt(i);
                }
            }

            return representatives;
        });
    }

    /// <summary>What <see cref="PathFilters"/> does not model is traced as before: a trace per class, port runs between the path's cuts.</summary>
    private void RecordTraced(SourceEndpoint endpoint, SecurityProtocol protocol, AddressRange source, AddressRange target, Trace path, CellTally tally)
    {
        if (!protocol.HasPorts())
        {
            var packetClass = new PacketClass(protocol, source, target, PortRange.Single(0), PortRange.Single(0));
            Record(tally, protocol, PortSet.Empty, _tracer.Outcome(endpoint.Endpoint, packetClass.Representative));
            return;
        }

        // Destination-port atoms between two cuts of the filters on the path are traced once (PathPortCuts); the
        // cuts keep only rules of the path packet's protocol, so the path is taken with this protocol.
        var protocolPath = protocol == path.Packet.Protocol ? path : Path(endpoint, source, target, protocol);
        var cuts = _pathPortCuts.Of(protocolPath);
        foreach (var sourcePort in _sourcePortAtoms)
        {
            var index = 0;
            while (index < _destinationPortAtoms.Length)
            {
                var first = _destinationPortAtoms[index];
                var last = first;
                index++;
                while (index < _destinationPortAtoms.Length && !cuts.Contains(_destinationPortAtoms[index].First))
                {
                    last = _destinationPortAtoms[index];
                    index++;
                }

                var packetClass = new PacketClass(protocol, source, target, sourcePort, first);
                Record(tally, protocol, PortSet.FromRange(new PortRange(first.First, last.Last)), _tracer.Outcome(endpoint.Endpoint, packetClass.Representative));
            }
        }
    }

    private string Exit(FlowDisposition disposition, Hop? lastHop) => disposition switch
    {
        FlowDisposition.ExitedToInternet => "Internet",

        // One label per site, not one string per recorded outcome.
        FlowDisposition.ExitedToExternalSite => _siteExits.GetOrAdd(lastHop?.Name ?? "?", static name => "site " + name),
        _ => "delivered",
    };
}
