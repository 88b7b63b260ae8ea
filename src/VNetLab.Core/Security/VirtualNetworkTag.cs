using System.Collections.Concurrent;
using System.Collections.Immutable;
using VNetLab.Addressing;
using VNetLab.Diagnostics;
using VNetLab.Model;

namespace VNetLab.Security;

/// <summary>
/// The <c>VirtualNetwork</c> service tag as Azure expands it for one subnet (semantics.md §4.5): the VNet's
/// address space, the address spaces of directly peered VNets, the prefixes the gateway learned (on-premises
/// and VNet-to-VNet), the prefixes of the user-defined routes in the subnet's route table, and 168.63.129.16/32.
/// A UDR for 0.0.0.0/0 therefore turns the tag, and the default rules that use it, into "everything".
/// </summary>
public sealed class VirtualNetworkTag
{
    private VirtualNetworkTag(VirtualNetworkTagExpansion expansion, bool gatewayPrefixesKnown, ResourceId? subnetId,
        ImmutableArray<Diagnostic> notes)
    {
        Notes = notes;
        Expansion = expansion;
        GatewayPrefixesKnown = gatewayPrefixesKnown;
        SubnetId = subnetId;
    }

    /// <summary>Every contribution, sorted by prefix then origin (a prefix may come from several places).</summary>
    public ImmutableArray<VirtualNetworkTagPrefix> Prefixes => Expansion.Prefixes;

    /// <summary>
    /// The prefixes Azure prints in <c>expandedAddressPrefix</c>: distinct, sorted, and without those inside another
    /// (a UDR 0.0.0.0/0 leaves only <c>0.0.0.0/0</c>, as recorded in azure-powershell#4972).
    /// </summary>
    public ImmutableArray<IpPrefix> ExpandedPrefixes => Expansion.ExpandedPrefixes;

    public AddressSet Addresses => Expansion.Addresses;

    /// <summary>
    /// False when the caller gave no gateway-learned prefixes for a VNet that has, or uses, a gateway: the tag then
    /// lacks the on-premises spaces Azure would add (VNL9104).
    /// </summary>
    public bool GatewayPrefixesKnown { get; }

    /// <summary>What the expansion assumed: gateway prefixes missing (VNL9104), peerings left out (VNL9109).</summary>
    public ImmutableArray<Diagnostic> Notes { get; }

    /// <summary>The subnet the tag was computed for; null when the NIC's subnet is not in the estate.</summary>
    public ResourceId? SubnetId { get; }

    /// <summary>The addresses, shared by the tags of every subnet of the same VNet with the same route table.</summary>
    internal VirtualNetworkTagExpansion Expansion { get; }

    /// <summary>The contributions that hold <paramref name="address"/>, for explanations.</summary>
    public IEnumerable<VirtualNetworkTagPrefix> Explain(IpAddress address) => Prefixes.Where(p => p.Prefix.Contains(address));

    /// <summary>
    /// The tag for <paramref name="subnet"/>. <paramref name="gatewayPrefixes"/> are the prefixes the routing engine
    /// says the gateway installs for the subnet's VNet, keyed by VNet id; null when the caller has no routing
    /// result (security never calls routing itself: DESIGN.md, data flows one way).
    /// </summary>
    public static VirtualNetworkTag For(Estate estate, Subnet? subnet,
        IReadOnlyDictionary<ResourceId, ImmutableArray<IpPrefix>>? gatewayPrefixes) =>
        For(estate, subnet, gatewayPrefixes, null);

