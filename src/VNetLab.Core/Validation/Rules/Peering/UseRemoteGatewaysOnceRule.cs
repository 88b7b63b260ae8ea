using System.Collections.Immutable;
using VNetLab.Diagnostics;
using VNetLab.Model;

namespace VNetLab.Validation.Rules.Peering;

/// <summary>
/// Only one peering of a VNet may have useRemoteGateways (constraints.md 1.1; seed 000 Solution #1):
/// a VNet uses the gateways of one remote VNet at most. The peerings after the first are refused.
/// </summary>
internal sealed class UseRemoteGatewaysOnceRule : ScopedValidationRule<VirtualNetwork>
{
    public override ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = [DiagnosticCatalog.Descriptors.UseRemoteGatewaysOnMoreThanOnePeering];

    public override ValidationReads Reads { get; } = ValidationReads.Around<VirtualNetwork>(0);

    protected override IEnumerable<Diagnostic> Validate(Estate estate, VirtualNetwork vnet)
    {
        List<Diagnostic>? findings = null;
        VirtualNetworkPeering? first = null;
        foreach (var peering in vnet.Peerings)
        {
            if (!peering.UseRemoteGateways)
            {
                continue;
            }

            if (first is null)
            {
                first = peering;
            }
            else
            {
                Findings.Add(ref findings, DiagnosticCatalog.UseRemoteGatewaysOnMoreThanOnePeering(peering, first));
            }
        }

        return Findings.OrNone(findings);
    }
}
