using VNetLab.Model;
using VNetLab.Security;
using static VNetLab.Core.Tests.Security.SecurityEstate;

namespace VNetLab.Core.Tests.Security;

/// <summary>
/// Learn, "How network security groups filter network traffic": Subnet1 has NSG1 and holds VM1 (whose NIC has
/// NSG2) and VM2 (no NIC NSG); Subnet2 has no NSG and holds VM3 (NIC with NSG2); Subnet3 has no NSG and holds VM4
/// (no NSG anywhere). Traffic is TCP port 80 to and from the Internet.
/// </summary>
public class LearnNsgHowItWorksTests
{
    private const string Article = "https://learn.microsoft.com/azure/virtual-network/network-security-group-how-it-works";
    private const string Internet = "203.0.113.50";

    private static readonly string[] VmIps = ["10.0.1.4", "10.0.1.5", "10.0.2.4", "10.0.3.4"];

    private static CompiledSecurity Estate(SecurityRule[] nsg1Rules, SecurityRule[] nsg2Rules) =>
        SecurityCompiler.Compile(VNetLab.Model.Estate.Create(
        [
            Vnet("vnet", "10.0.0.0/16",
                Subnet("vnet", "Subnet1", "10.0.1.0/24", "NSG1"),
                Subnet("vnet", "Subnet2", "10.0.2.0/24"),
                Subnet("vnet", "Subnet3", "10.0.3.0/24")),
            Nsg("NSG1", nsg1Rules),
            Nsg("NSG2", nsg2Rules),
            Nic("VM1", SubnetId("vnet", "Subnet1"), VmIps[0], "NSG2"),
            Nic("VM2", SubnetId("vnet", "Subnet1"), VmIps[1]),
            Nic("VM3", SubnetId("vnet", "Subnet2"), VmIps[2], "NSG2"),
            Nic("VM4", SubnetId("vnet", "Subnet3"), VmIps[3]),
        ]));

    private static FlowVerdict Inbound80(CompiledSecurity security, int vm) =>
        security.For(security.Estate.NetworkInterfaces[vm - 1]).Evaluate(SecurityRuleDirection.Inbound, Tcp(Internet, 50000, VmIps[vm - 1], 80));

    private static FlowVerdict Outbound80(CompiledSecurity security, int vm) =>
        security.For(security.Estate.NetworkInterfaces[vm - 1]).Evaluate(SecurityRuleDirection.Outbound, Tcp(VmIps[vm - 1], 50000, Internet, 80));

    private static SecurityRule AllowIn80(string nsg) => Inbound(nsg, "Allow-80", 100, SecurityRuleAccess.Allow, "Tcp", source: "Internet", destinationPorts: "80");

    private static SecurityRule DenyOut80(string nsg) => Outbound(nsg, "Deny-80", 100, SecurityRuleAccess.Deny, "Tcp", destination: "Internet", destinationPorts: "80");

    private static string Describe(FlowVerdict v) => $"{v.Access} {v.NetworkSecurityGroup?.NetworkSecurityGroup.Name ?? "-"} {v.RuleName ?? "-"}";

    [Fact]
    [Trait("fact", Article)]
    public void Inbound_without_allow_rules_NSG1_denies_VM1_and_VM2_and_NSG2_denies_VM3()
    {
        var security = Estate([], []);

        Assert.Equal("Deny NSG1 defaultSecurityRules/DenyAllInBound", Describe(Inbound80(security, 1)));
        Assert.Equal("Deny NSG1 defaultSecurityRules/DenyAllInBound", Describe(Inbound80(security, 2)));
        Assert.Equal("Deny NSG2 defaultSecurityRules/DenyAllInBound", Describe(Inbound80(security, 3)));
    }

    [Fact]
    [Trait("fact", Article)]
    public void Inbound_to_VM1_both_NSG1_and_NSG2_must_allow_port_80()
    {
        Assert.Equal("Deny NSG2 defaultSecurityRules/DenyAllInBound", Describe(Inbound80(Estate([AllowIn80("NSG1")], []), 1)));
        Assert.Equal("Deny NSG1 defaultSecurityRules/DenyAllInBound", Describe(Inbound80(Estate([], [AllowIn80("NSG2")]), 1)));
        Assert.Equal("Allow NSG2 securityRules/Allow-80", Describe(Inbound80(Estate([AllowIn80("NSG1")], [AllowIn80("NSG2")]), 1)));
    }

