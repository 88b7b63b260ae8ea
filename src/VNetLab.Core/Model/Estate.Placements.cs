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

    // How many configurations sit in the subnets each VNet lists, by the VNet's id as Find finds it. The peered-group limit
    // adds up the counts of every VNet a hub peers with: reading each peer's VNet, subnets and lists for it read some ten
    // lines per peer from far ahead of the pass on an estate larger than the cache; this table of one number per VNet stays
    // in the cache.
    private readonly FrozenDictionary<ResourceId, int> _ipConfigurationCountByVnet;

    /// <summary>
    /// The NIC IP configurations placed in the subnets of the VNet <c>Find&lt;VirtualNetwork&gt;(vnetId)</c> finds, one
    /// count per subnet it lists (a subnet listed twice counts twice); 0 when the estate holds no such VNet.
    /// </summary>
    internal int IpConfigurationCountOf(ResourceId vnetId)
    {
        EstateReadLog.Note(typeof(VirtualNetwork));
        EstateReadLog.Note(typeof(NetworkInterface));
        return _ipConfigurationCountByVnet.TryGetValue(vnetId, out var count) ? count : 0;
    }

    /// <summary>The NIC IP configurations placed in <paramref name="vnet"/>'s subnets, one count per subnet it lists.</summary>
    internal int IpConfigurationCount(VirtualNetwork vnet)
    {
        EstateReadLog.Note(typeof(NetworkInterface));
        return CountPlaced(vnet);
    }

    /// <summary>The IP configurations of NICs placed in a subnet, in the estate's order of NICs.</summary>
    public ImmutableArray<NetworkInterfaceIpConfiguration> IpConfigurationsIn(ResourceId subnetId)
    {
        EstateReadLog.Note(typeof(NetworkInterface));
        return PlacedIn(subnetId);
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

    private ImmutableArray<NetworkInterfaceIpConfiguration> PlacedIn(ResourceId subnetId)
    {
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

    // Built from the VNet index itself, so a VNet shadowed by another resource with its id counts as Find finds it: not at all.
    private FrozenDictionary<ResourceId, int> CountIpConfigurations() =>
        _virtualNetworksById.ToFrozenDictionary(p => p.Key, p => CountPlaced((VirtualNetwork)p.Value));

    // Counted without the closure and enumerator a Sum over the subnets made per VNet.
    private int CountPlaced(VirtualNetwork vnet)
    {
        var count = 0;
        foreach (var subnet in vnet.Subnets)
        {
            count += PlacedIn(subnet.Id).Length;
        }

        return count;
    }

    private readonly record struct Placements(
        ImmutableArray<NetworkInterfaceIpConfiguration> All,
        ImmutableArray<(ResourceId Subnet, ImmutableArray<NetworkInterfaceIpConfiguration> IpConfigurations)> BySubnet);
}
