using VNetLab.Model;

namespace VNetLab.Validation;

/// <summary>
/// The peering of each (VNet, remote VNet) pair, built once per validation run so that finding the other
/// side of a peering costs O(1) even for a hub with thousands of peerings. The first peering wins when a
/// VNet has two to the same remote (which is itself reported, VNL2008).
/// </summary>
internal sealed class PeeringIndex
{
    private readonly Dictionary<(ResourceId Vnet, ResourceId Remote), VirtualNetworkPeering> _byEnds = [];

    public PeeringIndex(Estate estate)
    {
        foreach (var peering in estate.VirtualNetworks.SelectMany(v => v.Peerings))
        {
            _byEnds.TryAdd((peering.VirtualNetworkId, peering.RemoteVirtualNetworkId), peering);
        }
    }

    /// <summary>The remote VNet's peering back to this peering's VNet, if it exists.</summary>
    public VirtualNetworkPeering? RemotePeeringOf(VirtualNetworkPeering peering) =>
        _byEnds.GetValueOrDefault((peering.RemoteVirtualNetworkId, peering.VirtualNetworkId));
}
