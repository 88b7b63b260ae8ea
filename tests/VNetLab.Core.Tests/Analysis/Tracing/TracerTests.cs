using VNetLab.Analysis.Tracing;
using VNetLab.Model;
using VNetLab.Routing;
using static VNetLab.Core.Tests.Analysis.AnalysisEstate;
using static VNetLab.Core.Tests.Security.SecurityEstate;

namespace VNetLab.Core.Tests.Analysis.Tracing;

/// <summary>One test per disposition (docs/dispositions.md), each on the smallest estate that produces it.</summary>
public sealed class TracerTests
{
    private static readonly ResourceId _web = SubnetId("vnet-a", "web");
    private static readonly ResourceId _app = SubnetId("vnet-a", "app");

    [Fact]
    [Trait("fact", "semantics.md 2.1")]
    public void Delivered_within_a_vnet_names_the_vnetlocal_route_and_both_nsg_verdicts()
    {
        var tracer = TracerFor(
            Vnet("vnet-a", "10.0.0.0/16", Subnet("vnet-a", "web", "10.0.1.0/24"), Subnet("vnet-a", "app", "10.0.2.0/24", nsg: "nsg-app")),
            Nsg("nsg-app", Inbound("nsg-app", "Allow-Web", 100, SecurityRuleAccess.Allow, "Tcp", "10.0.1.0/24", destinationPorts: "443")),
            Nic("web1", _web, "10.0.1.4"), Nic("app1", _app, "10.0.2.4"));

        var trace = TraceFrom(tracer, "web1", Tcp("10.0.1.4", 50000, "10.0.2.4", 443));

        Assert.Equal(FlowDisposition.Delivered, trace.Disposition);
        var lookup = Assert.Single(trace.Steps.OfType<RouteLookupStep>());
        Assert.Equal(NextHopType.VnetLocal, lookup.NextHopType);
        Assert.Equal("System Route", lookup.RouteTableIdText);
        Assert.Equal("10.0.0.0/16", lookup.MatchedPrefix?.ToString());
        var inbound = trace.Steps.OfType<NsgEvaluationStep>().Single(s => s.Direction == SecurityRuleDirection.Inbound);
        Assert.Equal("securityRules/Allow-Web", inbound.RuleName);
        Assert.Equal(["web1", "web", "app1"], trace.Hops.Select(h => h.Name));
        Assert.IsType<DeliveredStep>(trace.Hops[^1].Steps[^1]);
    }

    [Fact]
    [Trait("fact", "semantics.md 4.3")]
    public void DeniedByNsgInbound_when_the_destination_subnet_nsg_denies()
    {
        var tracer = TracerFor(
            Vnet("vnet-a", "10.0.0.0/16", Subnet("vnet-a", "web", "10.0.1.0/24"), Subnet("vnet-a", "app", "10.0.2.0/24", nsg: "nsg-app")),
            Nsg("nsg-app", Inbound("nsg-app", "Deny-Web", 100, SecurityRuleAccess.Deny, "Tcp", "10.0.1.0/24")),
            Nic("web1", _web, "10.0.1.4"), Nic("app1", _app, "10.0.2.4"));

        var trace = TraceFrom(tracer, "web1", Tcp("10.0.1.4", 50000, "10.0.2.4", 443));

        Assert.Equal(FlowDisposition.DeniedByNsgInbound, trace.Disposition);
        Assert.Equal("securityRules/Deny-Web", trace.Steps.OfType<NsgEvaluationStep>().Last().RuleName);
    }

    [Fact]
    [Trait("fact", "semantics.md 4.3")]
    public void DeniedByNsgOutbound_stops_before_any_route_lookup()
    {
        var tracer = TracerFor(
            Vnet("vnet-a", "10.0.0.0/16", Subnet("vnet-a", "web", "10.0.1.0/24")),
            Nsg("nsg-nic", Outbound("nsg-nic", "Deny-Internet", 100, SecurityRuleAccess.Deny, destination: "Internet")),
            Nic("web1", _web, "10.0.1.4", nsg: "nsg-nic"));

        var trace = TraceFrom(tracer, "web1", Tcp("10.0.1.4", 50000, "93.184.216.34", 443));

        Assert.Equal(FlowDisposition.DeniedByNsgOutbound, trace.Disposition);
        Assert.Empty(trace.Steps.OfType<RouteLookupStep>());
        Assert.Equal("securityRules/Deny-Internet", Assert.Single(trace.Steps.OfType<NsgEvaluationStep>()).RuleName);
    }

