using System.Collections.Immutable;
using VNetLab.Diagnostics;
using VNetLab.Model;

namespace VNetLab.Validation.Rules.Peering;

/// <summary>
/// useRemoteGateways needs a gateway on the remote side and none on the local side (constraints.md 1.2,
/// 1.3; seed 000 Solution #2), and the remote peering must allow gateway transit (1.4). The opposite
/// mismatch, transit offered but not used, is accepted by Azure and only warned about.
/// </summary>
internal sealed class RemoteGatewayRule : ScopedValidationRule<VirtualNetwork>
{
    public override ImmutableArray<DiagnosticDescriptor> Descriptors { get; } =
    [
        DiagnosticCatalog.Descriptors.RemoteVnetHasNoGateways,
        DiagnosticCatalog.Descriptors.UseRemoteGatewaysWithLocalGateway,
        DiagnosticCatalog.Descriptors.UseRemoteGatewaysWithoutGatewayTransit,
        DiagnosticCatalog.Descriptors.GatewayTransitNotUsed,
    ];

    public override ValidationReads Reads { get; } = ValidationReads.Around<VirtualNetwork>(1, typeof(VirtualNetworkGateway));

    protected override IEnumerable<Diagnostic> Validate(Estate estate, VirtualNetwork vnet)
    {
        List<Diagnostic>? findings = null;
        var localGateways = estate.GatewaysOf(vnet.Id);
        var usesRemoteGateways = vnet.Peerings.Any(p => p.UseRemoteGateways);
        foreach (var peering in vnet.Peerings)
        {
            var remotePeering = estate.RemotePeeringOf(peering);
            var remoteHasGateway = !estate.GatewaysOf(peering.RemoteVirtualNetworkId).IsEmpty;
            if (peering.UseRemoteGateways)
            {
                if (estate.Contains(peering.RemoteVirtualNetworkId) && !remoteHasGateway)
                {
                    Findings.Add(ref findings, DiagnosticCatalog.RemoteVnetHasNoGateways(peering));
                }

                if (!localGateways.IsEmpty)
                {
                    Findings.Add(ref findings, DiagnosticCatalog.UseRemoteGatewaysWithLocalGateway(peering, localGateways[0]));
                }

                if (remotePeering is { AllowGatewayTransit: false })
                {
                    Findings.Add(ref findings, DiagnosticCatalog.UseRemoteGatewaysWithoutGatewayTransit(peering, remotePeering));
                }
            }
            else if (remotePeering is { AllowGatewayTransit: true } && remoteHasGateway && !usesRemoteGateways)
            {
                // Also when this VNet has its own gateway (seed 000: the VDI VNet with its own VPN gateway lost
                // the hub's ExpressRoute routes this way); not when it already uses another VNet's gateway,
                // because it can use only one and does get gateway routes.
                Findings.Add(ref findings, DiagnosticCatalog.GatewayTransitNotUsed(peering, remotePeering));
            }
        }

        return Findings.OrNone(findings);
    }
}
