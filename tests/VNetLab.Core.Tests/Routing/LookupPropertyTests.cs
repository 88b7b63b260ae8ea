using FsCheck;
using FsCheck.Fluent;
using VNetLab.Addressing;
using VNetLab.Core.Tests.Addressing;
using VNetLab.Model;
using VNetLab.Routing;
using static VNetLab.Core.Tests.Routing.TestEstate;

namespace VNetLab.Core.Tests.Routing;

/// <summary>
/// The compiled two-layer lookup (subnet routes + shared, per-VNet-filtered gateway routes) must give the same
/// answer as a brute-force longest prefix match over the effective route list Azure would print (semantics.md 3.1,
/// 3.2): the longest Active prefix, a User or service endpoint route before a gateway route before a system route.
/// </summary>
public class LookupPropertyTests
{
    private static readonly IpAddress[] Bases =
    [
        IpAddress.Parse("10.100.0.0"), IpAddress.Parse("10.101.7.0"), IpAddress.Parse("10.0.0.0"), IpAddress.Parse("0.0.0.0"),
        IpAddress.Parse("128.0.0.0"), IpAddress.Parse("192.168.4.0"), IpAddress.Parse("172.16.0.0"), IpAddress.Parse("100.64.0.0"),
        IpAddress.Parse("8.8.8.0"),
    ];

    private static readonly Gen<IpPrefix> PrefixGen =
        Gen.Elements(Bases).Zip(Gen.Choose(0, 32), static (address, length) => IpPrefix.Create(address, length));

    private static readonly Gen<IpAddress> ProbeGen =
        Gen.Elements(Bases).Zip(Gen.Choose(0, 31), static (address, bit) => IpAddress.FromV4(address.V4Value ^ (1u << bit)));

    private static readonly Gen<RouteNextHopType> NextHopGen = Gen.Elements(
        RouteNextHopType.VirtualAppliance, RouteNextHopType.None, RouteNextHopType.Internet,
        RouteNextHopType.VnetLocal, RouteNextHopType.VirtualNetworkGateway);

    private sealed record Scenario(IpPrefix[] Advertised, (IpPrefix Prefix, RouteNextHopType Type)[] Udrs, bool DisablePropagation, IpAddress[] Probes)
    {
        public override string ToString() =>
            $"advertised [{string.Join(", ", Advertised)}] udrs [{string.Join(", ", Udrs.Select(u => u.Prefix + "->" + u.Type))}] "
            + $"propagation {(DisablePropagation ? "off" : "on")} probes [{string.Join(", ", Probes)}]";
    }

    private static readonly Gen<Scenario> ScenarioGen =
        from advertised in AddressingGenerators.ArrayOfUpTo(PrefixGen, 12)
        from udrs in AddressingGenerators.ArrayOfUpTo(PrefixGen.Zip(NextHopGen), 8)
        from disable in Gen.Elements(false, false, true)
        from probes in Gen.ArrayOf(ProbeGen, 24)
        select new Scenario(advertised, udrs, disable, probes);

    [Fact]
    [Trait("fact", "semantics.md 3.1, 3.2 (longest prefix match over Active routes; User > BGP > System)")]
    public void Compiled_lookup_agrees_with_brute_force_longest_prefix_match() =>
        PropertyCheck.Holds(ScenarioGen, static scenario =>
        {
            var routing = Build(scenario);
            foreach (var subnet in new[] { SubnetId("spoke", "app"), SubnetId("hub", "workload"), SubnetId("spoke", "plain") })
            {
                var routes = routing.EffectiveRoutesOf(subnet);
                foreach (var probe in scenario.Probes)
                {
                    Assert.True(routing.TryGetNextHop(subnet, probe, out var hop));
                    var expected = BruteForce(routes, probe);
                    if (expected is null)
                    {
                        Assert.Null(hop.Route);
                        continue;
                    }

                    Assert.True(hop.Route is not null && hop.MatchedPrefix == expected.Value.Prefix
                            && RouteRow.Of(hop.Route) == RouteRow.Of(expected.Value.Route),
                        $"{subnet.Name} → {probe}: compiled {hop.MatchedPrefix} {hop.Route}, brute force {expected.Value.Prefix} {expected.Value.Route}\n{scenario}");
                }
            }

            return true;
        }, runs: 150);

    private static (IpPrefix Prefix, EffectiveRoute Route)? BruteForce(IEnumerable<EffectiveRoute> routes, IpAddress destination) =>
        routes.Where(r => r.IsActive)
            .SelectMany(r => r.AddressPrefixes.Where(p => p.Contains(destination)).Select(p => (Prefix: p, Route: r)))
            .OrderByDescending(m => m.Prefix.Length)
            .ThenBy(m => Precedence(m.Route))
            .Select(m => ((IpPrefix, EffectiveRoute)?)m)
            .FirstOrDefault();

    private static int Precedence(EffectiveRoute route) => route switch
    {
        { NextHopType: NextHopType.VirtualNetworkServiceEndpoint } => 0,
        { Source: EffectiveRouteSource.User } => 1,
        { Source: EffectiveRouteSource.VirtualNetworkGateway } => 2,
        _ => 3,
    };

    /// <summary>A hub with a BGP VPN gateway learning the advertised prefixes, a transit spoke with the UDRs, and a second hub peer.</summary>
    private static CompiledRouting Build(Scenario scenario) => new TestEstate()
        .Vnet("hub", "10.100.0.0/16")
        .Subnet("hub", "GatewaySubnet", "10.100.0.0/27")
        .Subnet("hub", "workload", "10.100.1.0/24")
        .Vnet("spoke", "10.101.0.0/16")
        .Subnet("spoke", "app", "10.101.7.0/24", "rt")
        .Subnet("spoke", "plain", "10.101.8.0/24")
        .Vnet("other", "192.168.4.0/24")
        .Subnet("other", "s", "192.168.4.0/24")
        .Peer("hub", "spoke", hubAllowsTransit: true, spokeUsesRemoteGateways: true)
        .Peer("hub", "other")
        .VpnGateway("vpngw", "hub", activeActive: true, publicIp: null, instanceAddresses: "10.100.0.4,10.100.0.5")
        .LocalNetworkGateway("lng", bgpPeer: "172.31.254.1", asn: 64512)
        .VpnConnection("conn", "vpngw", "lng")
        .Site("site", 64512, string.Join(',', scenario.Advertised.Select(p => p.ToString())), LocalNetworkGatewayId("lng"))
        .RouteTable("rt", scenario.DisablePropagation,
            [.. scenario.Udrs.Select((u, i) => Udr("r" + i, u.Prefix.ToString(), u.Type, u.Type == RouteNextHopType.VirtualAppliance ? "10.100.1.4" : null))])
        .Compile();
}
