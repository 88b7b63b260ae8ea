using VNetLab.Model;
using VNetLab.Security;
using static VNetLab.Core.Tests.Security.SecurityEstate;

namespace VNetLab.Core.Tests.Security;

/// <summary>
/// Seed 001: the "OnlyInternalNetworks" NSG allows RFC 1918 both ways (Inbound-/Outbound-10, -172, -192 at 100,
/// 110, 120) and denies the Internet outbound (NoInternet, 130), so a VM keeps its company and peered VNet
/// traffic but loses the Internet. Here it sits on a DMZ subnet of a spoke peered with a hub.
/// </summary>
public class Seed001OnlyInternalNetworksTests
{
    private const string Seed = "SEED 001 (OnlyInternalNetworks)";
    private const SecurityRuleDirection Out = SecurityRuleDirection.Outbound;
    private const SecurityRuleDirection In = SecurityRuleDirection.Inbound;

    private static readonly NetworkInterfaceSecurity Web = CompileNic("dmzweb01-nic01",
    [
        Vnet("vnet-dmz", "10.210.0.0/16", Subnet("vnet-dmz", "snet-dmz-workload", "10.210.1.0/24", "OnlyInternalNetworks"))
            with { Peerings = [Peering("vnet-dmz", "vnet-hub")] },
        Vnet("vnet-hub", "10.200.0.0/16") with { Peerings = [Peering("vnet-hub", "vnet-dmz")] },
        Nic("dmzweb01-nic01", SubnetId("vnet-dmz", "snet-dmz-workload"), "10.210.1.4"),
        Nsg("OnlyInternalNetworks",
            Inbound("OnlyInternalNetworks", "Inbound-10", 100, SecurityRuleAccess.Allow, source: "10.0.0.0/8"),
            Inbound("OnlyInternalNetworks", "Inbound-172", 110, SecurityRuleAccess.Allow, source: "172.16.0.0/12"),
            Inbound("OnlyInternalNetworks", "Inbound-192", 120, SecurityRuleAccess.Allow, source: "192.168.0.0/16"),
            Outbound("OnlyInternalNetworks", "Outbound-10", 100, SecurityRuleAccess.Allow, destination: "10.0.0.0/8"),
            Outbound("OnlyInternalNetworks", "Outbound-172", 110, SecurityRuleAccess.Allow, destination: "172.16.0.0/12"),
            Outbound("OnlyInternalNetworks", "Outbound-192", 120, SecurityRuleAccess.Allow, destination: "192.168.0.0/16"),

            // The seed's PowerShell spells the tag INTERNET; ARM tags are case-insensitive.
            Outbound("OnlyInternalNetworks", "NoInternet", 130, SecurityRuleAccess.Deny, destination: "INTERNET")),
    ]);

    [Theory]
    [Trait("fact", Seed)]
    [InlineData("13.107.21.200", 443)]
    [InlineData("93.184.216.34", 80)]
    public void An_Internet_destination_is_denied_by_NoInternet(string destination, int port)
    {
        var verdict = Web.Evaluate(Out, Tcp("10.210.1.4", 50000, destination, port));

        Assert.Equal((SecurityRuleAccess.Deny, "securityRules/NoInternet"), (verdict.Access, verdict.RuleName));
    }

    [Theory]
    [Trait("fact", Seed)]
    [InlineData("172.16.5.10", "securityRules/Outbound-172")]
    [InlineData("192.168.20.1", "securityRules/Outbound-192")]
    [InlineData("10.1.2.3", "securityRules/Outbound-10")]
    public void An_on_premises_destination_is_allowed(string destination, string rule)
    {
        var verdict = Web.Evaluate(Out, Tcp("10.210.1.4", 50000, destination, 445));

        Assert.Equal((SecurityRuleAccess.Allow, rule), (verdict.Access, verdict.RuleName));
    }

    [Fact]
    [Trait("fact", Seed)]
    public void The_peered_VNet_is_allowed_both_ways()
    {
        Assert.Equal("securityRules/Outbound-10", Web.Evaluate(Out, Tcp("10.210.1.4", 50000, "10.200.0.10", 3389)).RuleName);
        Assert.Equal("securityRules/Inbound-10", Web.Evaluate(In, Tcp("10.200.0.10", 50000, "10.210.1.4", 3389)).RuleName);
    }

    [Fact]
    [Trait("fact", Seed)]
    public void Nothing_from_the_Internet_gets_in_and_replies_to_internal_flows_still_do()
    {
        Assert.Equal("defaultSecurityRules/DenyAllInBound", Web.Evaluate(In, Tcp("93.184.216.34", 443, "10.210.1.4", 50000)).RuleName);
        Assert.Equal(FlowDecision.ReturnTraffic, Web.EvaluateStateful(In, Tcp("172.16.5.10", 445, "10.210.1.4", 50000)).Decision);
    }

    [Fact]
    [Trait("fact", Seed)]
    public void The_symbolic_outbound_set_keeps_internal_and_platform_traffic_and_drops_the_Internet()
    {
        var allowed = Web.AllowedPackets(Out);

        Assert.True(allowed.Contains(Udp("10.210.1.4", 1, "192.168.0.1", 53)));
        Assert.False(allowed.Contains(Udp("10.210.1.4", 1, "8.8.8.8", 53)));
        Assert.True(allowed.Contains(Udp("10.210.1.4", 1, "168.63.129.16", 53)));
        Assert.True(Web.AllowedPacketsOfInterface(Out).Contains(Udp("10.210.1.4", 1, "192.168.0.1", 53)));
        Assert.False(Web.AllowedPacketsOfInterface(Out).Contains(Udp("10.210.1.5", 1, "192.168.0.1", 53)));
    }
}