    /// <summary>
    /// The tag for <paramref name="subnet"/>, taking its addresses from <paramref name="expansions"/> when a subnet of
    /// the same VNet with the same route table already computed them (they depend on nothing else), and adding them
    /// there otherwise.
    /// </summary>
    internal static VirtualNetworkTag For(Estate estate, Subnet? subnet,
        IReadOnlyDictionary<ResourceId, ImmutableArray<IpPrefix>>? gatewayPrefixes,
        ConcurrentDictionary<(ResourceId VirtualNetwork, ResourceId? RouteTable), VirtualNetworkTagExpansion>? expansions,
        Func<ImmutableArray<IpPrefix>, AddressSet>? gatewayAddresses = null)
    {
        if (subnet is null || estate.VirtualNetworkOf(subnet.Id) is not { } vnet)
        {
            return new VirtualNetworkTag(new VirtualNetworkTagExpansion(Sort([HostVirtualIp()])), true, subnet?.Id, []);
        }

        // Made at the first note: nearly every subnet has none, and a builder per subnet was garbage for each.
        ImmutableArray<Diagnostic>.Builder? notes = null;
        foreach (var peering in vnet.Peerings)
        {
            if (!IncludesRemoteSpace(peering))
            {
                (notes ??= ImmutableArray.CreateBuilder<Diagnostic>()).Add(DiagnosticCatalog.PeeringWithoutAccessLeftOutOfVirtualNetworkTag(peering, vnet.Name));
            }
        }

        var routeTable = estate.Find<RouteTable>(subnet.RouteTableId);

        // [INFER] "All connected on-premises address spaces" are the gateway routes the subnet sees, so a route
        // table that stops gateway route propagation keeps them out of the tag too (semantics.md §4.5).
        var propagates = routeTable is null || !routeTable.DisableBgpRoutePropagation;
        var gatewayKnown = true;
        if (!(gatewayPrefixes?.ContainsKey(vnet.Id) ?? false) && propagates && UsesAGateway(estate, vnet))
        {
            gatewayKnown = false;
            (notes ??= ImmutableArray.CreateBuilder<Diagnostic>()).Add(DiagnosticCatalog.VirtualNetworkTagWithoutGatewayPrefixes(subnet.Id));
        }

        var expansion = expansions is null
            ? Expand(estate, vnet, routeTable, gatewayPrefixes, gatewayAddresses)
            : expansions.GetOrAdd((vnet.Id, routeTable?.Id),
                static (_, state) => Expand(state.Estate, state.Vnet, state.RouteTable, state.GatewayPrefixes, state.GatewayAddresses),
                (Estate: estate, Vnet: vnet, RouteTable: routeTable, GatewayPrefixes: gatewayPrefixes, GatewayAddresses: gatewayAddresses));
        return new VirtualNetworkTag(expansion, gatewayKnown, subnet.Id, notes?.ToImmutable() ?? []);
    }

    // The addresses are made now from the VNet's own few contributions and the gateway's prefixes (whose set the caller
    // may share between VNets that learn the same ones); their union and the contributions only when someone reads them.
    private static VirtualNetworkTagExpansion Expand(Estate estate, VirtualNetwork vnet, RouteTable? routeTable,
        IReadOnlyDictionary<ResourceId, ImmutableArray<IpPrefix>>? gatewayPrefixes, Func<ImmutableArray<IpPrefix>, AddressSet>? gatewayAddresses)
    {
        var propagates = routeTable is null || !routeTable.DisableBgpRoutePropagation;
        var learned = propagates && gatewayPrefixes is not null && gatewayPrefixes.TryGetValue(vnet.Id, out var found) ? found : [];
        var own = OwnAddresses(estate, vnet, routeTable);

        // The gateway's set is kept apart from the VNet's own, not merged into it: the spokes of a hub then share the
        // one set of its thousand prefixes rather than each keeping a copy with its own few intervals added.
        var learnedAddresses = learned.IsEmpty ? AddressSet.Empty : gatewayAddresses?.Invoke(learned) ?? AddressSet.FromPrefixes(learned);
        return new VirtualNetworkTagExpansion(own, learnedAddresses, () => Sort(Contributions(estate, vnet, routeTable, learned)));
    }

