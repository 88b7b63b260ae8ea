using System.Collections.Immutable;
using VNetLab.Addressing;
using VNetLab.Model;

namespace VNetLab.Routing;

/// <summary>
/// A peering that installs routes: its state is Connected (or assumed so) and it allows access to the
/// remote VNet (shared/azure/semantics.md §2.2).
/// </summary>
/// <param name="Peering">This VNet's side of the peering.</param>
/// <param name="RemoteVirtualNetworkId">The peered VNet.</param>
/// <param name="RemoteRanges">The remote address space: the remote VNet's when it is in the estate, else the peering's <c>remoteAddressSpace</c>.</param>
/// <param name="IsGlobal">True when the two VNets are in different regions (routes are then <c>VNetGlobalPeering</c>).</param>
internal sealed record ConnectedPeering(
    VirtualNetworkPeering Peering,
    ResourceId RemoteVirtualNetworkId,
    ImmutableArray<IpPrefix> RemoteRanges,
    bool IsGlobal)
{
    public NextHopType NextHopType => IsGlobal ? NextHopType.VNetGlobalPeering : NextHopType.VNetPeering;
}
