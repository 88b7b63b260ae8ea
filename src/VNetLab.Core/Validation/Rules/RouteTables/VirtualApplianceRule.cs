using System.Collections.Immutable;
using System.Runtime.InteropServices;
using VNetLab.Addressing;
using VNetLab.Diagnostics;
using VNetLab.Model;
using VNetLab.Validation.Facts;

namespace VNetLab.Validation.Rules.RouteTables;

/// <summary>
/// A virtual appliance next hop works only when it is directly reachable (in the subnet's VNet or a VNet
/// peered with it), its NIC forwards (IP forwarding on), and it is not inside the subnet that routes through
/// it (constraints.md 6.3, 6.14; semantics.md 3.12). Azure accepts all three; they fail at run time.
/// </summary>
internal sealed class VirtualApplianceRule : ScopedValidationRule<RouteTable>
{
    public override ImmutableArray<DiagnosticDescriptor> Descriptors { get; } =
    [
        DiagnosticCatalog.Descriptors.VirtualApplianceNotReachable,
        DiagnosticCatalog.Descriptors.VirtualApplianceWithoutIpForwarding,
        DiagnosticCatalog.Descriptors.VirtualApplianceInSameSubnet,
    ];

    public override ValidationReads Reads { get; } = ValidationReads.Around<RouteTable>(1, typeof(NetworkInterface));

    protected override IEnumerable<Diagnostic> Validate(ValidationPass pass, RouteTable table)
    {
        var estate = pass.Estate;

        // The tables, sets and lists below are the pass's, cleared per table: made per table, they were most of what
        // validation allocated at scale (a route table per spoke, and most name an appliance).
        var buffers = pass.Scratch(this, static () => new Buffers());
        buffers.Clear();

        // The appliance addresses the table's routes name: most tables name one (a hub firewall), many none.
        var named = buffers.Named;
        foreach (var route in table.Routes)
        {
            if (route.NextHopType == RouteNextHopType.VirtualAppliance && route.NextHopIpAddress is { } namedIp)
            {
                named.Add(namedIp);
            }
        }

        if (named.Count == 0)
        {
            return [];
        }

        var subnets = buffers.Subnets;
        foreach (var associated in estate.AssociationsOf(table.Id))
        {
            if (associated is Subnet subnet)
            {
                subnets.Add(subnet);
            }
        }

        // Each subnet's VNet and peers, found once per table rather than per route and per question.
        foreach (var subnet in subnets)
        {
            AddVnetAndPeers(estate, subnet.VirtualNetworkId, buffers.Neighbours);
            buffers.NeighbourhoodEnds.Add(buffers.Neighbours.Count);
        }

        var nearbyFound = false;
        List<Diagnostic>? findings = null;

        // Most of a table's appliance routes name one firewall: what an IP answers is worked out once per table.
        var byIp = buffers.ByIp;
        foreach (var route in table.Routes)
        {
            if (route.NextHopType != RouteNextHopType.VirtualAppliance || route.NextHopIpAddress is not { } ip)
            {
                continue;
            }

            if (!byIp.TryGetValue(ip, out var appliance))
            {
                if (!nearbyFound)
                {
                    NearbyByIp(estate, buffers);
                    nearbyFound = true;
                }

                appliance = Find(estate, buffers, ip);
                byIp[ip] = appliance;
            }

            if (appliance.UnreachableFrom is { } unreachableFrom)
            {
                Findings.Add(ref findings, DiagnosticCatalog.VirtualApplianceNotReachable(route, ip, unreachableFrom));
            }

            if (appliance.NetworkInterface is not { } nic)
            {
                continue;
            }

            if (!nic.EnableIpForwarding)
            {
                Findings.Add(ref findings, DiagnosticCatalog.VirtualApplianceWithoutIpForwarding(route, ip, nic));
            }

            if (appliance.OwnSubnet is { } own)
            {
                Findings.Add(ref findings, DiagnosticCatalog.VirtualApplianceInSameSubnet(route, own, ip));
            }
        }

        return Findings.OrNone(findings);
    }

