using VNetLab.Diagnostics;
using VNetLab.Routing;
using static VNetLab.Core.Tests.Routing.TestEstate;

namespace VNetLab.Core.Tests.Routing;

/// <summary>
/// The routing engine's fidelity notes (VNL9001–VNL9099): well-formed catalogue entries, quiet when nothing was
/// assumed, and firing where they should (the other routing tests show most of them firing).
/// </summary>
public class RoutingNotesTests
{
    private static IEnumerable<DiagnosticDescriptor> RoutingDescriptors =>
        DiagnosticCatalog.All.Where(d => string.CompareOrdinal(d.Code, "VNL9001") >= 0 && string.CompareOrdinal(d.Code, "VNL9099") <= 0);

    [Fact]
    [Trait("fact", "STYLE.md 6.4 (VNL9xxx are fidelity notes; every descriptor has a fix and a source)")]
    public void Routing_notes_are_info_with_a_fix_and_a_fact()
    {
        Assert.NotEmpty(RoutingDescriptors);
        Assert.All(RoutingDescriptors, d =>
        {
            Assert.Equal(DiagnosticSeverity.Info, d.Severity);
            Assert.Null(d.AzureCode);
            Assert.False(string.IsNullOrWhiteSpace(d.FixTemplate));
            Assert.StartsWith("semantics.md", d.Fact, StringComparison.Ordinal);
        });
    }

    [Fact]
    [Trait("fact", "DESIGN.md (where Azure's behaviour is unknown the twin says so; otherwise it stays quiet)")]
    public void A_fully_described_estate_carries_only_the_platform_route_version_note()
    {
        var routing = new TestEstate()
            .Vnet("hub", "10.0.0.0/16").Subnet("hub", "GatewaySubnet", "10.0.0.0/27").Subnet("hub", "s", "10.0.1.0/24")
            .Vnet("spoke", "10.1.0.0/16").Subnet("spoke", "s", "10.1.0.0/24", "rt")
            .Peer("hub", "spoke", hubAllowsTransit: true, spokeUsesRemoteGateways: true)
            .VpnGateway("vpngw", "hub", publicIp: "20.0.0.1")
            .LocalNetworkGateway("branch", "192.168.10.0/24", bgpPeer: "192.168.10.1", asn: 65020)
            .VpnConnection("to-branch", "vpngw", "branch")
            .Site("branch-site", 65020, "192.168.20.0/24", LocalNetworkGatewayId("branch"))
            .RouteTable("rt", false, Udr("to-nva", "172.30.0.0/16", VNetLab.Model.RouteNextHopType.VirtualAppliance, "10.0.1.4"))
            .Compile();

        Assert.Equal(["VNL9001"], routing.Notes.Select(n => n.Code));
        Assert.All(routing.Subnets, s => Assert.Equal(["VNL9001"], s.Notes.Select(n => n.Code)));
    }

    [Fact]
    [Trait("fact", "semantics.md 1.2 (VNetGlobalPeering needs both regions); VNL9012")]
    public void A_peering_to_a_vnet_without_region_is_listed_as_regional_with_a_note()
    {
        var routing = new TestEstate()
            .Vnet("a", "10.0.0.0/16").Subnet("a", "s", "10.0.0.0/24")
            .Vnet("b", "10.1.0.0/16", location: null).Subnet("b", "s", "10.1.0.0/24")
            .Peer("a", "b")
            .Compile();

        Assert.Contains(routing.EffectiveRoutesOf(SubnetId("a", "s")), r => r.NextHopType == NextHopType.VNetPeering);
        var note = Assert.Single(routing.NotesFor(SubnetId("a", "s")), n => n.Code == "VNL9012");
        Assert.Contains("region of b", note.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("fact", "semantics.md 2.1 (sources describe IPv4 system routes only); VNL9018")]
    public void A_dual_stack_vnet_gets_an_ipv6_default_route_with_a_note()
    {
        var routing = new TestEstate()
            .Vnet("dual", "10.0.0.0/16, fd00:db8::/48").Subnet("dual", "s", "10.0.0.0/24")
            .Compile();

        var routes = routing.EffectiveRoutesOf(SubnetId("dual", "s"));
        Assert.Contains(routes, r => r.NextHopType == NextHopType.VnetLocal && r.AddressPrefixes[0].ToString() == "fd00:db8::/48");
        Assert.Contains(routes, r => r.NextHopType == NextHopType.Internet && r.AddressPrefixes[0].ToString() == "::/0");
        Assert.Contains(routing.NotesFor(SubnetId("dual", "s")), n => n.Code == "VNL9018");
        Assert.True(routing.TryGetNextHop(SubnetId("dual", "s"), VNetLab.Addressing.IpAddress.Parse("fd00:db8::5"), out var hop));
        Assert.Equal(NextHopType.VnetLocal, hop.NextHopType);
    }
}
