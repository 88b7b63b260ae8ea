using VNetLab.Diagnostics;
using VNetLab.Model;
using VNetLab.Security;
using VNetLab.Security.Audit;
using static VNetLab.Core.Tests.Security.SecurityEstate;

namespace VNetLab.Core.Tests.Security.Audit;

public class NsgAuditorTests
{
    private static IReadOnlyList<Diagnostic> Audit(params Resource[] resources) =>
        NsgAuditor.Audit(SecurityCompiler.Compile(Estate.Create(resources)));

    private static VirtualNetwork OneSubnet(string nsg) => Vnet("vnet1", "10.1.0.0/16", Subnet("vnet1", "web", "10.1.1.0/24", nsg));

    private static NetworkInterface WebNic(params ResourceId[] asgs) => Nic("web-nic", SubnetId("vnet1", "web"), "10.1.1.4", null, asgs);

    private static Diagnostic Single(IEnumerable<Diagnostic> findings, string code, string rule) =>
        Assert.Single(findings, d => d.Code == code && d.ResourceId?.Name == rule);

    [Fact]
    [Trait("fact", "semantics.md 4.1")]
    public void A_rule_covered_by_higher_priority_rules_is_shadowed_and_the_finding_names_them_and_an_example()
    {
        var findings = Audit(OneSubnet("nsg"), WebNic(), Nsg("nsg",
            Inbound("nsg", "deny-office-ssh", 100, SecurityRuleAccess.Deny, "Tcp", source: "198.51.100.0/24", destinationPorts: "22"),
            Inbound("nsg", "deny-lab-ssh", 110, SecurityRuleAccess.Deny, "*", source: "198.51.101.0/24", destinationPorts: "22"),
            Inbound("nsg", "allow-ssh-from-both", 200, SecurityRuleAccess.Allow, "Tcp", source: "198.51.100.0/23", destinationPorts: "22")));

        var shadowed = Single(findings, "VNL6100", "allow-ssh-from-both");
        Assert.Contains("securityRules/deny-office-ssh, securityRules/deny-lab-ssh", shadowed.Message, StringComparison.Ordinal);
        Assert.Contains("Tcp 198.51.100.0:0 -> 10.1.1.0:22 is decided by securityRules/deny-office-ssh", shadowed.Message, StringComparison.Ordinal);
        Assert.Equal(DiagnosticSeverity.Warning, shadowed.Severity);
    }

    [Fact]
    [Trait("fact", "semantics.md 4.1")]
    public void A_partly_covered_rule_is_not_shadowed()
    {
        var findings = Audit(OneSubnet("nsg"), WebNic(), Nsg("nsg",
            Inbound("nsg", "deny-udp", 100, SecurityRuleAccess.Deny, "Udp", source: "198.51.100.0/24"),
            Inbound("nsg", "deny-office", 200, SecurityRuleAccess.Deny, "*", source: "198.51.100.0/24")));

        Assert.DoesNotContain(findings, d => d.Code == "VNL6100");
    }

    [Fact]
    [Trait("fact", "semantics.md 4.2")]
    public void A_custom_deny_all_is_not_redundant_because_it_overrides_the_default_allows()
    {
        var findings = Audit(OneSubnet("nsg"), WebNic(), Nsg("nsg", Inbound("nsg", "deny-everything", 4096, SecurityRuleAccess.Deny)));

        Assert.DoesNotContain(findings, d => d.Code == "VNL6101");
    }

    [Fact]
    [Trait("fact", "semantics.md 4.2")]
    public void Rules_that_repeat_what_later_rules_decide_are_redundant()
    {
        var findings = Audit(OneSubnet("nsg"), WebNic(), Nsg("nsg",
            Inbound("nsg", "allow-vnet", 4000, SecurityRuleAccess.Allow, source: "VirtualNetwork", destination: "VirtualNetwork"),
            Outbound("nsg", "deny-telnet-to-internet", 100, SecurityRuleAccess.Deny, "Tcp", destination: "Internet", destinationPorts: "23"),
            Outbound("nsg", "no-internet", 200, SecurityRuleAccess.Deny, destination: "Internet")));

        var allowVnet = Single(findings, "VNL6101", "allow-vnet");
        Assert.Contains("defaultSecurityRules/AllowVnetInBound", allowVnet.Message, StringComparison.Ordinal);
        Assert.Contains("securityRules/no-internet", Single(findings, "VNL6101", "deny-telnet-to-internet").Message, StringComparison.Ordinal);
        Assert.DoesNotContain(findings, d => d.Code == "VNL6101" && d.ResourceId?.Name == "no-internet");
    }

