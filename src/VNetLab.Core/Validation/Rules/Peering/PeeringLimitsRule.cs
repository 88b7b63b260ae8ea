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
        List<Diagnostic>? findings = null;
        if (vnet.Peerings.Length > limits.PeeringsPerVirtualNetwork)
        {
            Findings.Add(ref findings, DiagnosticCatalog.PeeringsPerVnetLimit(vnet, vnet.Peerings.Length, limits.PeeringsPerVirtualNetwork));
        }

        // Each VNet's count is shared by the checks of all its peers (a hub's is read by every spoke and every other
        // hub): counted once per pass, or fully meshed hubs would make the rule grow with the square of the hubs.
        var group = pass.Shared(this, vnet.Id, PrivateIps) + PeersPrivateIps(pass, vnet);
        if (group > limits.PrivateAddressesPerPeeredGroup)
        {
            Findings.Add(ref findings, DiagnosticCatalog.PeeredPrivateAddressLimit(vnet, group, limits.PrivateAddressesPerPeeredGroup));
        }

        return Findings.OrNone(findings);
    }

    /// <summary>
    /// The sum over the distinct VNets <paramref name="vnet"/> peers with (itself aside). A spoke has one peering: the set
    /// that tells distinct ids apart is made only for a VNet with several.
    /// </summary>
    private int PeersPrivateIps(ValidationPass pass, VirtualNetwork vnet)
    {
        HashSet<ResourceId>? seen = vnet.Peerings.Length > 1 ? [] : null;
        var sum = 0;
        foreach (var peering in vnet.Peerings)
        {
            var id = peering.RemoteVirtualNetworkId;
            if ((seen is null || seen.Add(id)) && id != vnet.Id)
            {
                sum += pass.Shared(this, id, PrivateIps);
            }
        }

        return sum;
    }

    /// <summary>The NIC IP configurations in a VNet's subnets; 0 for a VNet the estate does not hold.</summary>
    private static int PrivateIps(Estate estate, ResourceId vnetId) => estate.IpConfigurationCountOf(vnetId);
}
