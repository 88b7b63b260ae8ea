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
        List<Diagnostic>? findings = null;
        if (vnet.Peerings.Length > limits.PeeringsPerVirtualNetwork)
        {
            Findings.Add(ref findings, DiagnosticCatalog.PeeringsPerVnetLimit(vnet, vnet.Peerings.Length, limits.PeeringsPerVirtualNetwork));
        }

        // Each VNet's count is kept by the estate (a hub's is read by every spoke and every other hub), so a VNet costs one
        // lookup per peer whatever the peer's size.
        var group = estate.IpConfigurationCountOf(vnet.Id) + PeersPrivateIps(estate, vnet);
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
    private static int PeersPrivateIps(Estate estate, VirtualNetwork vnet)
    {
        HashSet<ResourceId>? seen = vnet.Peerings.Length > 1 ? [] : null;
        var sum = 0;
        foreach (var peering in vnet.Peerings)
        {
            var id = peering.RemoteVirtualNetworkId;
            if ((seen is null || seen.Add(id)) && id != vnet.Id)
            {
                sum += estate.IpConfigurationCountOf(id);
            }
        }

        return sum;
    }
}
