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
    private VirtualNetworkTag(ImmutableArray<VirtualNetworkTagPrefix> prefixes, bool gatewayPrefixesKnown, ResourceId? subnetId,
        ImmutableArray<Diagnostic> notes)
    {
        Notes = notes;
        Prefixes = prefixes;
        Addresses = AddressSet.FromPrefixes(prefixes.Select(p => p.Prefix));
        ExpandedPrefixes = [.. prefixes.Select(p => p.Prefix).Distinct()
            .Where(p => !prefixes.Any(q => q.Prefix != p && q.Prefix.Contains(p))).Order()];
        GatewayPrefixesKnown = gatewayPrefixesKnown;
        SubnetId = subnetId;
    }

    /// <summary>Every contribution, sorted by prefix then origin (a prefix may come from several places).</summary>
    public ImmutableArray<VirtualNetworkTagPrefix> Prefixes { get; }

    /// <summary>
    /// The prefixes Azure prints in <c>expandedAddressPrefix</c>: distinct, sorted, and without those inside another
    /// (a UDR 0.0.0.0/0 leaves only <c>0.0.0.0/0</c>, as recorded in azure-powershell#4972).
    /// </summary>
    public ImmutableArray<IpPrefix> ExpandedPrefixes { get; }

    public AddressSet Addresses { get; }

    /// <summary>
    /// False when the caller gave no gateway-learned prefixes for a VNet that has, or uses, a gateway: the tag then
    /// lacks the on-premises spaces Azure would add (VNL9104).
    /// </summary>
    public bool GatewayPrefixesKnown { get; }

    /// <summary>What the expansion assumed: gateway prefixes missing (VNL9104), peerings left out (VNL9109).</summary>
    public ImmutableArray<Diagnostic> Notes { get; }

    /// <summary>The subnet the tag was computed for; null when the NIC's subnet is not in the estate.</summary>
    public ResourceId? SubnetId { get; }

    /// <summary>The contributions that hold <paramref name="address"/>, for explanations.</summary>
    public IEnumerable<VirtualNetworkTagPrefix> Explain(IpAddress address) => Prefixes.Where(p => p.Prefix.Contains(address));

    /// <summary>
    /// The tag for <paramref name="subnet"/>. <paramref name="gatewayPrefixes"/> are the prefixes the routing engine
    /// says the gateway installs for the subnet's VNet, keyed by VNet id; null when the caller has no routing
    /// result (security never calls routing itself: DESIGN.md, data flows one way).
    /// </summary>
    public static VirtualNetworkTag For(Estate estate, Subnet? subnet,
        IReadOnlyDictionary<ResourceId, ImmutableArray<IpPrefix>>? gatewayPrefixes)
    {
        var prefixes = new List<VirtualNetworkTagPrefix>
        {
            new(IpPrefix.Host(PlatformAddresses.HostVirtualIp), VirtualNetworkTagPrefixOrigin.HostVirtualIp, null),
        };
        if (subnet is null || estate.VirtualNetworkOf(subnet.Id) is not { } vnet)
        {
            return new VirtualNetworkTag(Sort(prefixes), true, subnet?.Id, []);
        }

        var notes = ImmutableArray.CreateBuilder<Diagnostic>();
        prefixes.AddRange(vnet.AddressSpace.Select(p => new VirtualNetworkTagPrefix(p.Prefix, VirtualNetworkTagPrefixOrigin.AddressSpace, vnet.Id)));

        foreach (var peering in vnet.Peerings)
        {
            if (!IncludesRemoteSpace(peering))
            {
                notes.Add(DiagnosticCatalog.PeeringWithoutAccessLeftOutOfVirtualNetworkTag(peering, vnet.Name));
                continue;
            }

            var remoteSpace = !peering.RemoteAddressSpace.IsEmpty
                ? peering.RemoteAddressSpace
                : estate.Find<VirtualNetwork>(peering.RemoteVirtualNetworkId)?.AddressSpace ?? [];
            prefixes.AddRange(remoteSpace.Select(p => new VirtualNetworkTagPrefix(p.Prefix, VirtualNetworkTagPrefixOrigin.PeeredVirtualNetwork, peering.Id)));
        }

        var routeTable = estate.Find<RouteTable>(subnet.RouteTableId);

        // [INFER] "All connected on-premises address spaces" are the gateway routes the subnet sees, so a route
        // table that stops gateway route propagation keeps them out of the tag too (semantics.md §4.5).
        var propagates = routeTable is null || !routeTable.DisableBgpRoutePropagation;
        var gatewayKnown = true;
        if (gatewayPrefixes is not null && gatewayPrefixes.TryGetValue(vnet.Id, out var learned))
        {
            if (propagates)
            {
                prefixes.AddRange(learned.Select(p => new VirtualNetworkTagPrefix(p, VirtualNetworkTagPrefixOrigin.Gateway, null)));
            }
        }
        else if (propagates && UsesAGateway(estate, vnet))
        {
            gatewayKnown = false;
            notes.Add(DiagnosticCatalog.VirtualNetworkTagWithoutGatewayPrefixes(subnet.Id));
        }

        if (routeTable is not null)
        {
            prefixes.AddRange(routeTable.Routes.Where(r => r.Prefix is not null)
                .Select(r => new VirtualNetworkTagPrefix(r.Prefix.GetValueOrDefault(), VirtualNetworkTagPrefixOrigin.UserDefinedRoute, r.Id)));
        }

        return new VirtualNetworkTag(Sort(prefixes), gatewayKnown, subnet.Id, notes.ToImmutable());
    }

    // [INFER] A peering contributes while it is (or, in a design, is assumed) Connected and allows access to the
    // remote VNet: "allow virtual network access" is what makes the peered space part of the VNet.
    private static bool IncludesRemoteSpace(VirtualNetworkPeering peering) =>
        peering.AllowVirtualNetworkAccess && peering.PeeringState is null or PeeringState.Connected;

    private static bool UsesAGateway(Estate estate, VirtualNetwork vnet) =>
        !estate.GatewaysOf(vnet.Id).IsEmpty || vnet.Peerings.Any(p => p.UseRemoteGateways);

    private static ImmutableArray<VirtualNetworkTagPrefix> Sort(List<VirtualNetworkTagPrefix> prefixes) =>
        [.. prefixes.Distinct().OrderBy(p => p.Prefix).ThenBy(p => p.Origin)];
}
