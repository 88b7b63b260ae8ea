using System.Collections.Immutable;
using VNetLab.Diagnostics;
using VNetLab.Model;
using VNetLab.Validation.Facts;

namespace VNetLab.Validation.Rules.Peering;

/// <summary>
/// Peered VNets cannot overlap (constraints.md 1.5), and a VNet cannot be peered with a VNet that is
/// already peered with a third VNet it overlaps (1.6: a hub cannot have two overlapping spokes).
/// </summary>
internal sealed class PeeringAddressOverlapRule : IValidationRule
{
    public ImmutableArray<DiagnosticDescriptor> Descriptors { get; } =
        [DiagnosticCatalog.Descriptors.VnetAddressSpacesOverlap, DiagnosticCatalog.Descriptors.VnetAddressSpaceOverlapsWithAlreadyPeeredVnet];

    public IEnumerable<Diagnostic> Validate(Estate estate)
    {
        foreach (var vnet in estate.VirtualNetworks)
        {
            foreach (var peering in vnet.Peerings)
            {
                var remote = estate.Find<VirtualNetwork>(peering.RemoteVirtualNetworkId);
                var remoteSpace = remote?.AddressSpace ?? peering.RemoteAddressSpace;
                var direct = PrefixOverlaps.OverlappingBetween(vnet.AddressSpace, remoteSpace, p => p.Prefix);
                if (direct.Count > 0)
                {
                    yield return DiagnosticCatalog.VnetAddressSpacesOverlap(peering, direct);
                    continue;
                }

                if (remote is null)
                {
                    continue;
                }

                foreach (var third in PeersOf(estate, remote.Id).Where(id => id != vnet.Id))
                {
                    if (estate.Find<VirtualNetwork>(third) is not { } thirdVnet)
                    {
                        continue;
                    }

                    var overlapping = PrefixOverlaps.OverlappingBetween(vnet.AddressSpace, thirdVnet.AddressSpace, p => p.Prefix);
                    if (overlapping.Count > 0)
                    {
                        yield return DiagnosticCatalog.VnetAddressSpaceOverlapsWithAlreadyPeeredVnet(peering, thirdVnet.Id, overlapping);
                    }
                }
            }
        }
    }

    /// <summary>The VNets peered with <paramref name="vnetId"/> from either side, in a stable order.</summary>
    private static IEnumerable<ResourceId> PeersOf(Estate estate, ResourceId vnetId) =>
        estate.PeeringsOf(vnetId).Select(p => p.RemoteVirtualNetworkId)
            .Concat(estate.PeeringsTo(vnetId).Select(p => p.VirtualNetworkId))
            .Distinct()
            .Order();
}
