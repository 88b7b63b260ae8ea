using VNetLab.Addressing;
using VNetLab.Model;
using VNetLab.Security;
using static VNetLab.Core.Tests.Security.SecurityEstate;

namespace VNetLab.Core.Tests.Security;

/// <summary>Evaluation of one packet at one NIC: rule order, rule conditions, the two NSG levels, statefulness, platform traffic.</summary>
public class NsgEvaluationTests
{
    private const SecurityRuleDirection In = SecurityRuleDirection.Inbound;
    private const SecurityRuleDirection Out = SecurityRuleDirection.Outbound;

    private static NetworkInterfaceSecurity OneNic(string? subnetNsg, string? nicNsg, params NetworkSecurityGroup[] nsgs) =>
        CompileNic("vm1-nic", [Vnet("vnet1", "10.1.0.0/16", Subnet("vnet1", "app", "10.1.1.0/24", subnetNsg)),
            Nic("vm1-nic", SubnetId("vnet1", "app"), "10.1.1.4", nicNsg), .. nsgs]);

    [Fact]
    [Trait("fact", "semantics.md 4.1")]
    public void Lower_priority_number_wins_whatever_the_order_rules_are_written_in()
    {
        var nic = OneNic("nsg", null, Nsg("nsg",
            Inbound("nsg", "allow-web", 200, SecurityRuleAccess.Allow, "Tcp", destinationPorts: "80"),
            Inbound("nsg", "deny-web", 100, SecurityRuleAccess.Deny, "Tcp", destinationPorts: "80")));

        var verdict = nic.Evaluate(In, Tcp("203.0.113.9", 50000, "10.1.1.4", 80));

        Assert.Equal(SecurityRuleAccess.Deny, verdict.Access);
        Assert.Equal("securityRules/deny-web", verdict.RuleName);
    }

    [Fact]
    [Trait("fact", "semantics.md 4.2")]
    public void Without_custom_rules_the_default_rules_decide_with_their_prefixed_names()
    {
        var nic = OneNic("nsg", null, Nsg("nsg"));

        Assert.Equal("defaultSecurityRules/DenyAllInBound", nic.Evaluate(In, Tcp("203.0.113.9", 50000, "10.1.1.4", 80)).RuleName);
        Assert.Equal("defaultSecurityRules/AllowVnetInBound", nic.Evaluate(In, Tcp("10.1.2.7", 50000, "10.1.1.4", 80)).RuleName);
        // 168.63.129.16 is in VirtualNetwork too, so the earlier AllowVnetInBound takes the probes (semantics.md 4.5).
        Assert.Equal("defaultSecurityRules/AllowVnetInBound", nic.Evaluate(In, Tcp("168.63.129.16", 50000, "10.1.1.4", 80)).RuleName);
        Assert.Equal("defaultSecurityRules/AllowInternetOutBound", nic.Evaluate(Out, Tcp("10.1.1.4", 50000, "13.107.21.200", 443)).RuleName);
        Assert.Equal("defaultSecurityRules/AllowVnetOutBound", nic.Evaluate(Out, Tcp("10.1.1.4", 50000, "10.1.9.9", 443)).RuleName);
    }

    [Theory]
    [Trait("fact", "semantics.md 4.5")]
    [InlineData("172.31.0.100")]
    [InlineData("10.10.10.10")]
    public void Private_addresses_outside_the_VNet_are_not_Internet_and_fall_to_DenyAllOutBound(string destination)
    {
        var nic = OneNic("nsg", null, Nsg("nsg"));

        var verdict = nic.Evaluate(Out, Tcp("10.1.1.4", 50000, destination, 80));

        Assert.Equal((SecurityRuleAccess.Deny, "defaultSecurityRules/DenyAllOutBound"), (verdict.Access, verdict.RuleName));
    }