    [Theory]
    [Trait("fact", "issue #5: management ports exposed by any spelling")]
    [InlineData("*", "Tcp", "22")]
    [InlineData("Internet", "Tcp", "3389")]
    [InlineData("0.0.0.0/0", "*", "5985")]
    [InlineData("0.0.0.0/1 128.0.0.0/1", "Tcp", "5986")]
    [InlineData("*", "Udp", "3389")]
    [InlineData("*", "Tcp", "20-25")]
    public void Management_ports_open_to_the_whole_Internet_are_errors_whatever_the_spelling(string source, string protocol, string ports)
    {
        var findings = Audit(OneSubnet("nsg"), WebNic(), Nsg("nsg",
            Inbound("nsg", "admin", 100, SecurityRuleAccess.Allow, protocol, source: source, destinationPorts: ports)));

        var finding = Single(findings, "VNL6102", "admin");
        Assert.Equal(DiagnosticSeverity.Error, finding.Severity);
        Assert.Contains("Example: ", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("fact", "issue #5: any public prefix")]
    public void A_management_port_open_to_some_public_prefixes_is_a_warning_that_lists_them()
    {
        var findings = Audit(OneSubnet("nsg"), WebNic(), Nsg("nsg",
            Inbound("nsg", "admin-office", 100, SecurityRuleAccess.Allow, "Tcp", source: "198.51.100.0/24 10.0.0.0/8", destinationPorts: "22 443")));

        var finding = Single(findings, "VNL6103", "admin-office");
        Assert.Contains("from public addresses 198.51.100.0/24", finding.Message, StringComparison.Ordinal);
        Assert.Contains("Tcp port 22", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("fact", "semantics.md 4.5")]
    public void A_UDR_that_widens_VirtualNetwork_to_everything_exposes_management_ports_through_AllowVnetInBound()
    {
        var routeTable = RouteTable("rt", false, ("0.0.0.0/0", RouteNextHopType.VirtualAppliance));
        var findings = Audit(Vnet("vnet1", "10.1.0.0/16", Subnet("vnet1", "web", "10.1.1.0/24", "nsg", routeTable.Id)), routeTable, WebNic(), Nsg("nsg"));

        Assert.Contains("VirtualNetwork", Single(findings, "VNL6102", "AllowVnetInBound").Message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("fact", "semantics.md 4.1")]
    public void A_management_port_closed_to_the_Internet_by_an_earlier_deny_is_not_reported()
    {
        var findings = Audit(OneSubnet("nsg"), WebNic(), Nsg("nsg",
            Inbound("nsg", "no-ssh-from-internet", 100, SecurityRuleAccess.Deny, "*", source: "Internet", destinationPorts: "22"),
            Inbound("nsg", "ssh", 110, SecurityRuleAccess.Allow, "Tcp", destinationPorts: "22")));

        Assert.DoesNotContain(findings, d => d.Code is "VNL6102" or "VNL6103");
    }

    [Fact]
    [Trait("fact", "semantics.md 4.3")]
    public void NSGs_and_ASGs_attached_to_nothing_and_unfiltered_subnets_and_NICs_are_reported()
    {
        var vnet = Vnet("vnet1", "10.1.0.0/16",
            Subnet("vnet1", "web", "10.1.1.0/24", "nsg"),
            Subnet("vnet1", "app", "10.1.2.0/24"),
            Subnet("vnet1", "empty", "10.1.3.0/24"),
            Subnet("vnet1", "nic-protected", "10.1.4.0/24"),
            Subnet("vnet1", "GatewaySubnet", "10.1.255.0/27"));
        var findings = Audit(vnet, WebNic(), Asg("asg-unused"),
            Nsg("nsg", Inbound("nsg", "to-unused", 100, SecurityRuleAccess.Allow, "Tcp", destinationPorts: "443", destinationAsgs: [AsgId("asg-unused")])),
            Nsg("nsg-orphan"), Nsg("nsg-nic"),
            Nic("app-nic", SubnetId("vnet1", "app"), "10.1.2.4"),
            Nic("protected-nic", SubnetId("vnet1", "nic-protected"), "10.1.4.4", "nsg-nic"));

        Assert.Contains(findings, d => d.Code == "VNL6104" && d.ResourceId?.Name == "nsg-orphan");
        Assert.Contains("securityRules/to-unused", Single(findings, "VNL6105", "asg-unused").Message, StringComparison.Ordinal);
        Assert.Equal(["app", "empty"], findings.Where(d => d.Code == "VNL6106").Select(d => d.ResourceId?.Name));
        Assert.Equal(["app-nic"], findings.Where(d => d.Code == "VNL6107").Select(d => d.ResourceId?.Name));
        Assert.DoesNotContain(findings, d => d.Code == "VNL6104" && d.ResourceId?.Name is "nsg" or "nsg-nic");
    }

    [Fact]
    [Trait("fact", "semantics.md 4.1, 4.3, 4.6")]
    public void A_clean_estate_gets_no_finding()
    {
        var findings = Audit(
            Vnet("vnet1", "10.1.0.0/16", Subnet("vnet1", "web", "10.1.1.0/24", "nsg"), Subnet("vnet1", "GatewaySubnet", "10.1.255.0/27")),
            WebNic(AsgId("asg-web")),
            Asg("asg-web"),
            Nsg("nsg",
                Inbound("nsg", "https-from-internet", 100, SecurityRuleAccess.Allow, "Tcp", source: "Internet", destinationPorts: "443",
                    destinationAsgs: [AsgId("asg-web")]),
                Inbound("nsg", "ssh-from-vnet", 110, SecurityRuleAccess.Allow, "Tcp", source: "10.0.0.0/8", destinationPorts: "22"),
                Outbound("nsg", "no-internet-but-web", 100, SecurityRuleAccess.Deny, "*", destination: "Internet", destinationPorts: "0-442")));

        Assert.Empty(findings);
    }
}