    /// <summary>
    /// The first subnet of the table that cannot reach <paramref name="ip"/>, and the appliance NIC holding it that one
    /// of the subnets reaches directly, with the table's subnet it sits in.
    /// </summary>
    private static VirtualApplianceNextHop Find(Estate estate, Buffers buffers, IpAddress ip)
    {
        var subnets = buffers.Subnets;
        var reachable = buffers.Reachable;
        reachable.Clear();
        var unreachable = -1;
        for (var i = 0; i < subnets.Count; i++)
        {
            reachable.Add(Reachable(buffers.Neighbourhood(i), ip));
            if (!reachable[i] && unreachable < 0)
            {
                unreachable = i;
            }
        }

        NetworkInterfaceIpConfiguration? config = null;
        foreach (var candidate in Candidates(estate, buffers.Nearby, ip))
        {
            if (ReachedDirectly(buffers, candidate))
            {
                config = candidate;
                break;
            }
        }

        var unreachableFrom = unreachable < 0 ? null : subnets[unreachable];
        if (config is null || estate.Find<NetworkInterface>(config.NetworkInterfaceId) is not { } nic)
        {
            return new VirtualApplianceNextHop(unreachableFrom, null, null);
        }

        Subnet? own = null;
        foreach (var subnet in subnets)
        {
            if (subnet.Id == config.SubnetId)
            {
                own = subnet;
                break;
            }
        }

        return new VirtualApplianceNextHop(unreachableFrom, nic, own);
    }

