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
        var subnets = estate.AssociationsOf(table.Id).OfType<Subnet>().ToList();
        Dictionary<IpAddress, List<NetworkInterfaceIpConfiguration>>? nearby = null;
        foreach (var route in table.Routes.Where(r => r.NextHopType == RouteNextHopType.VirtualAppliance))
        {
            if (route.NextHopIpAddress is not { } ip)
            {
                continue;
            }

            var unreachableFrom = subnets.FirstOrDefault(s => !Reachable(estate, s, ip));
            if (unreachableFrom is not null)
            {
                yield return DiagnosticCatalog.VirtualApplianceNotReachable(route, ip, unreachableFrom);
            }

            nearby ??= NearbyByIp(estate, subnets);
            var config = Candidates(estate, nearby, ip).FirstOrDefault(c => subnets.Any(s => Reachable(estate, s, ip) && SameOrPeered(estate, s, c)));
            if (config is null || estate.Find<NetworkInterface>(config.NetworkInterfaceId) is not { } nic)
            {
                continue;
            }

            if (!nic.EnableIpForwarding)
            {
                yield return DiagnosticCatalog.VirtualApplianceWithoutIpForwarding(route, ip, nic);
            }

            if (subnets.FirstOrDefault(s => s.Id == config.SubnetId) is { } own)
            {
                yield return DiagnosticCatalog.VirtualApplianceInSameSubnet(route, own, ip);
            }
        }
    }

    /// <summary>
    /// The IP configurations with a private IP in the VNets of the table's subnets and their peers: the only
    /// places an appliance the table can use may sit (<see cref="SameOrPeered"/>). Looking there, rather than
    /// indexing every NIC of the estate, keeps one table's check proportional to its neighbourhood.
    /// </summary>
    private static Dictionary<IpAddress, List<NetworkInterfaceIpConfiguration>> NearbyByIp(Estate estate, List<Subnet> subnets)
    {
        var byIp = new Dictionary<IpAddress, List<NetworkInterfaceIpConfiguration>>();
        var vnets = subnets.SelectMany(s => VnetAndPeers(estate, s.VirtualNetworkId)).Select(v => v.Id).Distinct();
        foreach (var config in vnets.SelectMany(v => estate.IpConfigurationsInVirtualNetwork(v)))
        {
            if (config.PrivateIpAddress is { } ip)
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

        if (configs.Select(c => c.SubnetId?.Parent).Distinct().Count() <= 1)
        {
            return configs;
        }

        var held = configs.ToHashSet();
        return estate.NetworkInterfaces.SelectMany(n => n.IpConfigurations).Where(held.Contains);
    }

    /// <summary>True when <paramref name="ip"/> is in the address space of the subnet's VNet or of a VNet peered with it.</summary>
    private static bool Reachable(Estate estate, Subnet subnet, IpAddress ip) =>
        VnetAndPeers(estate, subnet.VirtualNetworkId).Any(v => v.AddressSpace.Any(p => p.Prefix.Contains(ip)));

    private static bool SameOrPeered(Estate estate, Subnet subnet, NetworkInterfaceIpConfiguration config) =>
        config.SubnetId?.Parent is { } applianceVnet && VnetAndPeers(estate, subnet.VirtualNetworkId).Any(v => v.Id == applianceVnet);

    private static IEnumerable<VirtualNetwork> VnetAndPeers(Estate estate, ResourceId vnetId) =>
        new[] { vnetId }.Concat(estate.PeeringsOf(vnetId).Select(p => p.RemoteVirtualNetworkId))
            .Select(estate.Find<VirtualNetwork>)
            .OfType<VirtualNetwork>();
}
