using VNetLab.Model;

namespace VNetLab.Validation;

/// <summary>
/// Which subjects of a scoped rule a set of replaced top-level resources can reach (<see cref="ValidationScope"/>),
/// computed in both snapshots so that what a change removes is reached as well as what it adds. Built once per
/// revalidation; the answer for each (scope, subject type, hops) is shared by every rule that declares it.
/// </summary>
internal sealed class ChangeReach
{
    private readonly Estate _before;
    private readonly Estate _after;
    private readonly List<(ResourceId Id, Resource Before, Resource After)> _changes;
    private readonly Dictionary<(ValidationScope, Type, int, Type), HashSet<ResourceId>?> _cache = [];

    public ChangeReach(Estate before, Estate after, List<(ResourceId Id, Resource Before, Resource After)> changes)
    {
        _before = before;
        _after = after;
        _changes = changes;
        ChangedTypes = [.. changes.Select(c => c.After.GetType())];
    }

    public HashSet<Type> ChangedTypes { get; }

    /// <summary>The ids of the subjects to re-run, or null when the rule must re-run in full.</summary>
    public HashSet<ResourceId>? SubjectsToRevalidate(ValidationReads reads)
    {
        if (reads.Subject is not { } subject || reads.Scope == ValidationScope.Estate)
        {
            return null;
        }

        HashSet<ResourceId>? all = [];
        foreach (var type in ChangedTypes.Where(reads.Types.Contains))
        {
            var key = (reads.Scope, subject, reads.Hops, type);
            if (!_cache.TryGetValue(key, out var reached))
            {
                reached = Reach(reads.Scope, subject, reads.Hops, type);
                _cache[key] = reached;
            }

            if (reached is null)
            {
                return null;
            }

            all.UnionWith(reached);
        }

        return all;
    }

    private HashSet<ResourceId>? Reach(ValidationScope scope, Type subject, int hops, Type changedType)
    {
        var changes = _changes.Where(c => c.After.GetType() == changedType).ToList();
        if (changedType == subject && subject != typeof(VirtualNetwork))
        {
            // A route table, NSG or gateway subject reads no other resource of its own type.
            return [.. changes.Select(c => c.Id)];
        }

        if (scope != ValidationScope.Neighbourhood)
        {
            return null;
        }

        var vnets = new HashSet<ResourceId>();
        foreach (var (_, before, after) in changes)
        {
            if (!AddAnchors(vnets, before, _before) || !AddAnchors(vnets, after, _after))
            {
                return null;
            }
        }

        for (var hop = 0; hop < hops; hop++)
        {
            foreach (var vnet in vnets.ToList())
            {
                foreach (var estate in new[] { _before, _after })
                {
                    vnets.UnionWith(estate.PeeringsOf(vnet).Select(p => p.RemoteVirtualNetworkId));
                    vnets.UnionWith(estate.PeeringsTo(vnet).Select(p => p.VirtualNetworkId));
                }
            }
        }

        if (subject == typeof(VirtualNetwork))
        {
            return vnets;
        }

        var subjects = new HashSet<ResourceId>();
        foreach (var estate in new[] { _before, _after })
        {
            foreach (var vnet in vnets.Select(estate.Find<VirtualNetwork>).OfType<VirtualNetwork>())
            {
                if (subject == typeof(RouteTable))
                {
                    subjects.UnionWith(vnet.Subnets.Select(s => s.RouteTableId).OfType<ResourceId>());
                }
                else if (subject == typeof(NetworkSecurityGroup))
                {
                    subjects.UnionWith(vnet.Subnets.Select(s => s.NetworkSecurityGroupId).OfType<ResourceId>());
                    subjects.UnionWith(estate.IpConfigurationsInVirtualNetwork(vnet.Id)
                        .Select(c => estate.Find<NetworkInterface>(c.NetworkInterfaceId)?.NetworkSecurityGroupId).OfType<ResourceId>());
                }
                else if (subject == typeof(VirtualNetworkGateway))
                {
                    subjects.UnionWith(estate.GatewaysOf(vnet.Id).Select(g => g.Id));
                }
                else
                {
                    return null;
                }
            }
        }

        return subjects;
    }

    /// <summary>Adds the VNets a resource is anchored in; false when its type has no VNet anchor.</summary>
    private static bool AddAnchors(HashSet<ResourceId> vnets, Resource resource, Estate estate)
    {
        switch (resource)
        {
            case VirtualNetwork vnet:
                vnets.Add(vnet.Id);
                return true;
            case NetworkInterface nic:
                vnets.UnionWith(nic.IpConfigurations.Select(c => c.SubnetId?.Parent).OfType<ResourceId>());
                return true;
            case VirtualNetworkGateway gateway:
                vnets.UnionWith(gateway.IpConfigurations.Select(c => c.SubnetId?.Parent).OfType<ResourceId>());
                return true;
            case AzureFirewall firewall:
                vnets.UnionWith(firewall.IpConfigurations.Select(c => c.SubnetId?.Parent).OfType<ResourceId>());
                return true;
            case RouteTable or NetworkSecurityGroup:
                vnets.UnionWith(EstateChanges.VirtualNetworksAssociatedWith(estate, resource.Id));
                return true;
            default:
                return false;
        }
    }
}