    /// <summary>True when a subnet that reaches the appliance's address has <paramref name="config"/> in its VNet or a peer.</summary>
    private static bool ReachedDirectly(Buffers buffers, NetworkInterfaceIpConfiguration config)
    {
        for (var i = 0; i < buffers.Subnets.Count; i++)
        {
            if (buffers.Reachable[i] && SameOrPeered(buffers.Neighbourhood(i), config))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The IP configurations holding one of the named addresses in the VNets of the table's subnets and their peers:
    /// the only places an appliance the table can use may sit (<see cref="SameOrPeered"/>). Looking there, rather than
    /// indexing every NIC of the estate, keeps one table's check proportional to its neighbourhood; keeping only the
    /// addresses the routes name, rather than every configuration there (a spoke's NICs and its hub's), was most of
    /// what validation allocated at scale.
    /// </summary>
    private static void NearbyByIp(Estate estate, Buffers buffers)
    {
        foreach (var vnet in buffers.Neighbours)
        {
            // A VNet whose address space holds none of the named addresses has no configuration holding one, except a
            // configuration outside its subnets, which Azure rejects (VNL1007, VNL1008) and which is no appliance: not reading
            // those VNets' configurations (each spoke's own, for its table naming the hub's firewall) spares reading,
            // at scale, a spoke's NICs again long after the pass read them.
            if (!buffers.NearbyVnets.Add(vnet.Id) || !HoldsANamedAddress(vnet, buffers.Named))
            {
                continue;
            }

            foreach (var config in estate.IpConfigurationsInVirtualNetwork(vnet.Id))
            {
                if (config.PrivateIpAddress is { } ip && buffers.Named.Contains(ip))
                {
                    if (!buffers.Nearby.TryGetValue(ip, out var list))
                    {
                        list = [];
                        buffers.Nearby[ip] = list;
                    }

                    list.Add(config);
                }
            }
        }
    }

    private static bool HoldsANamedAddress(VirtualNetwork vnet, HashSet<IpAddress> named)
    {
        foreach (var ip in named)
        {
            if (AddressFacts.Holds(vnet.AddressSpace, ip))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The nearby configurations holding <paramref name="ip"/> in the estate's order of NICs, which picks the same
    /// appliance as a walk over every NIC. One VNet's configurations are already in that order; when several VNets
    /// hold the IP (overlapping peers, itself an error) the estate's order is taken from a walk over every NIC.
    /// </summary>
    private static IEnumerable<NetworkInterfaceIpConfiguration> Candidates(Estate estate, Dictionary<IpAddress, List<NetworkInterfaceIpConfiguration>> nearby, IpAddress ip)
    {
        if (!nearby.TryGetValue(ip, out var configs))
        {
            return [];
        }

        if (AllInOneVnet(configs))
        {
            return configs;
        }

        var held = configs.ToHashSet();
        return estate.NetworkInterfaces.SelectMany(n => n.IpConfigurations).Where(held.Contains);
    }

    private static bool AllInOneVnet(List<NetworkInterfaceIpConfiguration> configs)
    {
        foreach (var config in configs)
        {
            if (!SameVnet(config.SubnetId, configs[0].SubnetId))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when <paramref name="ip"/> is in the address space of a subnet's VNet or of a VNet peered with it.</summary>
    private static bool Reachable(ReadOnlySpan<VirtualNetwork> vnetAndPeers, IpAddress ip)
    {
        foreach (var vnet in vnetAndPeers)
        {
            if (AddressFacts.Holds(vnet.AddressSpace, ip))
            {
                return true;
            }
        }

        return false;
    }

    private static bool SameOrPeered(ReadOnlySpan<VirtualNetwork> vnetAndPeers, NetworkInterfaceIpConfiguration config)
    {
        if (config.SubnetId is not { } subnetId)
        {
            return false;
        }

        foreach (var vnet in vnetAndPeers)
        {
            if (subnetId.IsChildOf(vnet.Id))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when both subnet ids have one VNet (<c>a?.Parent == b?.Parent</c>, none counting as one).</summary>
    private static bool SameVnet(ResourceId? a, ResourceId? b) =>
        a is { IsChild: true } && b is { IsChild: true } ? a.HasSameParentAs(b) : a is not { IsChild: true } && b is not { IsChild: true };

    /// <summary>Appends the VNet <paramref name="vnetId"/> and the VNets its peerings name, those the estate holds.</summary>
    private static void AddVnetAndPeers(Estate estate, ResourceId vnetId, List<VirtualNetwork> into)
    {
        if (estate.Find<VirtualNetwork>(vnetId) is { } vnet)
        {
            into.Add(vnet);
        }

        foreach (var peering in estate.PeeringsOf(vnetId))
        {
            if (estate.Find<VirtualNetwork>(peering.RemoteVirtualNetworkId) is { } peer)
            {
                into.Add(peer);
            }
        }
    }

    /// <summary>One table's working sets, kept by the pass and cleared per table.</summary>
    private sealed class Buffers
    {
        public HashSet<IpAddress> Named { get; } = [];

        public List<Subnet> Subnets { get; } = [];

        /// <summary>Every subnet's VNet and peers, one after the other; subnet i's end at <see cref="NeighbourhoodEnds"/>[i].</summary>
        public List<VirtualNetwork> Neighbours { get; } = [];

        public List<int> NeighbourhoodEnds { get; } = [];

        public HashSet<ResourceId> NearbyVnets { get; } = [];

        public Dictionary<IpAddress, List<NetworkInterfaceIpConfiguration>> Nearby { get; } = [];

        public Dictionary<IpAddress, VirtualApplianceNextHop> ByIp { get; } = [];

        public List<bool> Reachable { get; } = [];

        /// <summary>Subnet <paramref name="i"/>'s VNet and peers.</summary>
        public ReadOnlySpan<VirtualNetwork> Neighbourhood(int i)
        {
            var start = i == 0 ? 0 : NeighbourhoodEnds[i - 1];
            return CollectionsMarshal.AsSpan(Neighbours)[start..NeighbourhoodEnds[i]];
        }

        public void Clear()
        {
            Named.Clear();
            Subnets.Clear();
            Neighbours.Clear();
            NeighbourhoodEnds.Clear();
            NearbyVnets.Clear();
            Nearby.Clear();
            ByIp.Clear();
            Reachable.Clear();
        }
    }
}