    [Fact]
    [Trait("fact", Article)]
    public void Inbound_VM2_gets_whatever_NSG1_allows_and_VM3_whatever_NSG2_allows()
    {
        var security = Estate([AllowIn80("NSG1")], [AllowIn80("NSG2")]);

        Assert.Equal("Allow NSG1 securityRules/Allow-80", Describe(Inbound80(security, 2)));
        Assert.Equal("Allow NSG2 securityRules/Allow-80", Describe(Inbound80(security, 3)));
    }

    [Fact]
    [Trait("fact", Article)]
    public void VM4_without_any_NSG_is_allowed_both_ways_with_the_open_question_noted()
    {
        var security = Estate([], []);
        var vm4 = security.For(security.Estate.NetworkInterfaces[3]);

        Assert.Equal("Allow - -", Describe(Inbound80(security, 4)));
        Assert.Equal("Allow - -", Describe(Outbound80(security, 4)));
        Assert.Contains(vm4.Explain(SecurityRuleDirection.Inbound, Tcp(Internet, 50000, VmIps[3], 80)).Notes, n => n.Code == "VNL9100");
    }

    [Fact]
    [Trait("fact", Article)]
    public void Outbound_AllowInternetOutBound_lets_port_80_out_of_every_VM()
    {
        var security = Estate([], []);

        Assert.Equal("Allow NSG1 defaultSecurityRules/AllowInternetOutBound", Describe(Outbound80(security, 1)));
        Assert.Equal("Allow NSG1 defaultSecurityRules/AllowInternetOutBound", Describe(Outbound80(security, 2)));
        Assert.Equal("Allow NSG2 defaultSecurityRules/AllowInternetOutBound", Describe(Outbound80(security, 3)));
    }

    [Fact]
    [Trait("fact", Article)]
    public void Outbound_a_deny_in_either_NSG_blocks_VM1_and_NSG2_decides_first()
    {
        Assert.Equal("Deny NSG2 securityRules/Deny-80", Describe(Outbound80(Estate([], [DenyOut80("NSG2")]), 1)));
        Assert.Equal("Deny NSG1 securityRules/Deny-80", Describe(Outbound80(Estate([DenyOut80("NSG1")], []), 1)));
        Assert.Equal("Deny NSG2 securityRules/Deny-80", Describe(Outbound80(Estate([DenyOut80("NSG1")], [DenyOut80("NSG2")]), 1)));
    }

    [Fact]
    [Trait("fact", Article)]
    public void Outbound_VM2_is_decided_by_NSG1_and_VM3_by_NSG2()
    {
        var security = Estate([DenyOut80("NSG1")], []);

        Assert.Equal("Deny NSG1 securityRules/Deny-80", Describe(Outbound80(security, 2)));
        Assert.Equal("Allow NSG2 defaultSecurityRules/AllowInternetOutBound", Describe(Outbound80(security, 3)));
    }

    [Fact]
    [Trait("fact", Article)]
    public void Intra_subnet_traffic_is_filtered_by_the_subnet_NSG_too()
    {
        var denyAll = new[]
        {
            Inbound("NSG1", "Deny-All-In", 100, SecurityRuleAccess.Deny),
            Outbound("NSG1", "Deny-All-Out", 100, SecurityRuleAccess.Deny),
        };
        var security = Estate(denyAll, []);
        var vm2 = security.For(security.Estate.NetworkInterfaces[1]);

        Assert.Equal("Allow NSG1 defaultSecurityRules/AllowVnetInBound",
            Describe(Estate([], []).For(security.Estate.NetworkInterfaces[1]).Evaluate(SecurityRuleDirection.Inbound, Tcp(VmIps[0], 50000, VmIps[1], 445))));
        Assert.Equal("Deny NSG1 securityRules/Deny-All-In", Describe(vm2.Evaluate(SecurityRuleDirection.Inbound, Tcp(VmIps[0], 50000, VmIps[1], 445))));
        Assert.Equal("Deny NSG1 securityRules/Deny-All-Out", Describe(vm2.Evaluate(SecurityRuleDirection.Outbound, Tcp(VmIps[1], 50000, VmIps[0], 445))));
    }
}
