using System.Collections.Immutable;
using VNetLab.Diagnostics;
using VNetLab.Model;

namespace VNetLab.Validation.Rules.Peering;

/// <summary>A VNet has one peering per remote VNet (constraints.md 1.7).</summary>
internal sealed class DuplicatePeeringRule : IValidationRule
{
    public ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = [DiagnosticCatalog.Descriptors.AnotherPeeringAlreadyReferencesRemoteVnet];

    public ValidationReads Reads { get; } = ValidationReads.EstateWide(typeof(VirtualNetwork));

    public IEnumerable<Diagnostic> Validate(Estate estate)
    {
        foreach (var vnet in estate.VirtualNetworks)
        {
            var first = new Dictionary<ResourceId, VirtualNetworkPeering>();
            foreach (var peering in vnet.Peerings)
            {
                if (!first.TryAdd(peering.RemoteVirtualNetworkId, peering))
                {
                    yield return DiagnosticCatalog.AnotherPeeringAlreadyReferencesRemoteVnet(peering, first[peering.RemoteVirtualNetworkId]);
                }
            }
        }
    }
}
