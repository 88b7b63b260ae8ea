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

        Facts = estate.VirtualNetworks.ToFrozenDictionary(v => v.Id, v =>
        {
            var notes = new List<Diagnostic>();
            var peerings = ConnectedPeeringsOf(v, notes);
            return new VirtualNetworkFacts(v, RangesOf(v), peerings, [.. notes]);
        });

        // Gateway transit (semantics.md §3.8): the spoke's peering uses remote gateways, the hub's peering back
        // allows transit, both are connected, and the hub has a gateway.
        var hubsBySpoke = new Dictionary<ResourceId, List<ResourceId>>();
        var spokesByHub = new Dictionary<ResourceId, List<ResourceId>>();
        foreach (var facts in Facts.Values.OrderBy(f => f.Id))
        {
            foreach (var peering in facts.Peerings.Where(p => p.Peering.UseRemoteGateways))
            {
                var back = PeeringBack(facts.Id, peering.Peering);
                if (back is null || !back.AllowGatewayTransit || estate.GatewaysOf(peering.RemoteVirtualNetworkId).IsEmpty
                    || !Facts.TryGetValue(peering.RemoteVirtualNetworkId, out var hub) || !hub.HasConnectedPeeringTo(facts.Id))
                {
                    continue;
                }

                Add(hubsBySpoke, facts.Id, hub.Id);
                Add(spokesByHub, hub.Id, facts.Id);
            }
        }

        RemoteGatewayHubsOf = hubsBySpoke.ToFrozenDictionary(p => p.Key, p => p.Value.ToImmutableArray());
        TransitSpokesOf = spokesByHub.ToFrozenDictionary(p => p.Key, p => p.Value.ToImmutableArray());
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

    public FrozenDictionary<ResourceId, VirtualNetworkFacts> Facts { get; }

    /// <summary>Spoke VNet → the hubs whose gateways it uses through <c>useRemoteGateways</c> (Azure allows one).</summary>
    public FrozenDictionary<ResourceId, ImmutableArray<ResourceId>> RemoteGatewayHubsOf { get; }

    /// <summary>Hub VNet → the spokes using its gateways.</summary>
    public FrozenDictionary<ResourceId, ImmutableArray<ResourceId>> TransitSpokesOf { get; }

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
