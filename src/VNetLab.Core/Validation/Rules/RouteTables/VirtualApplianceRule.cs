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
internal sealed class VirtualApplianceRule : IValidationRule
{
    public ImmutableArray<DiagnosticDescriptor> Descriptors { get; } =
    [
        DiagnosticCatalog.Descriptors.VirtualApplianceNotReachable,
        DiagnosticCatalog.Descriptors.VirtualApplianceWithoutIpForwarding,
        DiagnosticCatalog.Descriptors.VirtualApplianceInSameSubnet,
    ];

    public ValidationReads Reads { get; } = ValidationReads.EstateWide(typeof(VirtualNetwork), typeof(NetworkInterface), typeof(RouteTable));

    public IEnumerable<Diagnostic> Validate(Estate estate)
    {
        var nicsByIp = estate.NetworkInterfaces
            .SelectMany(n => n.IpConfigurations.Where(c => c.PrivateIpAddress is not null).Select(c => (Ip: c.PrivateIpAddress ?? default, Nic: n, Config: c)))
            .ToLookup(x => x.Ip);

        foreach (var table in estate.RouteTables)
        {
            var subnets = estate.AssociationsOf(table.Id).OfType<Subnet>().ToList();
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

                var appliance = nicsByIp[ip].FirstOrDefault(x => subnets.Any(s => Reachable(estate, s, ip) && SameOrPeered(estate, s, x.Config)));
                if (appliance.Nic is null)
                {
                    continue;
                }

                if (!appliance.Nic.EnableIpForwarding)
                {
                    yield return DiagnosticCatalog.VirtualApplianceWithoutIpForwarding(route, ip, appliance.Nic);
                }

                if (subnets.FirstOrDefault(s => s.Id == appliance.Config.SubnetId) is { } own)
                {
                    yield return DiagnosticCatalog.VirtualApplianceInSameSubnet(route, own, ip);
                }
            }
        }
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
