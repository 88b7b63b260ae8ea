using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Collections.Immutable;
using VNetLab.Addressing;
using VNetLab.Diagnostics;
using VNetLab.Model;

namespace VNetLab.Routing;

/// <summary>
/// Estate-wide facts computed once per compilation and read by every VNet's compile step: VNet ranges and
/// connected peerings, which VNets use which hub's gateways, and the fidelity notes raised so far.
/// Thread-safe for the parallel per-VNet phase (everything is built before it starts, except the note sink).
/// </summary>
internal sealed class RoutingContext
{
    private readonly ConcurrentDictionary<Diagnostic, Diagnostic> _notes = new(DiagnosticIdentity.Comparer);
    private readonly FrozenSet<string>? _tagNames;
    private readonly Dictionary<(ResourceId Local, ResourceId Remote), VirtualNetworkPeering> _peeringBetween = [];
    private readonly HashSet<ResourceId> _changedFacts = [];
    private readonly HashSet<ResourceId> _changedTransitSpokes = [];
    private readonly HashSet<ResourceId> _changedTransitHubs = [];

    public RoutingContext(Estate estate, RoutingOptions options)
    {
        Estate = estate;
        Options = options;
        ServiceTags = options.ServiceTags is null
            ? null
            : options.ServiceTags.ToFrozenDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase);
        _tagNames = options.ServiceTags?.Keys.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

        // (local VNet, remote VNet) → the local VNet's peering, so the other side of a peering is one lookup
        // even for a hub with thousands of spokes.
        foreach (var vnet in estate.VirtualNetworks)
        {
            foreach (var peering in vnet.Peerings)
            {
                _peeringBetween.TryAdd((vnet.Id, peering.RemoteVirtualNetworkId), peering);
            }
        }

        Facts = estate.VirtualNetworks.ToDictionary(v => v.Id, BuildFacts);

        // Gateway transit (semantics.md §3.8): the spoke's peering uses remote gateways, the hub's peering back
        // allows transit, both are connected, and the hub has a gateway.
        var hubsBySpoke = new Dictionary<ResourceId, ImmutableArray<ResourceId>>();
        var spokesByHub = new Dictionary<ResourceId, List<ResourceId>>();
        foreach (var facts in Facts.Values.OrderBy(f => f.Id))
        {
            var hubs = HubsUsedBy(facts);
            if (hubs.IsEmpty)
            {
                continue;
            }

            hubsBySpoke.Add(facts.Id, hubs);
            foreach (var hub in hubs)
            {
                Add(spokesByHub, hub, facts.Id);
            }
        }

