using VNetLab.Analysis;
using VNetLab.Analysis.Policies;
using VNetLab.Analysis.Tracing;
using VNetLab.Model;
using VNetLab.Security;
using static VNetLab.Core.Tests.Security.SecurityEstate;

namespace VNetLab.Core.Tests.Analysis.Policies;

/// <summary>verify: assertions over all packets, with the counterexample and the routes and rules that decided it.</summary>
public sealed class PolicyCheckerTests
{
    private static readonly ResourceId _web = SubnetId("vnet-a", "web");

    private static NetworkAnalysis Estate(params SecurityRule[] webRules) => NetworkAnalysis.Compile(VNetLab.Model.Estate.Create(
    [
        Vnet("vnet-a", "10.0.0.0/16", Subnet("vnet-a", "web", "10.0.1.0/24", nsg: "nsg-web"), Subnet("vnet-a", "db", "10.0.2.0/24")),
        Nsg("nsg-web", webRules),
        Nic("web1", _web, "10.0.1.4"),
        Nic("db1", SubnetId("vnet-a", "db"), "10.0.2.4"),
    ]));

    private static PolicyAssertion Assertion(EndpointSelector to, ReachabilityExpectation expect, ProtocolSet? protocols = null) => new()
    {
        Name = "web reaches " + to,
        From = new EndpointSelector(SelectorKind.Subnet, "vnet-a/web"),
        To = to,
        Protocols = protocols ?? ProtocolSet.Of(SecurityProtocol.Tcp),
        Expect = expect,
    };

    [Fact]
    [Trait("fact", "semantics.md 4.3")]
    public void A_reachability_assertion_fails_with_the_denied_port_as_counterexample_and_the_deny_rule_as_blocker()
    {
        var analysis = Estate(Outbound("nsg-web", "Deny-SSH-Out", 100, SecurityRuleAccess.Deny, "Tcp", destinationPorts: "22"));

        var result = new PolicyChecker(analysis).Check(Assertion(EndpointSelector.Internet, ReachabilityExpectation.Reachable));

        Assert.False(result.Passed);
        var counterexample = Assert.IsType<Counterexample>(result.Counterexample);
        Assert.Equal(22, counterexample.Class.Representative.DestinationPort);
        Assert.Equal("22", counterexample.Class.DestinationPorts.ToString());
        Assert.Equal(FlowDisposition.DeniedByNsgOutbound, counterexample.Trace.Disposition);
        var blocker = Assert.Single(result.Blockers);
        Assert.Equal("NsgEvaluation", blocker.Kind);
        Assert.Equal(NsgId("nsg-web"), blocker.ResourceId);
        Assert.Contains("securityRules/Deny-SSH-Out", blocker.Description, StringComparison.Ordinal);
        Assert.True(result.ClassesFailed < result.ClassesChecked);
        Assert.Equal("VNL8002", result.Finding?.Code);
    }

    [Fact]
    [Trait("fact", "semantics.md 2.1")]
    public void An_isolation_assertion_fails_with_every_route_and_rule_that_lets_packets_through()
    {
        var analysis = Estate();

        var result = new PolicyChecker(analysis).Check(Assertion(EndpointSelector.Internet, ReachabilityExpectation.Unreachable));

        Assert.False(result.Passed);
        Assert.Equal(result.ClassesChecked, result.ClassesFailed);
        Assert.Contains(result.Blockers, b => b.Kind == "RouteLookup" && b.Description.StartsWith("route 0.0.0.0/0 (Default", StringComparison.Ordinal));
        Assert.Contains(result.Blockers, b => b.Kind == "NsgEvaluation" && b.Description.Contains("defaultSecurityRules/AllowInternetOutBound", StringComparison.Ordinal));
    }

    [Fact]
    [Trait("fact", "semantics.md 4.2")]
    public void Assertions_that_hold_report_the_classes_checked()
    {
        var analysis = Estate(Outbound("nsg-web", "Deny-Internet", 100, SecurityRuleAccess.Deny, destination: "Internet"));
        var checker = new PolicyChecker(analysis);

        var isolated = checker.Check(Assertion(EndpointSelector.Internet, ReachabilityExpectation.Unreachable, ProtocolSet.All));
        var database = checker.Check(Assertion(new EndpointSelector(SelectorKind.NetworkInterface, "db1"), ReachabilityExpectation.Reachable, ProtocolSet.All));

        Assert.True(isolated.Passed, isolated.Reason);
        Assert.True(database.Passed, database.Reason);
        Assert.True(isolated.ClassesChecked > 1);
        Assert.Null(isolated.Counterexample);
    }

    [Fact]
    public void An_assertion_with_no_packet_to_check_fails_instead_of_passing_vacuously()
    {
        var assertion = Assertion(new EndpointSelector(SelectorKind.NetworkInterface, "web1"), ReachabilityExpectation.Reachable);

        var result = new PolicyChecker(Estate()).Check(assertion);

        Assert.False(result.Passed);
        Assert.Equal(0, result.ClassesChecked);
        Assert.Contains("no packet to check", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("fact", "semantics.md 3.8")]
    public void An_external_site_reaches_a_spoke_vnet_over_the_circuit_and_never_over_the_tunnel()
    {
        var checker = new PolicyChecker(Tracing.GatewayTraceTests.HubWithBothEdges().Analysis);

        var result = checker.Check(new PolicyAssertion
        {
            Name = "the company reaches the spoke over ExpressRoute",
            From = new EndpointSelector(SelectorKind.ExternalSite, "company"),
            To = new EndpointSelector(SelectorKind.VirtualNetwork, "spoke"),
            Expect = ReachabilityExpectation.Reachable,
            Via = [new Waypoint(WaypointKind.ExpressRoute, "circuit")],
            NotVia = [new Waypoint(WaypointKind.Tunnel, "*")],
        });

        Assert.True(result.Passed, result.Reason);
        Assert.True(result.ClassesChecked > 0);
    }

    [Fact]
    public void A_selector_that_matches_nothing_fails_instead_of_passing_vacuously()
    {
        var result = new PolicyChecker(Estate()).Check(Assertion(new EndpointSelector(SelectorKind.ExternalSite, "nowhere"), ReachabilityExpectation.Unreachable));

        Assert.False(result.Passed);
        Assert.Contains("matches nothing", result.Reason, StringComparison.Ordinal);
    }
}