    [Fact]
    [Trait("fact", "semantics.md 2.1")]
    public void ExitedToInternet_by_the_default_route()
    {
        var tracer = TracerFor(Vnet("vnet-a", "10.0.0.0/16", Subnet("vnet-a", "web", "10.0.1.0/24")), Nic("web1", _web, "10.0.1.4"));

        var trace = TraceFrom(tracer, "web1", Tcp("10.0.1.4", 50000, "93.184.216.34", 443));

        Assert.Equal(FlowDisposition.ExitedToInternet, trace.Disposition);
        Assert.Equal("0.0.0.0/0", trace.Steps.OfType<RouteLookupStep>().Single().MatchedPrefix?.ToString());
        Assert.Equal(HopKind.Internet, trace.LastHop?.Kind);
    }

    [Fact]
    [Trait("fact", "semantics.md 2.1")]
    public void DroppedByNoneRoute_for_rfc1918_space_outside_the_vnet()
    {
        var tracer = TracerFor(Vnet("vnet-a", "10.0.0.0/16", Subnet("vnet-a", "web", "10.0.1.0/24")), Nic("web1", _web, "10.0.1.4"));

        var trace = TraceFrom(tracer, "web1", Tcp("10.0.1.4", 50000, "10.9.0.1", 443));

        Assert.Equal(FlowDisposition.DroppedByNoneRoute, trace.Disposition);
        var lookup = trace.Steps.OfType<RouteLookupStep>().Single();
        Assert.Equal(NextHopType.None, lookup.NextHopType);
        Assert.Equal("10.0.0.0/8", lookup.MatchedPrefix?.ToString());
    }

    [Fact]
    [Trait("fact", "semantics.md 3.12")]
    public void NoIpForwarding_when_a_udr_points_at_a_nic_without_it()
    {
        var tracer = TracerFor(
            Vnet("vnet-a", "10.0.0.0/16", Subnet("vnet-a", "web", "10.0.1.0/24", routeTable: Id("routeTables", "rt-web")), Subnet("vnet-a", "app", "10.0.2.0/24")),
            Table("rt-web", UserRoute("rt-web", "to-nva", "0.0.0.0/0", RouteNextHopType.VirtualAppliance, "10.0.2.4")),
            Nic("web1", _web, "10.0.1.4"), Appliance("nva1", _app, "10.0.2.4", ipForwarding: false));

        var trace = TraceFrom(tracer, "web1", Tcp("10.0.1.4", 50000, "93.184.216.34", 443));

        Assert.Equal(FlowDisposition.NoIpForwarding, trace.Disposition);
        Assert.False(trace.Steps.OfType<IpForwardingStep>().Single().Enabled);
        Assert.Equal("to-nva", trace.Steps.OfType<RouteLookupStep>().First().RouteName);
    }

    [Fact]
    [Trait("fact", "semantics.md 3.12")]
    public void Appliance_with_ip_forwarding_forwards_by_its_own_subnet_routes()
    {
        var tracer = TracerFor(
            Vnet("vnet-a", "10.0.0.0/16", Subnet("vnet-a", "web", "10.0.1.0/24", routeTable: Id("routeTables", "rt-web")), Subnet("vnet-a", "app", "10.0.2.0/24")),
            Table("rt-web", UserRoute("rt-web", "to-nva", "0.0.0.0/0", RouteNextHopType.VirtualAppliance, "10.0.2.4")),
            Nic("web1", _web, "10.0.1.4"), Appliance("nva1", _app, "10.0.2.4"));

        var trace = TraceFrom(tracer, "web1", Tcp("10.0.1.4", 50000, "93.184.216.34", 443));

        Assert.Equal(FlowDisposition.ExitedToInternet, trace.Disposition);
        Assert.Equal([_web, _app], trace.Steps.OfType<RouteLookupStep>().Select(s => s.SubnetId));
        Assert.True(trace.Steps.OfType<IpForwardingStep>().Single().Enabled);
    }

    [Fact]
    [Trait("fact", "semantics.md 3.12")]
    public void Loop_when_two_appliances_route_to_each_other()
    {
        var tracer = TracerFor(
            Vnet("vnet-a", "10.0.0.0/16",
                Subnet("vnet-a", "web", "10.0.1.0/24", routeTable: Id("routeTables", "rt-web")),
                Subnet("vnet-a", "app", "10.0.2.0/24", routeTable: Id("routeTables", "rt-app"))),
            Table("rt-web", UserRoute("rt-web", "to-b", "10.9.0.0/16", RouteNextHopType.VirtualAppliance, "10.0.2.4")),
            Table("rt-app", UserRoute("rt-app", "to-a", "10.9.0.0/16", RouteNextHopType.VirtualAppliance, "10.0.1.5")),
            Nic("web1", _web, "10.0.1.4"), Appliance("nva-b", _app, "10.0.2.4"), Appliance("nva-a", _web, "10.0.1.5"));

        var trace = TraceFrom(tracer, "web1", Tcp("10.0.1.4", 50000, "10.9.0.1", 443));

        Assert.Equal(FlowDisposition.Loop, trace.Disposition);
        Assert.Equal(2, trace.Steps.OfType<IpForwardingStep>().Count());
    }