        RemoteGatewayHubsOf = hubsBySpoke;
        TransitSpokesOf = spokesByHub.ToDictionary(p => p.Key, p => p.Value.ToImmutableArray());
    }

    /// <summary>
    /// A context for a later snapshot whose VNets differ from <paramref name="previous"/>'s only in their subnets
    /// (<see cref="RoutingCompiler.Recompile"/>): the same VNet facts and gateway transit, a fresh note sink.
    /// </summary>
    public RoutingContext(RoutingContext previous, Estate estate)
    {
        Estate = estate;
        Options = previous.Options;
        ServiceTags = previous.ServiceTags;
        _tagNames = previous._tagNames;
        _peeringBetween = previous._peeringBetween;
        Facts = previous.Facts;
        RemoteGatewayHubsOf = previous.RemoteGatewayHubsOf;
        TransitSpokesOf = previous.TransitSpokesOf;
    }

    /// <summary>
    /// A context for a later snapshot in which the VNets <paramref name="changed"/> differ from
    /// <paramref name="previousEstate"/>'s (the snapshot last recompiled with <paramref name="previous"/>) in
    /// their peerings (and perhaps their subnets), nothing else routing reads having changed
    /// (<see cref="RoutingCompiler.Recompile"/>). Only what a peering can reach is worked out again:
    /// the facts of the changed VNet and of each VNet its changed peerings point at (a peering without a state is
    /// connected only if the remote side peers back, so the remote's facts read this side), and gateway transit
    /// for those same VNets as spokes, since a transit pair needs the spoke's peering, the hub's peering back
    /// and the hub's connected peering to the spoke. Every other VNet's facts and transit are shared.
    /// </summary>
    public RoutingContext(RoutingContext previous, Estate previousEstate, Estate estate, IEnumerable<ResourceId> changed)
    {
        Estate = estate;
        Options = previous.Options;
        ServiceTags = previous.ServiceTags;
        _tagNames = previous._tagNames;
        _peeringBetween = new Dictionary<(ResourceId Local, ResourceId Remote), VirtualNetworkPeering>(previous._peeringBetween);
        var facts = new Dictionary<ResourceId, VirtualNetworkFacts>(previous.Facts);
        Facts = facts;

        // The VNets whose facts may differ: the changed ones, and every remote VNet whose set of peerings from a
        // changed one is not the same in both snapshots (only those back lookups can answer differently).
        var candidates = new HashSet<ResourceId>();
        foreach (var vnetId in changed)
        {
            var before = previousEstate.Find<VirtualNetwork>(vnetId);
            var after = estate.Find<VirtualNetwork>(vnetId);
            foreach (var peering in before?.Peerings ?? [])
            {
                _peeringBetween.Remove((vnetId, peering.RemoteVirtualNetworkId));
            }

            foreach (var peering in after?.Peerings ?? [])
            {
                _peeringBetween.TryAdd((vnetId, peering.RemoteVirtualNetworkId), peering);
            }

            candidates.Add(vnetId);
            var oldByRemote = (before?.Peerings ?? []).ToLookup(p => p.RemoteVirtualNetworkId);
            var newByRemote = (after?.Peerings ?? []).ToLookup(p => p.RemoteVirtualNetworkId);
            foreach (var remote in oldByRemote.Select(g => g.Key).Union(newByRemote.Select(g => g.Key)))
            {
                if (!oldByRemote[remote].SequenceEqual(newByRemote[remote]))
                {
                    candidates.Add(remote);
                }
            }
        }

        foreach (var vnetId in candidates)
        {
            if (estate.Find<VirtualNetwork>(vnetId) is not { } vnet || !previous.Facts.TryGetValue(vnetId, out var old))
            {
                continue;
            }

            var rebuilt = BuildFacts(vnet);
            if (!ReferenceEquals(old.VirtualNetwork, vnet) || !rebuilt.SameAs(old))
            {
                facts[vnetId] = rebuilt;
                _changedFacts.Add(vnetId);
            }
        }

        // Transit pairs can only change for the candidates as spokes (see above); their hubs' spoke lists follow.
        var hubsBySpoke = new Dictionary<ResourceId, ImmutableArray<ResourceId>>(previous.RemoteGatewayHubsOf);
        var touchedHubs = new HashSet<ResourceId>();
        foreach (var spoke in candidates)
        {
            var before = previous.RemoteGatewayHubsOf.GetValueOrDefault(spoke, []);
            var after = Facts.TryGetValue(spoke, out var spokeFacts) ? HubsUsedBy(spokeFacts) : [];
            if (before.SequenceEqual(after))
            {
                continue;
            }

            _changedTransitSpokes.Add(spoke);
            touchedHubs.UnionWith(before);
            touchedHubs.UnionWith(after);
            if (after.IsEmpty)
            {
                hubsBySpoke.Remove(spoke);
            }
            else
            {
                hubsBySpoke[spoke] = after;
            }
        }

        var spokesByHub = new Dictionary<ResourceId, ImmutableArray<ResourceId>>(previous.TransitSpokesOf);
        foreach (var hub in touchedHubs)
        {
            ImmutableArray<ResourceId> spokes = [.. previous.TransitSpokesOf.GetValueOrDefault(hub, [])
                .Where(s => !ChangedTransitSpokes.Contains(s))
                .Concat(ChangedTransitSpokes.Where(s => hubsBySpoke.GetValueOrDefault(s, []).Contains(hub)))
                .Order()];
            if (spokes.IsEmpty)
            {
                spokesByHub.Remove(hub);
            }
            else
            {
                spokesByHub[hub] = spokes;
            }

            if (!spokes.SequenceEqual(previous.TransitSpokesOf.GetValueOrDefault(hub, [])))
            {
                _changedTransitHubs.Add(hub);
            }
        }

        RemoteGatewayHubsOf = hubsBySpoke;
        TransitSpokesOf = spokesByHub;
    }

    /// <summary>After a peering change: the VNets whose facts (ranges seen, connected peerings, notes) were rebuilt.</summary>
    public IReadOnlySet<ResourceId> ChangedFacts => _changedFacts;

    /// <summary>After a peering change: the spokes whose gateway transit hubs changed.</summary>
    public IReadOnlySet<ResourceId> ChangedTransitSpokes => _changedTransitSpokes;

    /// <summary>After a peering change: the hubs whose set of transit spokes (what their gateways advertise) changed.</summary>
    public IReadOnlySet<ResourceId> ChangedTransitHubs => _changedTransitHubs;

    public Estate Estate { get; }

    public RoutingOptions Options { get; }

    /// <summary>The service tags of the options, keyed case-insensitively; null when no service tags file was given.</summary>
    public FrozenDictionary<string, ImmutableArray<IpPrefix>>? ServiceTags { get; }

    /// <summary>Finds a service tag ignoring case, returning its name as the service tags file spells it.</summary>
    public bool TryGetServiceTag(string name, out string spelling, out ImmutableArray<IpPrefix> prefixes)
    {
        if (ServiceTags is not null && _tagNames is not null && _tagNames.TryGetValue(name, out var actual))
        {
            spelling = actual;
            prefixes = ServiceTags[actual];
            return true;
        }

        spelling = name;
        prefixes = [];
        return false;
    }

    // The three maps below are read-only once built; dictionaries rather than frozen ones, so that a recompile after
    // a peering change can copy and patch them cheaply.

    /// <summary>VNet → what routing needs to know about it.</summary>
    public IReadOnlyDictionary<ResourceId, VirtualNetworkFacts> Facts { get; }

    /// <summary>Spoke VNet → the hubs whose gateways it uses through <c>useRemoteGateways</c> (Azure allows one), in peering order.</summary>
    public IReadOnlyDictionary<ResourceId, ImmutableArray<ResourceId>> RemoteGatewayHubsOf { get; }

    /// <summary>Hub VNet → the spokes using its gateways, sorted by id.</summary>
    public IReadOnlyDictionary<ResourceId, ImmutableArray<ResourceId>> TransitSpokesOf { get; }

    /// <summary>Records a fidelity note once, however many subnets raise it.</summary>
    public Diagnostic Note(Diagnostic note) => _notes.GetOrAdd(note, note);

    /// <summary>Every note raised, sorted for output (code, resource, message).</summary>
    public ImmutableArray<Diagnostic> Notes => Order(_notes.Values);

    /// <summary>Notes in output order: code, resource, message.</summary>
    public static ImmutableArray<Diagnostic> Order(IEnumerable<Diagnostic> notes) => [.. notes
        .OrderBy(d => d.Code, StringComparer.Ordinal)
        .ThenBy(d => d.ResourceId?.ToString() ?? string.Empty, StringComparer.OrdinalIgnoreCase)
        .ThenBy(d => d.Message, StringComparer.Ordinal)];

    /// <summary>The address ranges of a VNet and of the spokes using its gateways: what its gateways advertise as Azure's own prefixes.</summary>
    public ImmutableArray<IpPrefix> RangesWithTransitSpokes(ResourceId vnetId)
    {
        var ranges = ImmutableArray.CreateBuilder<IpPrefix>();
        if (Facts.TryGetValue(vnetId, out var hub))
        {
            ranges.AddRange(hub.Ranges);
        }

        foreach (var spoke in TransitSpokesOf.GetValueOrDefault(vnetId, []))
        {
            ranges.AddRange(Facts[spoke].Ranges);
        }

        return ranges.ToImmutable();
    }

    private VirtualNetworkFacts BuildFacts(VirtualNetwork vnet)
    {
        var notes = new List<Diagnostic>();
        var peerings = ConnectedPeeringsOf(vnet, notes);
        return new VirtualNetworkFacts(vnet, RangesOf(vnet), peerings, [.. notes]);
    }

    /// <summary>The hubs whose gateways a VNet uses, in the order of its peerings (by id), each once.</summary>
    private ImmutableArray<ResourceId> HubsUsedBy(VirtualNetworkFacts facts)
    {
        var hubs = new List<ResourceId>();
        foreach (var peering in facts.Peerings.Where(p => p.Peering.UseRemoteGateways))
        {
            var back = PeeringBack(facts.Id, peering.Peering);
            if (back is null || !back.AllowGatewayTransit || Estate.GatewaysOf(peering.RemoteVirtualNetworkId).IsEmpty
                || !Facts.TryGetValue(peering.RemoteVirtualNetworkId, out var hub) || !hub.HasConnectedPeeringTo(facts.Id))
            {
                continue;
            }

            if (!hubs.Contains(hub.Id))
            {
                hubs.Add(hub.Id);
            }
        }

        return [.. hubs];
    }

    private static ImmutableArray<IpPrefix> RangesOf(VirtualNetwork vnet) => [.. vnet.AddressSpace.Select(a => a.Prefix).Distinct()];

    private ImmutableArray<ConnectedPeering> ConnectedPeeringsOf(VirtualNetwork vnet, List<Diagnostic> notes)
    {
        var result = ImmutableArray.CreateBuilder<ConnectedPeering>();
        foreach (var peering in vnet.Peerings.OrderBy(p => p.Id))
        {
            if (!peering.AllowVirtualNetworkAccess || !IsConnected(vnet.Id, peering, notes))
            {
                continue;
            }

            var remote = Estate.Find<VirtualNetwork>(peering.RemoteVirtualNetworkId);
            ImmutableArray<IpPrefix> remoteRanges = remote is not null
                ? RangesOf(remote)
                : [.. peering.RemoteAddressSpace.Select(a => a.Prefix).Distinct()];
            var isGlobal = false;
            if (vnet.Location is null || remote?.Location is null)
            {
                if (remote is not null || vnet.Location is null)
                {
                    notes.Add(Note(DiagnosticCatalog.PeeringRegionUnknown(peering.Id, vnet.Location is null ? vnet.Id : peering.RemoteVirtualNetworkId)));
                }
            }
            else
            {
                isGlobal = !string.Equals(NormalizeRegion(vnet.Location), NormalizeRegion(remote.Location), StringComparison.Ordinal);
            }

            result.Add(new ConnectedPeering(peering, peering.RemoteVirtualNetworkId, remoteRanges, isGlobal));
        }

        return result.ToImmutable();
    }

    /// <summary>
    /// Peering routes need a Connected peering (semantics.md §2.2). A design without <c>peeringState</c> is
    /// taken as connected when the remote VNet peers back, which is when Azure would show Connected.
    /// </summary>
    private bool IsConnected(ResourceId vnetId, VirtualNetworkPeering peering, List<Diagnostic> notes)
    {
        if (peering.PeeringState is { } state)
        {
            return state == PeeringState.Connected;
        }

        var back = PeeringBack(vnetId, peering);
        if (back is not null && back.PeeringState is null or PeeringState.Connected)
        {
            notes.Add(Note(DiagnosticCatalog.PeeringStateAssumed(peering.Id, "Connected", $"{peering.RemoteVirtualNetworkId.Name} has a peering back to it")));
            return true;
        }

        if (back is null && !Estate.Contains(peering.RemoteVirtualNetworkId) && !peering.RemoteAddressSpace.IsEmpty)
        {
            // The remote VNet is outside the estate (another subscription): trust the synchronised remote address space.
            notes.Add(Note(DiagnosticCatalog.PeeringStateAssumed(peering.Id, "Connected",
                $"the remote VNet {peering.RemoteVirtualNetworkId.Name} is not in the estate but the peering lists its address space")));
            return true;
        }

        notes.Add(Note(DiagnosticCatalog.PeeringStateAssumed(peering.Id, "Initiated",
            $"{peering.RemoteVirtualNetworkId.Name} has no peering back to it, so no peering route is installed")));
        return false;
    }

    /// <summary>The remote VNet's peering pointing back at <paramref name="vnetId"/>, if any.</summary>
    private VirtualNetworkPeering? PeeringBack(ResourceId vnetId, VirtualNetworkPeering peering) =>
        _peeringBetween.GetValueOrDefault((peering.RemoteVirtualNetworkId, vnetId));

    /// <summary>Regions compare without case and spaces: "West Europe" and "westeurope" are one region.</summary>
    private static string NormalizeRegion(string region) => region.Replace(" ", string.Empty, StringComparison.Ordinal).ToLowerInvariant();

    private static void Add(Dictionary<ResourceId, List<ResourceId>> map, ResourceId key, ResourceId value)
    {
        if (!map.TryGetValue(key, out var list))
        {
            list = [];
            map.Add(key, list);
        }

        if (!list.Contains(value))
        {
            list.Add(value);
        }
    }
}
