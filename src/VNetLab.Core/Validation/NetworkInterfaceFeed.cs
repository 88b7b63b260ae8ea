using System.Collections.Immutable;
using VNetLab.Model;

namespace VNetLab.Validation;

/// <summary>
/// Hands the estate's NICs, in the estate's order and each once, to every NIC walk of a pass
/// (<see cref="IWalksNetworkInterfaces"/>), in step with the pass over VNets: after a VNet's rules have read the
/// configurations placed in it, the run of NICs next in order that sit in that VNet goes to the walks while it is still
/// in the cache. The order each walk sees never depends on that timing: a NIC placed elsewhere (or nowhere) only waits
/// for its turn, at worst until <see cref="VisitRest"/>, so an estate whose NICs are not grouped by VNet gets the same
/// findings, only without the locality.
/// </summary>
internal sealed class NetworkInterfaceFeed
{
    private readonly ImmutableArray<NetworkInterface> _nics;
    private readonly NetworkInterfaceWalk[] _walks;
    private int _next;

    public NetworkInterfaceFeed(ImmutableArray<NetworkInterface> nics, NetworkInterfaceWalk[] walks)
    {
        _nics = nics;
        _walks = walks;
    }

    /// <summary>
    /// Visits the NICs next in order whose first IP configuration names a subnet of <paramref name="vnet"/>, or no
    /// subnet: a NIC placed nowhere would otherwise hold back every NIC after it until the end of the pass. Returns
    /// them, as a range of the estate's NICs.
    /// </summary>
    public Range VisitPlacedIn(VirtualNetwork vnet)
    {
        var start = _next;
        while (_next < _nics.Length && (_nics[_next].IpConfigurations is not [{ SubnetId: { } subnet }, ..] || subnet.IsChildOf(vnet.Id)))
        {
            Visit(_nics[_next++]);
        }

        return start.._next;
    }

    /// <summary>Visits every NIC not visited yet, in order.</summary>
    public void VisitRest()
    {
        while (_next < _nics.Length)
        {
            Visit(_nics[_next++]);
        }
    }

    private void Visit(NetworkInterface nic)
    {
        foreach (var walk in _walks)
        {
            walk.Visit(nic);
        }
    }
}
