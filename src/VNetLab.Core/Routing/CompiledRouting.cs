using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using VNetLab.Addressing;
using VNetLab.Diagnostics;
using VNetLab.Model;
using VNetLab.Routing.Bgp;

namespace VNetLab.Routing;

/// <summary>
/// The routing of a whole estate, compiled once by <see cref="RoutingCompiler"/> and then queried many times:
/// effective routes and next hops for any subnet or NIC (GatewaySubnet and subnets without VMs included),
/// what each gateway learned and advertises, and the fidelity notes behind the answers. Immutable and safe
/// to query from many threads.
/// </summary>
public sealed class CompiledRouting
{
    // Never written after construction (a Dictionary rather than a frozen one so a recompile can copy and patch it cheaply).
    private readonly Dictionary<ResourceId, SubnetRouting> _byId;

    internal CompiledRouting(Estate estate, RoutingOptions options, ImmutableArray<SubnetRouting> subnets,
        Dictionary<ResourceId, SubnetRouting> byId,
        FrozenDictionary<ResourceId, ImmutableArray<GatewayLearnedRoute>> learned,
        FrozenDictionary<ResourceId, ImmutableArray<GatewayAdvertisedRoute>> advertised,
        FrozenDictionary<ResourceId, ImmutableArray<GatewayAdvertisedRoute>> advertisedToSite,
        ImmutableArray<Diagnostic> notes,
        IncrementalRoutingState incremental)
    {
        Estate = estate;
        Options = options;
        Subnets = subnets;
        _byId = byId;
        Learned = learned;
        Advertised = advertised;
        AdvertisedToSite = advertisedToSite;
        Notes = notes;
        Incremental = incremental;
        DistinctTableCount = subnets.Select(s => s.Table).Distinct().Count();
    }

    /// <summary>The estate this was compiled from.</summary>
    public Estate Estate { get; }

    public RoutingOptions Options { get; }

    /// <summary>Every subnet of every VNet, sorted by id.</summary>
    public ImmutableArray<SubnetRouting> Subnets { get; }

    /// <summary>How many distinct tables the subnets share (identical route sets are compiled once).</summary>
    public int DistinctTableCount { get; }

    /// <summary>Every fidelity note raised while compiling, sorted by code then resource.</summary>
    public ImmutableArray<Diagnostic> Notes { get; }

    /// <summary>The routing of a subnet, a NIC (its primary IP configuration's subnet) or a NIC IP configuration.</summary>
    public bool TryGetSubnetRouting(ResourceId subnetOrNicId, [MaybeNullWhen(false)] out SubnetRouting routing) =>
        _byId.TryGetValue(subnetOrNicId, out routing);

    /// <summary>The effective route table of a subnet or NIC; null when the id is neither (or the NIC has no subnet).</summary>
    public EffectiveRouteTable? RouteTableOf(ResourceId subnetOrNicId) =>
        _byId.TryGetValue(subnetOrNicId, out var routing) ? routing.Table : null;

    /// <summary>The effective routes Azure would list for a subnet or NIC; empty when the id is neither.</summary>
    public ImmutableArray<EffectiveRoute> EffectiveRoutesOf(ResourceId subnetOrNicId) => RouteTableOf(subnetOrNicId)?.GetRoutes() ?? [];

    /// <summary>The notes that apply to a subnet's or NIC's routes.</summary>
    public ImmutableArray<Diagnostic> NotesFor(ResourceId subnetOrNicId) =>
        _byId.TryGetValue(subnetOrNicId, out var routing) ? routing.Notes : [];

    /// <summary>
    /// Network Watcher's next hop for traffic from a subnet or NIC to <paramref name="destination"/>: one
    /// dictionary lookup and a longest prefix match, no allocation. False when the id is not a subnet or NIC.
    /// </summary>
    public bool TryGetNextHop(ResourceId subnetOrNicId, IpAddress destination, out NextHopResult result)
    {
        if (_byId.TryGetValue(subnetOrNicId, out var routing))
        {
            result = routing.Table.GetNextHop(destination);
            return true;
        }

        result = default;
        return false;
    }

    /// <summary>
    /// The routing of <paramref name="after"/>, a later snapshot of this estate (<see cref="Model.Estate.With"/>):
    /// equal to compiling it afresh, but recompiling only the VNets a change can affect
    /// (<see cref="RoutingCompiler.Recompile"/>).
    /// </summary>
    public CompiledRouting Apply(Estate after) => RoutingCompiler.Recompile(this, after);

    internal Dictionary<ResourceId, SubnetRouting> ById => _byId;

    internal FrozenDictionary<ResourceId, ImmutableArray<GatewayLearnedRoute>> Learned { get; }

    internal FrozenDictionary<ResourceId, ImmutableArray<GatewayAdvertisedRoute>> Advertised { get; }

    internal FrozenDictionary<ResourceId, ImmutableArray<GatewayAdvertisedRoute>> AdvertisedToSite { get; }

    /// <summary>What a recompile reuses: the VNet facts, the gateway route sets and the notes each VNet raised.</summary>
    internal IncrementalRoutingState Incremental { get; }

    /// <summary>Every route a gateway learned from its connections, best ones flagged; empty for an unknown gateway.</summary>
    public ImmutableArray<GatewayLearnedRoute> LearnedRoutesOf(ResourceId gatewayId) => Learned.GetValueOrDefault(gatewayId, []);

    /// <summary>What a gateway advertises on each of its connections.</summary>
    public ImmutableArray<GatewayAdvertisedRoute> AdvertisedRoutesOf(ResourceId gatewayId) => Advertised.GetValueOrDefault(gatewayId, []);

    /// <summary>The Azure prefixes an external site receives, over every connection it sits behind: the site's view of Azure.</summary>
    public ImmutableArray<GatewayAdvertisedRoute> RoutesAdvertisedTo(ResourceId externalSiteId) => AdvertisedToSite.GetValueOrDefault(externalSiteId, []);
}
