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

    protected override IEnumerable<Diagnostic> Validate(ValidationPass pass, VirtualNetwork vnet)
    {
        if (vnet.Peerings.Length > limits.PeeringsPerVirtualNetwork)
        {
            yield return DiagnosticCatalog.PeeringsPerVnetLimit(vnet, vnet.Peerings.Length, limits.PeeringsPerVirtualNetwork);
        }

        // Each VNet's count is shared by the checks of all its peers (a hub's is read by every spoke and every other
        // hub): counted once per pass, or fully meshed hubs would make the rule grow with the square of the hubs.
        var group = pass.Shared(this, vnet.Id, PrivateIps) + vnet.Peerings.Select(p => p.RemoteVirtualNetworkId).Distinct()
            .Where(id => id != vnet.Id)
            .Sum(id => pass.Shared(this, id, PrivateIps));
        if (group > limits.PrivateAddressesPerPeeredGroup)
        {
            yield return DiagnosticCatalog.PeeredPrivateAddressLimit(vnet, group, limits.PrivateAddressesPerPeeredGroup);
        }
    }

    /// <summary>The NIC IP configurations in a VNet's subnets; 0 for a VNet the estate does not hold.</summary>
    private static int PrivateIps(Estate estate, ResourceId vnetId) =>
        estate.Find<VirtualNetwork>(vnetId)?.Subnets.Sum(s => estate.IpConfigurationsIn(s.Id).Length) ?? 0;
}