    [Fact]
    [Trait("fact", "semantics.md 4.1")]
    public void Augmented_rules_match_any_of_their_prefixes_and_port_ranges()
    {
        var nic = OneNic("nsg", null, Nsg("nsg",
            Inbound("nsg", "partners", 100, SecurityRuleAccess.Allow, "Tcp", source: "198.51.100.0/24 203.0.113.7",
                destinationPorts: "443 8000-8080")));

        Assert.True(nic.Evaluate(In, Tcp("198.51.100.20", 1, "10.1.1.4", 443)).IsAllowed);
        Assert.True(nic.Evaluate(In, Tcp("203.0.113.7", 1, "10.1.1.4", 8080)).IsAllowed);
        Assert.False(nic.Evaluate(In, Tcp("203.0.113.8", 1, "10.1.1.4", 443)).IsAllowed);
        Assert.False(nic.Evaluate(In, Tcp("198.51.100.20", 1, "10.1.1.4", 8081)).IsAllowed);
    }

    [Theory]
    [Trait("fact", "constraints.md 7.11")]
    [InlineData("Tcp", SecurityProtocol.Tcp, true)]
    [InlineData("Tcp", SecurityProtocol.Udp, false)]
    [InlineData("Udp", SecurityProtocol.Udp, true)]
    [InlineData("Icmp", SecurityProtocol.Icmp, true)]
    [InlineData("Icmp", SecurityProtocol.Tcp, false)]
    [InlineData("Esp", SecurityProtocol.Esp, true)]
    [InlineData("Ah", SecurityProtocol.Ah, true)]
    [InlineData("Ah", SecurityProtocol.Esp, false)]
    [InlineData("*", SecurityProtocol.Icmp, true)]
    [InlineData("*", SecurityProtocol.Udp, true)]
    [InlineData("TCP", SecurityProtocol.Tcp, true)]
    public void A_rule_matches_only_its_protocol(string ruleProtocol, SecurityProtocol packetProtocol, bool allowed)
    {
        var nic = OneNic("nsg", null, Nsg("nsg", Inbound("nsg", "p", 100, SecurityRuleAccess.Allow, ruleProtocol, source: "203.0.113.0/24")));
        var packet = Packet.Create(packetProtocol, IpAddress.Parse("203.0.113.5"), 1000, IpAddress.Parse("10.1.1.4"), 22);

        Assert.Equal(allowed, nic.Evaluate(In, packet).IsAllowed);
    }

    [Fact]
    [Trait("fact", "semantics.md 4.7")]
    public void ICMP_is_matched_only_by_rules_whose_ports_are_any_and_the_assumption_is_noted()
    {
        var nic = OneNic("nsg", null, Nsg("nsg",
            Inbound("nsg", "web-any-protocol", 100, SecurityRuleAccess.Allow, "*", source: "203.0.113.0/24", destinationPorts: "80"),
            Inbound("nsg", "ping", 110, SecurityRuleAccess.Allow, "Icmp", source: "198.51.100.0/24")));

        var fromWeb = nic.Explain(In, Icmp("203.0.113.5", "10.1.1.4"));
        var fromPing = nic.Evaluate(In, Icmp("198.51.100.5", "10.1.1.4"));

        Assert.Equal("defaultSecurityRules/DenyAllInBound", fromWeb.Verdict.RuleName);
        Assert.Contains(fromWeb.Notes, n => n.Code == "VNL9103");
        Assert.Equal("securityRules/ping", fromPing.RuleName);
    }

    [Fact]
    [Trait("fact", "semantics.md 4.3")]
    public void Inbound_a_subnet_deny_is_final_and_the_NIC_NSG_is_never_evaluated()
    {
        var nic = OneNic("subnet-nsg", "nic-nsg",
            Nsg("subnet-nsg", Inbound("subnet-nsg", "deny-80", 100, SecurityRuleAccess.Deny, "Tcp", destinationPorts: "80")),
            Nsg("nic-nsg", Inbound("nic-nsg", "allow-80", 100, SecurityRuleAccess.Allow, "Tcp", destinationPorts: "80")));

        var explanation = nic.Explain(In, Tcp("203.0.113.9", 50000, "10.1.1.4", 80));

        Assert.Equal("securityRules/deny-80", explanation.Verdict.RuleName);
        Assert.Equal("subnet-nsg", explanation.Verdict.NetworkSecurityGroup?.NetworkSecurityGroup.Name);
        Assert.Single(explanation.Steps);
    }

