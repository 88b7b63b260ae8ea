using System.Collections.Immutable;
using VNetLab.Diagnostics;
using VNetLab.Model;

namespace VNetLab.Validation.Rules.Peering;

/// <summary>
/// After the address space of a peered VNet changes, each peering must be synced before the new ranges
/// are reachable (constraints.md 1.11). Exports carry the synced copy in remoteAddressSpace.
/// </summary>
internal sealed class PeeringSyncRule : IValidationRule
{
    public ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = [DiagnosticCatalog.Descriptors.PeeringNotInSync];

    public ValidationReads Reads { get; } = ValidationReads.EstateWide(typeof(VirtualNetwork));

    public IEnumerable<Diagnostic> Validate(Estate estate)
    {
        foreach (var peering in estate.VirtualNetworks.SelectMany(v => v.Peerings))
        {
            if (peering.RemoteAddressSpace.IsEmpty || estate.Find<VirtualNetwork>(peering.RemoteVirtualNetworkId) is not { } remote)
            {
                continue;
            }

            var synced = peering.RemoteAddressSpace.Select(p => p.Prefix).ToHashSet();
            if (!synced.SetEquals(remote.AddressSpace.Select(p => p.Prefix)))
            {
                yield return DiagnosticCatalog.PeeringNotInSync(peering, peering.RemoteAddressSpace, remote.AddressSpace);
            }
        }
    }
}
