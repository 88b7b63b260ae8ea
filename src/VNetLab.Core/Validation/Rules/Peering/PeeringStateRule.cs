using System.Collections.Immutable;
using VNetLab.Diagnostics;
using VNetLab.Model;

namespace VNetLab.Validation.Rules.Peering;

/// <summary>
/// Peering states (constraints.md 1.8, 1.9): a peering towards a VNet whose peering back is Disconnected
/// cannot be created or updated; a peering that is not Connected on both sides carries no traffic and no
/// routes. A design without states is judged by whether the peering back exists.
/// </summary>
internal sealed class PeeringStateRule : ScopedValidationRule<VirtualNetwork>
{
    public override ImmutableArray<DiagnosticDescriptor> Descriptors { get; } =
        [DiagnosticCatalog.Descriptors.RemotePeeringIsDisconnected, DiagnosticCatalog.Descriptors.PeeringNotConnected];

    public override ValidationReads Reads { get; } = ValidationReads.Around<VirtualNetwork>(1);

    protected override IEnumerable<Diagnostic> Validate(Estate estate, VirtualNetwork vnet)
    {
        List<Diagnostic>? findings = null;
        foreach (var peering in vnet.Peerings)
        {
            var remotePeering = estate.RemotePeeringOf(peering);
            if (remotePeering is { PeeringState: PeeringState.Disconnected })
            {
                Findings.Add(ref findings, DiagnosticCatalog.RemotePeeringIsDisconnected(peering, remotePeering));
            }

            switch (peering.PeeringState)
            {
                case PeeringState.Disconnected:
                    Findings.Add(ref findings, DiagnosticCatalog.PeeringNotConnected(peering, "Disconnected",
                        "the remote peering or the remote virtual network was deleted (and perhaps re-created)."));
                    break;
                case PeeringState.Initiated:
                    Findings.Add(ref findings, DiagnosticCatalog.PeeringNotConnected(peering, "Initiated",
                        $"the peering from '{peering.RemoteVirtualNetworkId.Name}' back to '{peering.VirtualNetworkId.Name}' does not exist yet."));
                    break;
                case null when remotePeering is null && estate.Contains(peering.RemoteVirtualNetworkId):
                    Findings.Add(ref findings, DiagnosticCatalog.PeeringNotConnected(peering, "Initiated",
                        $"virtual network '{peering.RemoteVirtualNetworkId.Name}' has no peering back to '{peering.VirtualNetworkId.Name}'."));
                    break;
                default:
                    break;
            }
        }

        return Findings.OrNone(findings);
    }
}
