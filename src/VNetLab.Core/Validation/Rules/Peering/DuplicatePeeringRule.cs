using System.Collections.Immutable;
using VNetLab.Diagnostics;
using VNetLab.Model;

namespace VNetLab.Validation.Rules.Peering;

/// <summary>A VNet has one peering per remote VNet (constraints.md 1.7).</summary>
internal sealed class DuplicatePeeringRule : ScopedValidationRule<VirtualNetwork>
{
    public override ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = [DiagnosticCatalog.Descriptors.AnotherPeeringAlreadyReferencesRemoteVnet];

    public override ValidationReads Reads { get; } = ValidationReads.Around<VirtualNetwork>(0);

    protected override IEnumerable<Diagnostic> Validate(Estate estate, VirtualNetwork vnet)
    {
        // A spoke has one peering, which duplicates nothing: the table of remotes is made only for a VNet with several.
        if (vnet.Peerings.Length < 2)
        {
            return [];
        }

        List<Diagnostic>? findings = null;
        var first = new Dictionary<ResourceId, VirtualNetworkPeering>();
        foreach (var peering in vnet.Peerings)
        {
            if (!first.TryAdd(peering.RemoteVirtualNetworkId, peering))
            {
                Findings.Add(ref findings, DiagnosticCatalog.AnotherPeeringAlreadyReferencesRemoteVnet(peering, first[peering.RemoteVirtualNetworkId]));
            }
        }

        return Findings.OrNone(findings);
    }
}
