using System.Collections.Immutable;
using VNetLab.Diagnostics;
using VNetLab.Model;

namespace VNetLab.Validation.Rules.Peering;

/// <summary>Peerings per VNet and private addresses across a VNet and its peers (constraints.md 1.15).</summary>
internal sealed class PeeringLimitsRule(ValidationLimits limits) : IValidationRule
{
    public ImmutableArray<DiagnosticDescriptor> Descriptors { get; } =
        [DiagnosticCatalog.Descriptors.PeeringsPerVnetLimit, DiagnosticCatalog.Descriptors.PeeredPrivateAddressLimit];

    public ValidationReads Reads { get; } = ValidationReads.EstateWide(typeof(VirtualNetwork), typeof(NetworkInterface));

    public IEnumerable<Diagnostic> Validate(Estate estate)
    {
        var privateIps = estate.VirtualNetworks.ToDictionary(v => v.Id, v => v.Subnets.Sum(s => estate.IpConfigurationsIn(s.Id).Length));
        foreach (var vnet in estate.VirtualNetworks)
        {
            if (vnet.Peerings.Length > limits.PeeringsPerVirtualNetwork)
            {
                yield return DiagnosticCatalog.PeeringsPerVnetLimit(vnet, vnet.Peerings.Length, limits.PeeringsPerVirtualNetwork);
            }

            var group = privateIps[vnet.Id] + vnet.Peerings.Select(p => p.RemoteVirtualNetworkId).Distinct()
                .Where(id => id != vnet.Id)
                .Sum(id => privateIps.GetValueOrDefault(id));
            if (group > limits.PrivateAddressesPerPeeredGroup)
            {
                yield return DiagnosticCatalog.PeeredPrivateAddressLimit(vnet, group, limits.PrivateAddressesPerPeeredGroup);
            }
        }
    }
}
