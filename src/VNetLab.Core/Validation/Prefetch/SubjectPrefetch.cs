using System.Collections.Immutable;
using VNetLab.Model;

namespace VNetLab.Validation.Prefetch;

/// <summary>
/// Hints the memory system about the subjects a validation pass checks next, so their objects are loading while the
/// current subject is checked. On an estate larger than the last-level cache the pass is bound by reading the model
/// once (docs/performance.md, "Session 8"): every object is a cache miss the rules wait for in turn, because each is
/// found through the one before (an NSG, its rule array, a rule, the rule's prefixes). The hints walk the same chains
/// a few subjects ahead, one level per subject of distance: the subject <see cref="Depth"/> ahead is hinted, the one
/// before it has its arrays hinted (its object arrived meanwhile), and so on, so by the time the pass reaches a
/// subject its whole chain is in the cache. On an estate that fits the cache the hints find their lines there and cost
/// a few instructions per object.
/// </summary>
internal static class SubjectPrefetch
{
    /// <summary>How many subjects ahead the walk starts; also the number of levels of a subject's objects it reaches.</summary>
    public const int Depth = 4;

    /// <summary>Off only in tests that check the hints change no finding.</summary>
    internal static bool Enabled { get; set; } = true;

    /// <summary>Hints the subjects after <paramref name="subjects"/>[<paramref name="at"/>], each at the level its distance gives.</summary>
    public static void Ahead(ImmutableArray<Resource> subjects, int at)
    {
        if (!Enabled)
        {
            return;
        }

        for (var level = 0; level < Depth; level++)
        {
            var ahead = SubjectAt(at, level);
            if (ahead < subjects.Length)
            {
                Hint(subjects[ahead], level);
            }
        }
    }

    /// <summary>
    /// Hints the NICs that follow <paramref name="next"/> in <paramref name="nics"/>, <paramref name="perSubject"/> of
    /// them per level: the NICs of the next VNets when the estate groups its NICs by VNet, as exports and the generator do.
    /// </summary>
    public static void NicsAhead(ImmutableArray<NetworkInterface> nics, int next, int perSubject)
    {
        if (!Enabled || perSubject <= 0)
        {
            return;
        }

        for (var level = 0; level < Depth; level++)
        {
            var (start, count) = NicsAt(next, perSubject, level).GetOffsetAndLength(int.MaxValue);
            for (var i = start; i < Math.Min(start + count, nics.Length); i++)
            {
                Hint(nics[i], level);
            }
        }
    }

    /// <summary>
    /// The subject whose objects of <paramref name="level"/> are hinted while subject <paramref name="at"/> is checked:
    /// a subject gets level 0 <see cref="Depth"/> steps before its turn and each deeper level one step later, so every
    /// level reads only what the level before hinted a whole subject's checking earlier.
    /// </summary>
    internal static int SubjectAt(int at, int level) => at + Depth - level;

    /// <summary>The NICs hinted at <paramref name="level"/>, counted from the next NIC, with the same spacing as <see cref="SubjectAt"/>.</summary>
    internal static Range NicsAt(int next, int perSubject, int level)
    {
        var start = next + ((Depth - 1 - level) * perSubject);
        return start..(start + perSubject);
    }

    // Level 0 is the subject itself, 1 what its fields point at, 2 the elements of its arrays, 3 what those point at:
    // each level reads only objects the level before hinted one subject earlier.
    private static void Hint(Resource subject, int level)
    {
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
                if (level == 0)
                {
                    MemoryHint.Load(subject);
                }

                break;
        }
    }

    // A default array (no model object has one, but records can be made with one) hints nothing rather than throwing.
    private static ReadOnlySpan<T> Elements<T>(ImmutableArray<T> array) => array.IsDefault ? default : array.AsSpan();

    private static void Hint(NetworkSecurityGroup nsg, int level)
    {
        switch (level)
        {
            case 0:
                MemoryHint.Load(nsg, lines: 2);
                break;
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
            case 0:
                MemoryHint.Load(vnet, lines: 2);
                break;
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
            case 0:
                MemoryHint.Load(table, lines: 2);
                break;
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
            case 0:
                MemoryHint.Load(nic, lines: 2);
                break;
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
