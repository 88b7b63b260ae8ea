using System.Collections.Immutable;

namespace VNetLab.Model.Memory;

/// <summary>
/// Which objects of a resource the engines read, as levels of the chain that leads to them, for <see cref="MemoryHint"/>s
/// ahead of the reads: level 0 is the resource itself, 1 what its fields point at, 2 the elements of its arrays, 3 what
/// those point at. A level can only be hinted once the level before has arrived, since its addresses are read from
/// there: a pass over many resources hints level 0 of a resource some steps ahead and each deeper level one step later
/// (validation, <c>SubjectPrefetch</c>); a reader about to go through one resource hints every level at once
/// (<see cref="HintEveryLevel"/>).
/// </summary>
internal static class ResourceHints
{
    /// <summary>The number of levels.</summary>
    public const int Levels = 4;

    /// <summary>Hints the objects of <paramref name="subject"/> at <paramref name="level"/>; types other than NSGs, VNets, route tables and NICs only at level 0.</summary>
    public static void Hint(Resource subject, int level)
    {
        // Level 0 hints the object without asking its type: the type is in the object's header, and reading it would
        // wait for the very line the hint is meant to start loading.
        if (level == 0)
        {
            MemoryHint.Load(subject, lines: 2);
            return;
        }

        switch (subject)
        {
            case NetworkSecurityGroup nsg:
                Hint(nsg, level);
                break;
            case VirtualNetwork vnet:
                Hint(vnet, level);
                break;
            case RouteTable table:
                Hint(table, level);
                break;
            case NetworkInterface nic:
                Hint(nic, level);
                break;
            default:
                // Other types are hinted as objects only, at level 0.
                break;
        }
    }

    /// <summary>
    /// In a pass over <paramref name="resources"/>, while the one at <paramref name="at"/> is read: hints each level of the
    /// resource <see cref="AheadOf"/> gives for it, so every level reads only objects the level before hinted
    /// <paramref name="spacing"/> resources earlier. A wider spacing suits a pass that spends little time per resource.
    /// </summary>
    public static void Ahead<T>(ReadOnlySpan<T> resources, int at, int spacing = 1) where T : Resource
    {
        for (var level = 0; level < Levels; level++)
        {
            var ahead = AheadOf(at, level, spacing);
            if (ahead < resources.Length)
            {
                Hint(resources[ahead], level);
            }
        }
    }

    /// <summary>
    /// The resource whose objects of <paramref name="level"/> are hinted while the one at <paramref name="at"/> is read:
    /// level 0 <see cref="Levels"/> × <paramref name="spacing"/> resources ahead, each deeper level
    /// <paramref name="spacing"/> closer, the last <paramref name="spacing"/> ahead.
    /// </summary>
    internal static int AheadOf(int at, int level, int spacing = 1) => at + ((Levels - level) * spacing);

    /// <summary>
    /// Hints every level of <paramref name="nsg"/> in a row, for a reader about to go through its rules. Each level
    /// waits for the first object of the level before (its address is read from there), and the loads of one level
    /// overlap: about four memory latencies for the whole NSG instead of one for each object in turn, as a reader
    /// that reaches each rule through the one before pays on an estate larger than the cache.
    /// </summary>
    public static void HintEveryLevel(NetworkSecurityGroup nsg)
    {
        for (var level = 0; level < Levels; level++)
        {
            Hint((Resource)nsg, level);
        }
    }

    // A default array (no model object has one, but records can be made with one) hints nothing rather than throwing.
    private static ReadOnlySpan<T> Elements<T>(ImmutableArray<T> array) => array.IsDefault ? default : array.AsSpan();

    // The per-type levels start at 1: level 0, the object itself, is hinted alike for every type by Hint(Resource, int).
    private static void Hint(NetworkSecurityGroup nsg, int level)
    {
        switch (level)
        {
            case 1:
                MemoryHint.Load(nsg.Id);
                MemoryHint.Load(nsg.SecurityRules);
                break;
            case 2:
                foreach (var rule in Elements(nsg.SecurityRules))
                {
                    MemoryHint.Load(rule, lines: 2);
                }

                break;
            default:
                foreach (var rule in Elements(nsg.SecurityRules))
                {
                    MemoryHint.Load(rule.Id);
                    MemoryHint.Load(rule.SourceAddressPrefixes);
                    MemoryHint.Load(rule.DestinationAddressPrefixes);
                    MemoryHint.Load(rule.SourcePortRanges);
                    MemoryHint.Load(rule.DestinationPortRanges);
                    MemoryHint.Load(rule.SourceApplicationSecurityGroupIds);
                    MemoryHint.Load(rule.DestinationApplicationSecurityGroupIds);
                }

                break;
        }
    }

    private static void Hint(VirtualNetwork vnet, int level)
    {
        switch (level)
        {
            case 1:
                MemoryHint.Load(vnet.Id);
                MemoryHint.Load(vnet.AddressSpace);
                MemoryHint.Load(vnet.Subnets);
                MemoryHint.Load(vnet.Peerings);
                MemoryHint.Load(vnet.DnsServers);
                break;
            case 2:
                foreach (var subnet in Elements(vnet.Subnets))
                {
                    MemoryHint.Load(subnet, lines: 2);
                }

                foreach (var peering in Elements(vnet.Peerings))
                {
                    MemoryHint.Load(peering, lines: 2);
                }

                break;
            default:
                foreach (var subnet in Elements(vnet.Subnets))
                {
                    MemoryHint.Load(subnet.Id);
                    MemoryHint.Load(subnet.NetworkSecurityGroupId);
                    MemoryHint.Load(subnet.RouteTableId);
                    MemoryHint.Load(subnet.AddressPrefixes);
                    MemoryHint.Load(subnet.ServiceEndpoints);
                    MemoryHint.Load(subnet.Delegations);
                }

                foreach (var peering in Elements(vnet.Peerings))
                {
                    MemoryHint.Load(peering.Id);
                    MemoryHint.Load(peering.RemoteVirtualNetworkId);
                    MemoryHint.Load(peering.RemoteAddressSpace);
                }

                break;
        }
    }

    private static void Hint(RouteTable table, int level)
    {
        switch (level)
        {
            case 1:
                MemoryHint.Load(table.Id);
                MemoryHint.Load(table.Routes);
                break;
            case 2:
                foreach (var route in Elements(table.Routes))
                {
                    MemoryHint.Load(route, lines: 3);
                }

                break;
            default:
                foreach (var route in Elements(table.Routes))
                {
                    MemoryHint.Load(route.Id);
                    MemoryHint.Load(route.AddressPrefix);
                    MemoryHint.Load(route.NextHopIpAddressText);
                }

                break;
        }
    }

    private static void Hint(NetworkInterface nic, int level)
    {
        switch (level)
        {
            case 1:
                MemoryHint.Load(nic.Id);
                MemoryHint.Load(nic.NetworkSecurityGroupId);
                MemoryHint.Load(nic.IpConfigurations);
                break;
            case 2:
                foreach (var configuration in Elements(nic.IpConfigurations))
                {
                    MemoryHint.Load(configuration, lines: 3);
                }

                break;
            default:
                foreach (var configuration in Elements(nic.IpConfigurations))
                {
                    MemoryHint.Load(configuration.Id);
                    MemoryHint.Load(configuration.SubnetId);
                    MemoryHint.Load(configuration.PublicIpAddressId);
                    MemoryHint.Load(configuration.ApplicationSecurityGroupIds);
                }

                break;
        }
    }
}
