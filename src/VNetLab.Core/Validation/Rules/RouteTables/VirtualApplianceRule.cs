using System.Collections.Immutable;
using VNetLab.Addressing;
using VNetLab.Diagnostics;
using VNetLab.Model;

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

    protected override IEnumerable<Diagnostic> Validate(Estate estate, RouteTable table)
    {
        // The appliance addresses the table's routes name: most tables name one (a hub firewall), many none.
        HashSet<IpAddress>? named = null;
        foreach (var route in table.Routes)
        {
            if (route.NextHopType == RouteNextHopType.VirtualAppliance && route.NextHopIpAddress is { } namedIp)
            {
                (named ??= []).Add(namedIp);
            }
        }

        if (named is null)
        {
            yield break;
        }

        var subnets = estate.AssociationsOf(table.Id).OfType<Subnet>().ToList();

        // Each subnet's VNet and peers, found once per table rather than per route and per question.
        var neighbourhoods = subnets.Select(s => VnetAndPeers(estate, s.VirtualNetworkId).ToList()).ToList();
        Dictionary<IpAddress, List<NetworkInterfaceIpConfiguration>>? nearby = null;

        // Most of a table's appliance routes name one firewall: what an IP answers is worked out once per table.
        var byIp = new Dictionary<IpAddress, VirtualApplianceNextHop>();
        foreach (var route in table.Routes)
        {
            if (route.NextHopType != RouteNextHopType.VirtualAppliance || route.NextHopIpAddress is not { } ip)
            {
                continue;
            }

            if (!byIp.TryGetValue(ip, out var appliance))
            {
                nearby ??= NearbyByIp(estate, subnets, named);
                appliance = Find(estate, subnets, neighbourhoods, nearby, ip);
                byIp[ip] = appliance;
            }

            if (appliance.UnreachableFrom is { } unreachableFrom)
            {
                yield return DiagnosticCatalog.VirtualApplianceNotReachable(route, ip, unreachableFrom);
            }

            if (appliance.NetworkInterface is not { } nic)
            {
                continue;
            }

            if (!nic.EnableIpForwarding)
            {
                yield return DiagnosticCatalog.VirtualApplianceWithoutIpForwarding(route, ip, nic);
            }

            if (appliance.OwnSubnet is { } own)
            {
                yield return DiagnosticCatalog.VirtualApplianceInSameSubnet(route, own, ip);
            }
        }
    }

    /// <summary>
    /// The first subnet of the table that cannot reach <paramref name="ip"/>, and the appliance NIC holding it that one
    /// of the subnets reaches directly, with the table's subnet it sits in.
    /// </summary>
    private static VirtualApplianceNextHop Find(Estate estate, List<Subnet> subnets, List<List<VirtualNetwork>> neighbourhoods,
        Dictionary<IpAddress, List<NetworkInterfaceIpConfiguration>> nearby, IpAddress ip)
    {
        var reachable = neighbourhoods.Select(n => Reachable(n, ip)).ToList();
        var unreachable = reachable.IndexOf(false);
        var config = Candidates(estate, nearby, ip)
            .FirstOrDefault(c => neighbourhoods.Where((n, i) => reachable[i] && SameOrPeered(n, c)).Any());
        if (config is null || estate.Find<NetworkInterface>(config.NetworkInterfaceId) is not { } nic)
        {
            return new VirtualApplianceNextHop(unreachable < 0 ? null : subnets[unreachable], null, null);
        }

        return new VirtualApplianceNextHop(unreachable < 0 ? null : subnets[unreachable], nic, subnets.FirstOrDefault(s => s.Id == config.SubnetId));
    }

    /// <summary>
    /// The IP configurations holding one of the <paramref name="named"/> addresses in the VNets of the table's
    /// subnets and their peers: the only places an appliance the table can use may sit (<see cref="SameOrPeered"/>).
    /// Looking there, rather than indexing every NIC of the estate, keeps one table's check proportional to its
    /// neighbourhood; keeping only the addresses the routes name, rather than every configuration there (a spoke's
    /// NICs and its hub's), was most of what validation allocated at scale.
    /// </summary>
    private static Dictionary<IpAddress, List<NetworkInterfaceIpConfiguration>> NearbyByIp(Estate estate, List<Subnet> subnets,
        HashSet<IpAddress> named)
    {
        var byIp = new Dictionary<IpAddress, List<NetworkInterfaceIpConfiguration>>();
        var vnets = subnets.SelectMany(s => VnetAndPeers(estate, s.VirtualNetworkId)).Select(v => v.Id).Distinct();
        foreach (var config in vnets.SelectMany(v => estate.IpConfigurationsInVirtualNetwork(v)))
        {
            if (config.PrivateIpAddress is { } ip && named.Contains(ip))
            {
                if (!byIp.TryGetValue(ip, out var list))
                {
                    list = [];
                    byIp[ip] = list;
                }

                list.Add(config);
            }
        }

        return byIp;
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

        if (configs.TrueForAll(c => SameVnet(c.SubnetId, configs[0].SubnetId)))
        {
            return configs;
        }

        var held = configs.ToHashSet();
        return estate.NetworkInterfaces.SelectMany(n => n.IpConfigurations).Where(held.Contains);
    }

    /// <summary>True when <paramref name="ip"/> is in the address space of a subnet's VNet or of a VNet peered with it.</summary>
    private static bool Reachable(List<VirtualNetwork> vnetAndPeers, IpAddress ip) =>
        vnetAndPeers.Exists(v => v.AddressSpace.Any(p => p.Prefix.Contains(ip)));

    private static bool SameOrPeered(List<VirtualNetwork> vnetAndPeers, NetworkInterfaceIpConfiguration config) =>
        config.SubnetId is { } subnetId && vnetAndPeers.Exists(v => subnetId.IsChildOf(v.Id));

    /// <summary>True when both subnet ids have one VNet (<c>a?.Parent == b?.Parent</c>, none counting as one).</summary>
    private static bool SameVnet(ResourceId? a, ResourceId? b) =>
        a is { IsChild: true } && b is { IsChild: true } ? a.HasSameParentAs(b) : a is not { IsChild: true } && b is not { IsChild: true };

    private static IEnumerable<VirtualNetwork> VnetAndPeers(Estate estate, ResourceId vnetId) =>
        new[] { vnetId }.Concat(estate.PeeringsOf(vnetId).Select(p => p.RemoteVirtualNetworkId))
            .Select(estate.Find<VirtualNetwork>)
            .OfType<VirtualNetwork>();
}