    [Fact]
    [Trait("fact", "semantics.md 4.3")]
    public void Inbound_both_levels_must_allow_so_a_NIC_deny_after_a_subnet_allow_denies()
    {
        var nic = OneNic("subnet-nsg", "nic-nsg",
            Nsg("subnet-nsg", Inbound("subnet-nsg", "allow-80", 100, SecurityRuleAccess.Allow, "Tcp", destinationPorts: "80")),
            Nsg("nic-nsg"));

        var explanation = nic.Explain(In, Tcp("203.0.113.9", 50000, "10.1.1.4", 80));

        Assert.Equal((SecurityRuleAccess.Deny, "defaultSecurityRules/DenyAllInBound", "nic-nsg"),
            (explanation.Verdict.Access, explanation.Verdict.RuleName, explanation.Verdict.NetworkSecurityGroup?.NetworkSecurityGroup.Name));
        Assert.Equal(["subnet-nsg", "nic-nsg"], explanation.Steps.Select(s => s.Association.NetworkSecurityGroup.NetworkSecurityGroup.Name));
    }

    [Fact]
    [Trait("fact", "semantics.md 4.3")]
    public void Outbound_the_NIC_NSG_goes_first_and_its_deny_is_final()
    {
        var nic = OneNic("subnet-nsg", "nic-nsg",
            Nsg("subnet-nsg", Outbound("subnet-nsg", "allow-443", 100, SecurityRuleAccess.Allow, "Tcp", destinationPorts: "443")),
            Nsg("nic-nsg", Outbound("nic-nsg", "deny-443", 100, SecurityRuleAccess.Deny, "Tcp", destinationPorts: "443")));

        var explanation = nic.Explain(Out, Tcp("10.1.1.4", 50000, "13.107.21.200", 443));

        Assert.Equal("nic-nsg", explanation.Verdict.NetworkSecurityGroup?.NetworkSecurityGroup.Name);
        Assert.Equal(SecurityRuleAccess.Deny, explanation.Verdict.Access);
        Assert.Equal(["nic-nsg"], explanation.Steps.Select(s => s.Association.NetworkSecurityGroup.NetworkSecurityGroup.Name));
    }

    [Fact]
    [Trait("fact", "semantics.md 4.3")]
    public void When_both_NSGs_allow_the_last_evaluated_rule_is_named_and_the_assumption_noted()
    {
        var nic = OneNic("subnet-nsg", "nic-nsg", Nsg("subnet-nsg"), Nsg("nic-nsg"));

        var explanation = nic.Explain(Out, Tcp("10.1.1.4", 50000, "13.107.21.200", 443));

        Assert.Equal("subnet-nsg", explanation.Verdict.NetworkSecurityGroup?.NetworkSecurityGroup.Name);
        Assert.Equal("defaultSecurityRules/AllowInternetOutBound", explanation.Verdict.RuleName);
        Assert.Contains(explanation.Notes, n => n.Code == "VNL9107");
    }

    [Fact]
    [Trait("fact", "semantics.md 4.3")]
    public void With_no_NSG_anywhere_traffic_is_allowed_without_a_rule_name_and_the_open_question_is_noted()
    {
        var nic = OneNic(null, null);

        var explanation = nic.Explain(In, Tcp("203.0.113.9", 50000, "10.1.1.4", 3389));

        Assert.Equal((SecurityRuleAccess.Allow, FlowDecision.NoNetworkSecurityGroup, null),
            (explanation.Verdict.Access, explanation.Verdict.Decision, explanation.Verdict.RuleName));
        Assert.Contains(explanation.Notes, n => n.Code == "VNL9100");
    }

