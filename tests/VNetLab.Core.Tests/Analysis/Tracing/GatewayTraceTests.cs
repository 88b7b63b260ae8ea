using VNetLab.Analysis;
using VNetLab.Analysis.Tracing;
using VNetLab.Security;
using static VNetLab.Core.Tests.Routing.TestEstate;

namespace VNetLab.Core.Tests.Analysis.Tracing;

/// <summary>ExitedToExternalSite over a tunnel and over a circuit, from a spoke through its hub's gateways, and back.</summary>
public sealed class GatewayTraceTests
{
    /// <summary>Seed 000 in small: a hub with an ExpressRoute gateway to the company and a VPN gateway to the proxy supplier.</summary>
    internal static Tracer HubWithBothEdges() => new(NetworkAnalysis.Compile(new VNetLab.Core.Tests.Routing.TestEstate()
        .Vnet("hub", "10.100.0.0/16").Subnet("hub", "GatewaySubnet", "10.100.0.0/27")
        .Vnet("spoke", "10.120.0.0/16").Subnet("spoke", "workload", "10.120.1.0/24")
        .Peer("hub", "spoke", hubAllowsTransit: true, spokeUsesRemoteGateways: true)
        .ExpressRouteGateway("ergw", "hub").Circuit("circuit").ExpressRouteConnection("er-conn", "ergw", "circuit")
        .Site("company", 65010, "10.0.0.0/12", PrivatePeeringId("circuit"))
        .VpnGateway("vpngw", "hub", publicIp: "20.103.17.86")
        .LocalNetworkGateway("lng-proxy", bgpPeer: "172.31.254.1", asn: 64512)
        .VpnConnection("to-proxy", "vpngw", "lng-proxy")
        .Site("proxy", 64512, "0.0.0.0/1, 128.0.0.0/1", LocalNetworkGatewayId("lng-proxy"))
        .Nic("vm1", "spoke", "workload", "10.120.1.4")
        .Build()));

    private static Packet Tcp(string destination) =>
        Packet.Create(SecurityProtocol.Tcp, VNetLab.Addressing.IpAddress.Parse("10.120.1.4"), 50000, VNetLab.Addressing.IpAddress.Parse(destination), 443);

    private static TraceEndpoint Vm1(Tracer tracer) => TraceEndpoint.Of(tracer.Analysis.Estate.NetworkInterfaces.Single());

    [Fact]
    [Trait("fact", "semantics.md 3.8")]
    public void Internet_traffic_exits_through_the_hubs_tunnel_to_the_proxy_site()
    {
        var tracer = HubWithBothEdges();

        var trace = tracer.Trace(Vm1(tracer), Tcp("93.184.216.34"));

        Assert.Equal(FlowDisposition.ExitedToExternalSite, trace.Disposition);
        Assert.Equal(["vm1", "workload", "vpngw", "proxy"], trace.Hops.Select(h => h.Name));
        Assert.Equal("0.0.0.0/1", trace.Steps.OfType<RouteLookupStep>().Single().MatchedPrefix?.ToString());
        Assert.Equal(ConnectionId("to-proxy"), trace.Steps.OfType<TunnelStep>().Single().ConnectionId);
        Assert.Equal(SiteId("proxy"), trace.Steps.OfType<ExitStep>().Single().ExternalSiteId);
    }

    [Fact]
    [Trait("fact", "semantics.md 3.9")]
    public void Company_traffic_crosses_the_circuit_and_the_reply_comes_back_the_same_way()
    {
        var tracer = HubWithBothEdges();

        var result = tracer.TraceBothWays(Vm1(tracer), Tcp("10.1.2.3"));

        Assert.Equal(FlowDisposition.ExitedToExternalSite, result.Forward.Disposition);
        var circuit = result.Forward.Steps.OfType<ExpressRouteCircuitStep>().Single();
        Assert.Equal(CircuitId("circuit"), circuit.CircuitId);
        Assert.Equal(["vm1", "workload", "ergw", "company"], result.Forward.Hops.Select(h => h.Name));
        Assert.NotNull(result.Return);
        Assert.Equal(FlowDisposition.Delivered, result.Return.Disposition);
        Assert.Equal(["company", "ergw", "GatewaySubnet", "vm1"], result.Return.Hops.Select(h => h.Name));
        Assert.False(result.IsAsymmetric, string.Join("; ", result.AsymmetryReasons));
    }
}