    [Fact]
    [Trait("fact", "https://learn.microsoft.com/azure/firewall/rule-processing")]
    public void DeniedByFirewall_when_no_network_rule_collection_allows()
    {
        var fwSubnet = SubnetId("vnet-a", "AzureFirewallSubnet");
        var firewall = Firewall("fw1", fwSubnet, "10.0.3.4",
            Collection("fw1", "allow-web", 200, SecurityRuleAccess.Allow, FirewallRule("https", "TCP", "10.0.1.0/24", "*", "443")),
            Collection("fw1", "deny-smb", 100, SecurityRuleAccess.Deny, FirewallRule("smb", "TCP", "*", "*", "445")));
        var publicIp = new PublicIpAddress { Id = Id("publicIPAddresses", "pip-fw1"), IpAddress = VNetLab.Addressing.IpAddress.Parse("20.50.60.70") };
        var tracer = TracerFor(
            Vnet("vnet-a", "10.0.0.0/16", Subnet("vnet-a", "web", "10.0.1.0/24", routeTable: Id("routeTables", "rt-web")), Subnet("vnet-a", "AzureFirewallSubnet", "10.0.3.0/26")),
            Table("rt-web", UserRoute("rt-web", "to-fw", "0.0.0.0/0", RouteNextHopType.VirtualAppliance, "10.0.3.4")),
            firewall with { IpConfigurations = [firewall.IpConfigurations[0] with { PublicIpAddressId = publicIp.Id }] },
            publicIp,
            Nic("web1", _web, "10.0.1.4"));

        var denied = TraceFrom(tracer, "web1", Tcp("10.0.1.4", 50000, "93.184.216.34", 445));
        var unmatched = TraceFrom(tracer, "web1", Tcp("10.0.1.4", 50000, "93.184.216.34", 22));
        var allowed = TraceFrom(tracer, "web1", Tcp("10.0.1.4", 50000, "93.184.216.34", 443));

        Assert.Equal(FlowDisposition.DeniedByFirewall, denied.Disposition);
        Assert.Equal("deny-smb", denied.Steps.OfType<FirewallRuleStep>().Single().RuleCollectionId?.Name);
        Assert.Equal(FlowDisposition.DeniedByFirewall, unmatched.Disposition);
        Assert.Null(unmatched.Steps.OfType<FirewallRuleStep>().Single().RuleCollectionId);
        Assert.Equal(FlowDisposition.ExitedToInternet, allowed.Disposition);
        Assert.Equal("allow-web", allowed.Steps.OfType<FirewallRuleStep>().Single().RuleCollectionId?.Name);
        Assert.Equal("20.50.60.70", allowed.Steps.OfType<ExitStep>().Single().SnatAddress?.ToString());
    }

    [Fact]
    [Trait("fact", "semantics.md 3.8")]
    public void DeniedByPeering_when_forwarded_traffic_is_not_allowed_into_the_spoke()
    {
        var (hubToSpoke2, spoke2ToHub) = PeeringPair("hub", "spoke2", forwardedIntoA: true, forwardedIntoB: true);
        var (hubToSpoke1, spoke1ToHub) = PeeringPair("hub", "spoke1");
        spoke2ToHub = spoke2ToHub with { AllowForwardedTraffic = false };
        var spoke1Subnet = SubnetId("spoke1", "workload");
        var spoke2Subnet = SubnetId("spoke2", "workload");
        var nvaSubnet = SubnetId("hub", "nva");
        var tracer = TracerFor(
            Vnet("hub", "10.0.0.0/16", Subnet("hub", "nva", "10.0.1.0/24")) with { Peerings = [hubToSpoke1, hubToSpoke2] },
            Vnet("spoke1", "10.1.0.0/16", Subnet("spoke1", "workload", "10.1.1.0/24", routeTable: Id("routeTables", "rt-spoke1"))) with { Peerings = [spoke1ToHub] },
            Vnet("spoke2", "10.2.0.0/16", Subnet("spoke2", "workload", "10.2.1.0/24")) with { Peerings = [spoke2ToHub] },
            Table("rt-spoke1", UserRoute("rt-spoke1", "to-spoke2", "10.2.0.0/16", RouteNextHopType.VirtualAppliance, "10.0.1.4")),
            Appliance("nva1", nvaSubnet, "10.0.1.4"), Nic("vm1", spoke1Subnet, "10.1.1.4"), Nic("vm2", spoke2Subnet, "10.2.1.4"));

        var trace = TraceFrom(tracer, "vm1", Tcp("10.1.1.4", 50000, "10.2.1.4", 443));

        Assert.Equal(FlowDisposition.DeniedByPeering, trace.Disposition);
        Assert.Contains(trace.Steps.OfType<DropStep>(), d => d.Cause == spoke2ToHub.Id);
    }

