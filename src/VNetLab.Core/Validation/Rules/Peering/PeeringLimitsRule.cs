using System.Collections.Immutable;
using VNetLab.Diagnostics;
using VNetLab.Model;

namespace VNetLab.Validation.Rules.Peering;

/// <summary>Peerings per VNet and private addresses across a VNet and its peers (constraints.md 1.15).</summary>
internal sealed class PeeringLimitsRule(ValidationLimits limits) : ScopedValidationRule<VirtualNetwork>
{
    public override ImmutableArray<DiagnosticDescriptor> Descriptors { get; } =
        [DiagnosticCatalog.Descriptors.PeeringsPerVnetLimit, DiagnosticCatalog.Descriptors.PeeredPrivateAddressLimit];

    public override ValidationReads Reads { get; } = ValidationReads.Around<VirtualNetwork>(1, typeof(NetworkInterface));

    protected override IEnumerable<Diagnostic> Validate(Estate estate, VirtualNetwork vnet)
    {
        if (vnet.Peerings.Length > limits.PeeringsPerVirtualNetwork)
        {
            yield return DiagnosticCatalog.PeeringsPerVnetLimit(vnet, vnet.Peerings.Length, limits.PeeringsPerVirtualNetwork);
        }

        var group = PrivateIps(estate, vnet) + vnet.Peerings.Select(p => p.RemoteVirtualNetworkId).Distinct()
            .Where(id => id != vnet.Id)
            .Sum(id => estate.Find<VirtualNetwork>(id) is { } remote ? PrivateIps(estate, remote) : 0);
        if (group > limits.PrivateAddressesPerPeeredGroup)
        {
            yield return DiagnosticCatalog.PeeredPrivateAddressLimit(vnet, group, limits.PrivateAddressesPerPeeredGroup);
        }
    }

    private static int PrivateIps(Estate estate, VirtualNetwork vnet) => vnet.Subnets.Sum(s => estate.IpConfigurationsIn(s.Id).Length);
}