    // The addresses of the contributions other than the gateway's, as Contributions finds them, each family's intervals
    // written into a rented buffer sized for them and made into the set from there: the contributions' own list, then
    // a list of ranges and the lists, copies and boxed enumerator of a set built from it, were made for every VNet of a
    // compile and dropped at once.
    private static AddressSet OwnAddresses(Estate estate, VirtualNetwork vnet, RouteTable? routeTable)
    {
        var count = 1 + vnet.AddressSpace.Length + (routeTable?.Routes.Length ?? 0);
        var remoteSpaces = vnet.Peerings.Length <= 16 ? stackalloc int[vnet.Peerings.Length] : new int[vnet.Peerings.Length];
        for (var i = 0; i < vnet.Peerings.Length; i++)
        {
            remoteSpaces[i] = IncludesRemoteSpace(vnet.Peerings[i]) ? RemoteSpaceOf(estate, vnet.Peerings[i]).Length : 0;
            count += remoteSpaces[i];
        }

        var ranges = new RangeBuffer(count);
        try
        {
            ranges.Add(IpPrefix.Host(PlatformAddresses.HostVirtualIp).Range);
            foreach (var space in vnet.AddressSpace)
            {
                ranges.Add(space.Prefix.Range);
            }

            for (var i = 0; i < vnet.Peerings.Length; i++)
            {
                if (remoteSpaces[i] > 0)
                {
                    foreach (var space in RemoteSpaceOf(estate, vnet.Peerings[i]))
                    {
                        ranges.Add(space.Prefix.Range);
                    }
                }
            }

            if (routeTable is not null)
            {
                foreach (var route in routeTable.Routes)
                {
                    if (route.Prefix is { } prefix)
                    {
                        ranges.Add(prefix.Range);
                    }
                }
            }

            return ranges.ToAddressSet();
        }
        finally
        {
            ranges.Return();
        }
    }

    private static ImmutableArray<AddressPrefix> RemoteSpaceOf(Estate estate, VirtualNetworkPeering peering) =>
        !peering.RemoteAddressSpace.IsEmpty
            ? peering.RemoteAddressSpace
            : estate.Find<VirtualNetwork>(peering.RemoteVirtualNetworkId)?.AddressSpace ?? [];

    private static List<VirtualNetworkTagPrefix> Contributions(Estate estate, VirtualNetwork vnet, RouteTable? routeTable,
        ImmutableArray<IpPrefix> learned)
    {
        var prefixes = new List<VirtualNetworkTagPrefix> { HostVirtualIp() };
        prefixes.AddRange(vnet.AddressSpace.Select(p => new VirtualNetworkTagPrefix(p.Prefix, VirtualNetworkTagPrefixOrigin.AddressSpace, vnet.Id)));

        foreach (var peering in vnet.Peerings)
        {
            if (!IncludesRemoteSpace(peering))
            {
                continue;
            }

            prefixes.AddRange(RemoteSpaceOf(estate, peering).Select(p => new VirtualNetworkTagPrefix(p.Prefix, VirtualNetworkTagPrefixOrigin.PeeredVirtualNetwork, peering.Id)));
        }

        prefixes.AddRange(learned.Select(p => new VirtualNetworkTagPrefix(p, VirtualNetworkTagPrefixOrigin.Gateway, null)));

        if (routeTable is not null)
        {
            prefixes.AddRange(routeTable.Routes.Where(r => r.Prefix is not null)
                .Select(r => new VirtualNetworkTagPrefix(r.Prefix.GetValueOrDefault(), VirtualNetworkTagPrefixOrigin.UserDefinedRoute, r.Id)));
        }

        return prefixes;
    }

    private static VirtualNetworkTagPrefix HostVirtualIp() =>
        new(IpPrefix.Host(PlatformAddresses.HostVirtualIp), VirtualNetworkTagPrefixOrigin.HostVirtualIp, null);

    // [INFER] A peering contributes while it is (or, in a design, is assumed) Connected and allows access to the
    // remote VNet: "allow virtual network access" is what makes the peered space part of the VNet.
    private static bool IncludesRemoteSpace(VirtualNetworkPeering peering) =>
        peering.AllowVirtualNetworkAccess && peering.PeeringState is null or PeeringState.Connected;

    private static bool UsesAGateway(Estate estate, VirtualNetwork vnet) =>
        !estate.GatewaysOf(vnet.Id).IsEmpty || vnet.Peerings.Any(p => p.UseRemoteGateways);

    private static ImmutableArray<VirtualNetworkTagPrefix> Sort(List<VirtualNetworkTagPrefix> prefixes) =>
        [.. prefixes.Distinct().OrderBy(p => p.Prefix).ThenBy(p => p.Origin)];
}
