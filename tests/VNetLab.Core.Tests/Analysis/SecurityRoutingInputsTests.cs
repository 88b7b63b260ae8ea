using VNetLab.Addressing;
using VNetLab.Analysis;
using VNetLab.Core.Tests.Routing;
using VNetLab.Model;
using VNetLab.Routing;
using VNetLab.Security;

namespace VNetLab.Core.Tests.Analysis;

/// <summary>The routing result the security engine needs: gateway-learned prefixes per VNet, for the VirtualNetwork tag.</summary>
public class SecurityRoutingInputsTests
{
    // A hub with a static VPN to a branch, a spoke using the hub's gateway with one isolated subnet, and a VNet on its own.
    private static Estate Build() => new TestEstate()
        .Vnet("hub", "10.100.0.0/16")
        .Subnet("hub", "GatewaySubnet", "10.100.0.0/27")
        .Subnet("hub", "workload", "10.100.1.0/24")
        .Vnet("spoke", "10.1.0.0/16")
        .Subnet("spoke", "app", "10.1.1.0/24")
        .Subnet("spoke", "isolated", "10.1.2.0/24", routeTable: "no-propagation")
        .RouteTable("no-propagation", disableBgpRoutePropagation: true)
        .Vnet("alone", "10.9.0.0/16")
        .Subnet("alone", "s", "10.9.1.0/24")
        .Peer("hub", "spoke", hubAllowsTransit: true, spokeUsesRemoteGateways: true)
        .VpnGateway("vpngw", "hub", publicIp: "20.103.17.86", enableBgp: false)
        .LocalNetworkGateway("branch", "192.168.10.0/24, 192.168.20.0/24")
        .VpnConnection("to-branch", "vpngw", "branch", enableBgp: false)
        .Nic("app-nic", "spoke", "app", "10.1.1.4")
        .Nic("isolated-nic", "spoke", "isolated", "10.1.2.4")
        .Build();

    [Fact]
    [Trait("fact", "semantics.md 4.5 (VirtualNetwork includes all connected on-premises address spaces)")]
    public void Every_VNet_gets_the_prefixes_its_gateway_installs_and_a_VNet_without_a_gateway_gets_none()
    {
        var prefixes = SecurityRoutingInputs.GatewayPrefixes(RoutingCompiler.Compile(Build()));

        Assert.Equal(["192.168.10.0/24", "192.168.20.0/24"], prefixes[TestEstate.VnetId("hub")].Select(p => p.ToString()));
        Assert.Equal(["192.168.10.0/24", "192.168.20.0/24"], prefixes[TestEstate.VnetId("spoke")].Select(p => p.ToString()));
        Assert.Empty(prefixes[TestEstate.VnetId("alone")]);
    }

    [Fact]
    [Trait("fact", "semantics.md 4.5")]
    public void With_the_routing_result_the_tag_holds_the_branch_except_where_propagation_is_off_and_no_note_is_raised()
    {
        var estate = Build();
        var options = SecurityRoutingInputs.WithRouting(SecurityOptions.Default, RoutingCompiler.Compile(estate));
        var security = SecurityCompiler.Compile(estate, options);
        var app = security.For(estate.NetworkInterfaces.Single(n => n.Name == "app-nic"));
        var isolated = security.For(estate.NetworkInterfaces.Single(n => n.Name == "isolated-nic"));

        Assert.True(app.VirtualNetworkTag.Addresses.Contains(IpAddress.Parse("192.168.10.5")));
        Assert.False(isolated.VirtualNetworkTag.Addresses.Contains(IpAddress.Parse("192.168.10.5")));
        Assert.DoesNotContain(app.VirtualNetworkTag.Notes, n => n.Code == "VNL9104");
        Assert.Contains(SecurityCompiler.Compile(estate).For(estate.NetworkInterfaces.Single(n => n.Name == "app-nic")).VirtualNetworkTag.Notes,
            n => n.Code == "VNL9104");
    }
}