    [Fact]
    [Trait("fact", "semantics.md 3.12")]
    public void Unresolved_with_a_note_when_the_appliance_is_not_in_the_estate()
    {
        var tracer = TracerFor(
            Vnet("vnet-a", "10.0.0.0/16", Subnet("vnet-a", "web", "10.0.1.0/24", routeTable: Id("routeTables", "rt-web")), Subnet("vnet-a", "app", "10.0.2.0/24")),
            Table("rt-web", UserRoute("rt-web", "to-nva", "0.0.0.0/0", RouteNextHopType.VirtualAppliance, "10.0.2.99")),
            Nic("web1", _web, "10.0.1.4"));

        var trace = TraceFrom(tracer, "web1", Tcp("10.0.1.4", 50000, "93.184.216.34", 443));

        Assert.Equal(FlowDisposition.Unresolved, trace.Disposition);
        Assert.Contains(trace.Notes, n => n.Code == "VNL9802" && n.Message.Contains("10.0.2.99", StringComparison.Ordinal));
    }

    [Fact]
    [Trait("fact", "https://learn.microsoft.com/azure/architecture/networking/guide/network-virtual-appliance-high-availability")]
    public void Return_path_that_bypasses_the_appliance_is_reported_as_asymmetric()
    {
        var (hubToSpoke, spokeToHub) = PeeringPair("hub", "spoke");
        var nvaSubnet = SubnetId("hub", "nva");
        var tracer = TracerFor(
            Vnet("hub", "10.0.0.0/16", Subnet("hub", "nva", "10.0.1.0/24"), Subnet("hub", "shared", "10.0.2.0/24")) with { Peerings = [hubToSpoke] },
            Vnet("spoke", "10.1.0.0/16", Subnet("spoke", "workload", "10.1.1.0/24", routeTable: Id("routeTables", "rt-spoke"))) with { Peerings = [spokeToHub] },
            Table("rt-spoke", UserRoute("rt-spoke", "shared-via-nva", "10.0.2.0/24", RouteNextHopType.VirtualAppliance, "10.0.1.4")),
            Appliance("nva1", nvaSubnet, "10.0.1.4"), Nic("vm1", SubnetId("spoke", "workload"), "10.1.1.4"), Nic("shared1", SubnetId("hub", "shared"), "10.0.2.4"));
        var vm1 = tracer.Analysis.Estate.NetworkInterfaces.Single(n => n.Name == "vm1");

        var result = tracer.TraceBothWays(TraceEndpoint.Of(vm1), Tcp("10.1.1.4", 50000, "10.0.2.4", 443));

        Assert.Equal(FlowDisposition.Delivered, result.Forward.Disposition);
        Assert.NotNull(result.Return);
        Assert.Equal(FlowDisposition.Delivered, result.Return.Disposition);
        Assert.Empty(result.Return.Steps.OfType<IpForwardingStep>());
        Assert.Equal("the reply bypasses nva1, which the request crossed", Assert.Single(result.AsymmetryReasons));
        Assert.Equal("VNL8001", Assert.Single(result.Findings).Code);
    }

    [Fact]
    [Trait("fact", "semantics.md 4.4")]
    public void Symmetric_path_has_a_return_trace_allowed_by_state_and_no_finding()
    {
        var tracer = TracerFor(
            Vnet("vnet-a", "10.0.0.0/16", Subnet("vnet-a", "web", "10.0.1.0/24", nsg: "nsg-web"), Subnet("vnet-a", "app", "10.0.2.0/24")),
            Nsg("nsg-web", Inbound("nsg-web", "Deny-All-In", 100, SecurityRuleAccess.Deny)),
            Nic("web1", _web, "10.0.1.4"), Nic("app1", _app, "10.0.2.4"));
        var web1 = tracer.Analysis.Estate.NetworkInterfaces.Single(n => n.Name == "web1");

        var result = tracer.TraceBothWays(TraceEndpoint.Of(web1), Tcp("10.0.1.4", 50000, "10.0.2.4", 443));

        Assert.NotNull(result.Return);
        Assert.Equal(FlowDisposition.Delivered, result.Return.Disposition);
        var replyIn = result.Return.Steps.OfType<NsgEvaluationStep>().Single(s => s.Direction == SecurityRuleDirection.Inbound && s.NetworkSecurityGroupId is not null);
        Assert.Equal("reply to an allowed flow", replyIn.Decision);
        Assert.False(result.IsAsymmetric);
    }
}
