using System.Collections.Immutable;
using VNetLab.Diagnostics;
using VNetLab.Model;
using VNetLab.Validation.Facts;

namespace VNetLab.Validation.Rules.Peering;

/// <summary>
/// After the address space of a peered VNet changes, each peering must be synced before the new ranges
/// are reachable (constraints.md 1.11). Exports carry the synced copy in remoteAddressSpace.
/// </summary>
internal sealed class PeeringSyncRule : ScopedValidationRule<VirtualNetwork>
{
    public override ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = [DiagnosticCatalog.Descriptors.PeeringNotInSync];

    public override ValidationReads Reads { get; } = ValidationReads.Around<VirtualNetwork>(1);

    protected override IEnumerable<Diagnostic> Validate(Estate estate, VirtualNetwork vnet)
    {
        List<Diagnostic>? findings = null;
        foreach (var peering in vnet.Peerings)
        {
            if (peering.RemoteAddressSpace.IsEmpty || estate.Find<VirtualNetwork>(peering.RemoteVirtualNetworkId) is not { } remote)
            {
                continue;
            }

            if (!PrefixOverlaps.SameSet(peering.RemoteAddressSpace, remote.AddressSpace))
            {
                Findings.Add(ref findings, DiagnosticCatalog.PeeringNotInSync(peering, peering.RemoteAddressSpace, remote.AddressSpace));
            }
        }

        return Findings.OrNone(findings);
    }
}
