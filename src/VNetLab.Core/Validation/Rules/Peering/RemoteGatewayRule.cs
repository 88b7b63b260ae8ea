using System.Collections.Immutable;
using VNetLab.Diagnostics;
using VNetLab.Model;

namespace VNetLab.Validation.Rules.Peering;

/// <summary>
/// useRemoteGateways needs a gateway on the remote side and none on the local side (constraints.md 1.2,
/// 1.3; seed 000 Solution #2), and the remote peering must allow gateway transit (1.4). The opposite
/// mismatch, transit offered but not used, is accepted by Azure and only warned about.
/// </summary>
internal sealed class RemoteGatewayRule : IValidationRule
{
    public ImmutableArray<DiagnosticDescriptor> Descriptors { get; } =
    [
        DiagnosticCatalog.Descriptors.RemoteVnetHasNoGateways,
        DiagnosticCatalog.Descriptors.UseRemoteGatewaysWithLocalGateway,
        DiagnosticCatalog.Descriptors.UseRemoteGatewaysWithoutGatewayTransit,
        DiagnosticCatalog.Descriptors.GatewayTransitNotUsed,
    ];

    public IEnumerable<Diagnostic> Validate(Estate estate)
    {
        var peerings = new PeeringIndex(estate);
        foreach (var vnet in estate.VirtualNetworks)
        {
            var localGateways = estate.GatewaysOf(vnet.Id);
            var usesRemoteGateways = vnet.Peerings.Any(p => p.UseRemoteGateways);
            foreach (var peering in vnet.Peerings)
            {
                var remotePeering = peerings.RemotePeeringOf(peering);
                var remoteHasGateway = !estate.GatewaysOf(peering.RemoteVirtualNetworkId).IsEmpty;
                if (peering.UseRemoteGateways)
                {
                    if (estate.Contains(peering.RemoteVirtualNetworkId) && !remoteHasGateway)
                    {
                        yield return DiagnosticCatalog.RemoteVnetHasNoGateways(peering);
                    }

                    if (!localGateways.IsEmpty)
                    {
                        yield return DiagnosticCatalog.UseRemoteGatewaysWithLocalGateway(peering, localGateways[0]);
                    }

                    if (remotePeering is { AllowGatewayTransit: false })
                    {
                        yield return DiagnosticCatalog.UseRemoteGatewaysWithoutGatewayTransit(peering, remotePeering);
                    }
                }
                else if (remotePeering is { AllowGatewayTransit: true } && remoteHasGateway && localGateways.IsEmpty
                    && !usesRemoteGateways)
                {
                    // Only worth saying when this VNet could use the remote gateway: it has none of its own and
                    // does not use another VNet's (a VNet can use one remote gateway only).
                    yield return DiagnosticCatalog.GatewayTransitNotUsed(peering, remotePeering);
                }
            }
        }
    }
}
