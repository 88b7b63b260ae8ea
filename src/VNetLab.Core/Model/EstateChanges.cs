namespace VNetLab.Model;

/// <summary>The top-level resources that differ between two snapshots, found by reference first, then by id.</summary>
internal static class EstateChanges
{
    /// <summary>
    /// Every top-level resource added, removed or replaced by another instance: (id, before, after), with null
    /// for the side it is missing from. <see cref="Estate.With"/> keeps the order of the roots, so the usual case
    /// is one pass comparing references position by position.
    /// </summary>
    public static List<(ResourceId Id, Resource? Before, Resource? After)> Between(Estate before, Estate after)
    {
        var changes = new List<(ResourceId Id, Resource? Before, Resource? After)>();
        var old = before.Roots;
        var current = after.Roots;
        var common = Math.Min(old.Length, current.Length);
        var aligned = true;
        for (var i = 0; i < common; i++)
        {
            if (ReferenceEquals(old[i], current[i]))
            {
                continue;
            }

            if (old[i].Id != current[i].Id)
            {
                aligned = false;
                break;
            }

            if (!old[i].Equals(current[i]))
            {
                changes.Add((current[i].Id, old[i], current[i]));
            }
        }

        if (aligned)
        {
            for (var i = common; i < old.Length; i++)
            {
                changes.Add((old[i].Id, old[i], null));
            }

            for (var i = common; i < current.Length; i++)
            {
                changes.Add((current[i].Id, null, current[i]));
            }

            return changes;
        }

        changes.Clear();
        var byId = new Dictionary<ResourceId, Resource>();
        foreach (var resource in old)
        {
            byId.TryAdd(resource.Id, resource);
        }

        foreach (var resource in current)
        {
            if (!byId.Remove(resource.Id, out var previous))
            {
                changes.Add((resource.Id, null, resource));
            }
            else if (!ReferenceEquals(previous, resource) && !previous.Equals(resource))
            {
                changes.Add((resource.Id, previous, resource));
            }
        }

        changes.AddRange(byId.Values.Select(r => (r.Id, (Resource?)r, (Resource?)null)));
        return changes;
    }

    /// <summary>
    /// The VNets a route table or NSG is anchored in within one snapshot: those of the subnets, NICs and NIC IP
    /// configurations associated with it, each once. What a change to it can reach first: routing recompiles
    /// those VNets, validation re-runs the rules around them.
    /// </summary>
    public static IEnumerable<ResourceId> VirtualNetworksAssociatedWith(Estate estate, ResourceId routeTableOrNsgId)
    {
        var vnets = new HashSet<ResourceId>();
        foreach (var association in estate.AssociationsOf(routeTableOrNsgId))
        {
            switch (association)
            {
                case Subnet subnet:
                    vnets.Add(subnet.VirtualNetworkId);
                    break;
                case NetworkInterface nic:
                    vnets.UnionWith(nic.IpConfigurations.Select(c => c.SubnetId?.Parent).OfType<ResourceId>());
                    break;
                case NetworkInterfaceIpConfiguration ipConfiguration when ipConfiguration.SubnetId?.Parent is { } vnetId:
                    vnets.Add(vnetId);
                    break;
                default:
                    break;
            }
        }

        return vnets;
    }
}
