using VNetLab.Addressing;
using VNetLab.Model;
using VNetLab.Testing.Reference;
using static VNetLab.Core.Tests.Reference.TinyEstates;

namespace VNetLab.Core.Tests.Reference;

/// <summary>The reference NSG evaluator against the documented behaviour it is the oracle for.</summary>
public sealed class ReferenceSecurityTests
{
    private const SecurityRuleDirection In = SecurityRuleDirection.Inbound;
    private const SecurityRuleDirection Out = SecurityRuleDirection.Outbound;
    private const SecurityRuleAccess Allow = SecurityRuleAccess.Allow;
    private const SecurityRuleAccess Deny = SecurityRuleAccess.Deny;

    private static (ReferenceSecurity Security, NetworkInterface Nic) Build(NetworkSecurityGroup? subnetNsg, NetworkSecurityGroup? nicNsg,
        RouteTable? table = null, params Resource[] more)
    {
        var vnet = WithSubnet(Vnet("v", "10.1.0.0/16", subnets: ("s", "10.1.1.0/24")), "s",
            s => s with { NetworkSecurityGroupId = subnetNsg?.Id, RouteTableId = table?.Id });
        var nic = Nic("vm1", Subnet(vnet, "s"), "10.1.1.4", nicNsg?.Id, Id("applicationSecurityGroups", "web"));
        var estate = Estate.Create(new Resource?[] { vnet, nic, subnetNsg, nicNsg, table }.OfType<Resource>().Concat(more));
        return (new ReferenceSecurity(new ReferenceRouting(estate)), nic);
    }

    private static ReferenceFlowVerdict Verify(ReferenceSecurity security, NetworkInterface nic, SecurityRuleDirection direction,
        string remote, int localPort, string protocol = "Tcp") =>
        security.Verify(nic, direction, protocol, IpAddress.Parse("10.1.1.4"), localPort, IpAddress.Parse(remote), 50000);

    [Fact]
    [Trait("fact", "semantics.md 4.2")]
    [Trait("fact", "semantics.md 4.5")]
    public void Default_rules_allow_the_vnet_and_the_internet_outbound_and_deny_the_rest()
    {
        var (security, nic) = Build(Nsg("nsg"), null);

        Assert.Equal(new ReferenceFlowVerdict(Allow, "defaultSecurityRules/AllowVnetInBound", Id("networkSecurityGroups", "nsg")),
            Verify(security, nic, In, "10.1.2.9", 22));
        Assert.Equal("defaultSecurityRules/DenyAllInBound", Verify(security, nic, In, "203.0.113.9", 22).RuleName);
        Assert.Equal("defaultSecurityRules/AllowInternetOutBound", security.Verify(nic, Out, "Tcp", IpAddress.Parse("10.1.1.4"), 50000, IpAddress.Parse("93.184.216.34"), 443).RuleName);

        // 172.31.0.100 is neither in the VNet nor in the Internet tag (semantics.md 4.5, DOC S9).
        var denied = security.Verify(nic, Out, "Tcp", IpAddress.Parse("10.1.1.4"), 50000, IpAddress.Parse("172.31.0.100"), 443);
        Assert.Equal(new ReferenceFlowVerdict(Deny, "defaultSecurityRules/DenyAllOutBound", Id("networkSecurityGroups", "nsg")), denied);
    }

    [Fact]
    [Trait("fact", "semantics.md 4.3")]
    public void Inbound_the_subnet_nsg_decides_first_and_both_levels_must_allow()
    {
        var subnetNsg = Nsg("subnet-nsg", Rule("deny-ssh", 100, In, Deny, "*", "*", "22"), Rule("allow-https", 110, In, Allow, "*", "*", "443"));
        var nicNsg = Nsg("nic-nsg", Rule("allow-ssh", 100, In, Allow, "*", "*", "22"));
        var (security, nic) = Build(subnetNsg, nicNsg);

        Assert.Equal(new ReferenceFlowVerdict(Deny, "securityRules/deny-ssh", subnetNsg.Id), Verify(security, nic, In, "203.0.113.9", 22));

        // The subnet allows 443 but the NIC NSG has no rule for it from the Internet: its default rule denies.
        Assert.Equal(new ReferenceFlowVerdict(Deny, "defaultSecurityRules/DenyAllInBound", nicNsg.Id), Verify(security, nic, In, "203.0.113.9", 443));
    }

    [Fact]
    [Trait("fact", "semantics.md 4.3")]
    public void Outbound_the_nic_nsg_decides_first()
    {
        var subnetNsg = Nsg("subnet-nsg", Rule("allow-web", 100, Out, Allow, "*", "Internet", "443"));
        var nicNsg = Nsg("nic-nsg", Rule("deny-web", 100, Out, Deny, "*", "Internet", "443"));
        var (security, nic) = Build(subnetNsg, nicNsg);

        var verdict = security.Verify(nic, Out, "Tcp", IpAddress.Parse("10.1.1.4"), 50000, IpAddress.Parse("93.184.216.34"), 443);

        Assert.Equal(new ReferenceFlowVerdict(Deny, "securityRules/deny-web", nicNsg.Id), verdict);
    }

    [Fact]
    [Trait("fact", "semantics.md 4.6")]
    public void An_asg_rule_applies_only_to_member_nics()
    {
        var nsg = Nsg("nsg", Rule("deny-web", 100, In, Deny, "*", "asg:web", "80"), Rule("deny-db", 110, In, Deny, "*", "asg:db", "1433"));
        var asgs = new Resource[]
        {
            new ApplicationSecurityGroup { Id = Id("applicationSecurityGroups", "web") },
            new ApplicationSecurityGroup { Id = Id("applicationSecurityGroups", "db") },
        };
        var (security, nic) = Build(nsg, null, null, asgs);

        Assert.Equal("securityRules/deny-web", Verify(security, nic, In, "10.1.2.9", 80).RuleName);
        Assert.Equal("defaultSecurityRules/AllowVnetInBound", Verify(security, nic, In, "10.1.2.9", 1433).RuleName);
    }

    [Fact]
    [Trait("fact", "semantics.md 4.5")]
    public void The_virtualnetwork_tag_includes_the_subnets_udr_prefixes()
    {
        var table = RouteTable("rt", false, ("10.50.0.0/16", RouteNextHopType.VirtualAppliance, "10.1.0.4"));
        var (security, nic) = Build(Nsg("nsg"), null, table);

        Assert.Equal("defaultSecurityRules/AllowVnetInBound", Verify(security, nic, In, "10.50.3.3", 22).RuleName);
        Assert.Equal("defaultSecurityRules/DenyAllInBound", Verify(security, nic, In, "10.60.3.3", 22).RuleName);
    }

    [Fact]
    [Trait("fact", "semantics.md 4.3")]
    public void Without_any_nsg_the_flow_is_allowed_by_no_rule()
    {
        var (security, nic) = Build(null, null);

        Assert.Equal(new ReferenceFlowVerdict(Allow, null, null), Verify(security, nic, In, "203.0.113.9", 22));
    }
}
