using System.Collections.Frozen;
using System.Collections.Immutable;

namespace VNetLab.Model;

public sealed partial class Estate
{
    // The IP configurations that name a subnet of each VNet, by the VNet, with those of each subnet beside them: a VNet's
    // rules look up the VNet once and find each subnet's configurations among its few, next to each other in memory.
    // One table keyed by subnet read two random places of a table larger than the cache per subnet and pass.
    private readonly FrozenDictionary<ResourceId, Placements> _placementsByVnet;

    // The configurations that name a subnet id without a parent (malformed, and reported as dangling), by that id.
    private readonly FrozenDictionary<ResourceId, ImmutableArray<NetworkInterfaceIpConfiguration>> _placementsOfParentlessSubnets;

    /// <summary>The IP configurations of NICs placed in a subnet, in the estate's order of NICs.</summary>
    public ImmutableArray<NetworkInterfaceIpConfiguration> IpConfigurationsIn(ResourceId subnetId)
    {
        EstateReadLog.Note(typeof(NetworkInterface));
        if (subnetId.Parent is not { } vnetId)
        {
            return _placementsOfParentlessSubnets.TryGetValue(subnetId, out var parentless) ? parentless : [];
        }

        // Equal subnet ids have equal parents (ids compare segment by segment), so every configuration naming this
        // subnet is filed under its VNet.
        if (_placementsByVnet.TryGetValue(vnetId, out var placements))
        {
            foreach (var (subnet, ipConfigurations) in placements.BySubnet)
            {
                if (subnet.Equals(subnetId))
                {
                    return ipConfigurations;
                }
            }
        }

        return [];
    }

    /// <summary>
    /// The IP configurations of NICs that name a subnet of this VNet (whether or not the VNet holds that subnet), in
    /// the estate's order of NICs.
    /// </summary>
    public ImmutableArray<NetworkInterfaceIpConfiguration> IpConfigurationsInVirtualNetwork(ResourceId vnetId)
    {
        EstateReadLog.Note(typeof(NetworkInterface));
        return _placementsByVnet.TryGetValue(vnetId, out var placements) ? placements.All : [];
    }

    private static (FrozenDictionary<ResourceId, Placements> ByVnet, FrozenDictionary<ResourceId, ImmutableArray<NetworkInterfaceIpConfiguration>> Parentless)
        IndexPlacements(ImmutableArray<NetworkInterface> nics)
    {
        var placed = nics.SelectMany(n => n.IpConfigurations)
            .SelectMany(c => c.SubnetId is { } subnet ? [(Subnet: subnet, IpConfiguration: c)] : Array.Empty<(ResourceId Subnet, NetworkInterfaceIpConfiguration IpConfiguration)>())
            .ToList();

        // GroupBy keeps the order of first appearance, of the groups and within each, and the first spelling of each key.
        var byVnet = placed.SelectMany(p => p.Subnet.Parent is { } vnet ? [(Vnet: vnet, Placed: p)] : Array.Empty<(ResourceId Vnet, (ResourceId Subnet, NetworkInterfaceIpConfiguration IpConfiguration) Placed)>())
            .GroupBy(p => p.Vnet)
            .ToFrozenDictionary(g => g.Key, g => new Placements(
                [.. g.Select(p => p.Placed.IpConfiguration)],
                [.. g.GroupBy(p => p.Placed.Subnet).Select(s => (s.Key, s.Select(p => p.Placed.IpConfiguration).ToImmutableArray()))]));
        var parentless = placed.Where(p => p.Subnet.Parent is null)
            .GroupBy(p => p.Subnet)
            .ToFrozenDictionary(g => g.Key, g => g.Select(p => p.IpConfiguration).ToImmutableArray());
        return (byVnet, parentless);
    }

    private readonly record struct Placements(
        ImmutableArray<NetworkInterfaceIpConfiguration> All,
        ImmutableArray<(ResourceId Subnet, ImmutableArray<NetworkInterfaceIpConfiguration> IpConfigurations)> BySubnet);
}
