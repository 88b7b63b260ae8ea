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
        VirtualNetworkPeering? first = null;
        foreach (var peering in vnet.Peerings.Where(p => p.UseRemoteGateways))
        {
            if (first is null)
            {
                first = peering;
            }
            else
            {
                yield return DiagnosticCatalog.UseRemoteGatewaysOnMoreThanOnePeering(peering, first);
            }
        }
    }
}