    [Fact]
    [Trait("fact", "semantics.md 4.4")]
    public void Replies_to_an_allowed_outbound_flow_are_allowed_although_no_inbound_rule_allows_them()
    {
        var nic = OneNic("nsg", null, Nsg("nsg"));
        var request = Tcp("10.1.1.4", 50000, "13.107.21.200", 80);

        var asNewFlow = nic.Evaluate(In, request.Reverse());
        var asReply = nic.EvaluateStateful(In, request.Reverse());

        Assert.Equal("defaultSecurityRules/DenyAllInBound", asNewFlow.RuleName);
        Assert.Equal((SecurityRuleAccess.Allow, FlowDecision.ReturnTraffic, "defaultSecurityRules/AllowInternetOutBound"),
            (asReply.Access, asReply.Decision, asReply.RuleName));
        Assert.True(nic.AllowedPacketsWithReplies(In).Contains(request.Reverse()));
        Assert.False(nic.AllowedPackets(In).Contains(request.Reverse()));
    }

    [Theory]
    [Trait("fact", "semantics.md 4.8")]
    [InlineData("168.63.129.16", 53)]
    [InlineData("169.254.169.254", 80)]
    public void Platform_addresses_are_not_filtered_by_ordinary_rules(string platform, int port)
    {
        var nic = OneNic("nsg", null, Nsg("nsg", Outbound("nsg", "deny-everything", 100, SecurityRuleAccess.Deny)));

        var verdict = nic.Evaluate(Out, Udp("10.1.1.4", 50000, platform, port));

        Assert.Equal((SecurityRuleAccess.Allow, FlowDecision.PlatformTraffic, null), (verdict.Access, verdict.Decision, verdict.RuleName));
        Assert.True(nic.AllowedPackets(Out).Contains(Udp("10.1.1.4", 50000, platform, port)));
    }

    [Fact]
    [Trait("fact", "semantics.md 4.8")]
    public void A_rule_naming_a_platform_service_tag_does_filter_platform_traffic()
    {
        var nic = OneNic("nsg", null, Nsg("nsg",
            Outbound("nsg", "no-platform-dns", 100, SecurityRuleAccess.Deny, destination: "AzurePlatformDNS")));

        var verdict = nic.Evaluate(Out, Udp("10.1.1.4", 50000, "168.63.129.16", 53));

        Assert.Equal((SecurityRuleAccess.Deny, "securityRules/no-platform-dns"), (verdict.Access, verdict.RuleName));
        Assert.True(nic.Evaluate(Out, Tcp("10.1.1.4", 50000, "169.254.169.254", 80)).IsAllowed);
        Assert.False(nic.AllowedPackets(Out).Contains(Udp("10.1.1.4", 50000, "168.63.129.16", 53)));
    }

    [Fact]
    [Trait("fact", "semantics.md 4.5")]
    public void AzureLoadBalancer_is_the_host_virtual_IP_only()
    {
        var nic = OneNic("nsg", null, Nsg("nsg",
            Inbound("nsg", "lb-probe", 100, SecurityRuleAccess.Allow, "Tcp", source: "AzureLoadBalancer", destinationPorts: "8080"),
            Inbound("nsg", "deny-vnet", 200, SecurityRuleAccess.Deny, source: "VirtualNetwork")));

        var rule = nic.Associations.Single().NetworkSecurityGroup.Inbound[0];

        Assert.Equal(["168.63.129.16/32"], rule.SourceTerms.Single().ExpandedPrefixes.Select(p => p.ToString()));
        Assert.Equal("securityRules/deny-vnet", nic.Evaluate(In, Tcp("10.1.2.4", 1, "10.1.1.4", 8080)).RuleName);
    }

    [Fact]
    [Trait("fact", "semantics.md 4.5")]
    public void Internet_is_the_recorded_complement_and_excludes_private_and_reserved_space()
    {
        var internet = ServiceTagSet.BuiltIn.Tags.Single(t => t.Name == "Internet");

        Assert.StartsWith("1.0.0.0/8, 2.0.0.0/7, 4.0.0.0/6, 8.0.0.0/7, 11.0.0.0/8, 12.0.0.0/6",
            string.Join(", ", internet.AddressPrefixes), StringComparison.Ordinal);
        Assert.True(internet.Addresses.Contains(IpAddress.Parse("13.107.21.200")));
        Assert.True(internet.Addresses.Contains(IpAddress.Parse("168.63.129.16")));
        Assert.False(internet.Addresses.Contains(IpAddress.Parse("172.31.0.100")));
        Assert.False(internet.Addresses.Contains(IpAddress.Parse("100.64.0.1")));
        Assert.False(internet.Addresses.Contains(IpAddress.Parse("224.0.0.5")));
    }

    [Fact]
    [Trait("fact", "semantics.md 7.7")]
    public void A_verdict_that_hinges_on_the_Internet_tag_in_undocumented_space_carries_a_note()
    {
        var nic = OneNic("nsg", null, Nsg("nsg", Outbound("nsg", "no-internet", 100, SecurityRuleAccess.Deny, destination: "Internet")));

        var cgnat = nic.Explain(Out, Tcp("10.1.1.4", 50000, "100.64.0.1", 443));
        var publicAddress = nic.Explain(Out, Tcp("10.1.1.4", 50000, "13.107.21.200", 443));

        Assert.Contains(cgnat.Notes, n => n.Code == "VNL9101");
        Assert.DoesNotContain(publicAddress.Notes, n => n.Code == "VNL9101");
        Assert.Equal("securityRules/no-internet", publicAddress.Verdict.RuleName);
    }

    [Fact]
    [Trait("fact", "semantics.md 4.5")]
    public void An_unknown_service_tag_matches_nothing_and_says_so()
    {
        var nic = OneNic("nsg", null, Nsg("nsg", Outbound("nsg", "deny-storage", 100, SecurityRuleAccess.Deny, destination: "Storage.WestEurope")));

        var explanation = nic.Explain(Out, Tcp("10.1.1.4", 50000, "20.60.0.1", 443));

        Assert.Equal("defaultSecurityRules/AllowInternetOutBound", explanation.Verdict.RuleName);
        Assert.Contains(explanation.Notes, n => n.Code == "VNL9102" && n.Message.Contains("Storage.WestEurope", StringComparison.Ordinal));
    }

    [Fact]
    [Trait("fact", "semantics.md 4.5")]
    public void A_service_tag_from_a_service_tags_file_is_expanded()
    {
        var tags = ServiceTagSet.WithBuiltIns([new ServiceTag("Storage.WestEurope", [IpPrefix.Parse("20.60.0.0/16")])], "test");
        var nic = CompileNic("vm1-nic", [Vnet("vnet1", "10.1.0.0/16", Subnet("vnet1", "app", "10.1.1.0/24", "nsg")),
            Nic("vm1-nic", SubnetId("vnet1", "app"), "10.1.1.4"),
            Nsg("nsg", Outbound("nsg", "deny-storage", 100, SecurityRuleAccess.Deny, destination: "storage.westeurope"))],
            new SecurityOptions { ServiceTags = tags });

        Assert.Equal("securityRules/deny-storage", nic.Evaluate(Out, Tcp("10.1.1.4", 50000, "20.60.0.1", 443)).RuleName);
        Assert.Equal("defaultSecurityRules/AllowInternetOutBound", nic.Evaluate(Out, Tcp("10.1.1.4", 50000, "20.61.0.1", 443)).RuleName);
    }

    [Fact]
    [Trait("fact", "constraints.md 7.5")]
    public void A_value_that_is_neither_prefix_nor_tag_matches_nothing_and_says_so()
    {
        var nic = OneNic("nsg", null, Nsg("nsg", Inbound("nsg", "typo", 100, SecurityRuleAccess.Allow, source: "10.0.0.0/42")));

        Assert.Contains(nic.Notes, n => n.Code == "VNL9106" && n.Message.Contains("10.0.0.0/42", StringComparison.Ordinal));
        Assert.Equal("defaultSecurityRules/AllowVnetInBound", nic.Evaluate(In, Tcp("10.1.5.5", 1, "10.1.1.4", 22)).RuleName);
    }
}
