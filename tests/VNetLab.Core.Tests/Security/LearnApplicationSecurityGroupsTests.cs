using VNetLab.Model;
using VNetLab.Security;
using static VNetLab.Core.Tests.Security.SecurityEstate;

namespace VNetLab.Core.Tests.Security;

/// <summary>
/// Learn, "Application security groups": NIC1 and NIC2 are in AsgWeb, NIC3 in AsgLogic, NIC4 in AsgDb; no NIC has
/// an NSG; NSG1 on both subnets holds Allow-HTTP-Inbound-Internet (100), Allow-Database-BusinessLogic (110) and
/// Deny-Database-All (120).
/// </summary>
public class LearnApplicationSecurityGroupsTests
{
    private const string Article = "https://learn.microsoft.com/azure/virtual-network/application-security-groups";
    private const SecurityRuleDirection In = SecurityRuleDirection.Inbound;

    private static readonly CompiledSecurity Security = SecurityCompiler.Compile(Estate.Create(
    [
        Vnet("vnet1", "10.0.0.0/16", Subnet("vnet1", "web", "10.0.1.0/24", "NSG1"), Subnet("vnet1", "data", "10.0.2.0/24", "NSG1")),
        Asg("AsgWeb"), Asg("AsgLogic"), Asg("AsgDb"),
        Nsg("NSG1",
            Inbound("NSG1", "Allow-HTTP-Inbound-Internet", 100, SecurityRuleAccess.Allow, "Tcp", source: "Internet", destinationPorts: "80",
                destinationAsgs: [AsgId("AsgWeb")]),
            Inbound("NSG1", "Allow-Database-BusinessLogic", 110, SecurityRuleAccess.Allow, "Tcp", destinationPorts: "1433",
                sourceAsgs: [AsgId("AsgLogic")], destinationAsgs: [AsgId("AsgDb")]),
            Inbound("NSG1", "Deny-Database-All", 120, SecurityRuleAccess.Deny, "*", destinationPorts: "1433", destinationAsgs: [AsgId("AsgDb")])),
        Nic("NIC1", SubnetId("vnet1", "web"), "10.0.1.4", null, AsgId("AsgWeb")),
        Nic("NIC2", SubnetId("vnet1", "web"), "10.0.1.5", null, AsgId("AsgWeb")),
        Nic("NIC3", SubnetId("vnet1", "web"), "10.0.1.6", null, AsgId("AsgLogic")),
        Nic("NIC4", SubnetId("vnet1", "data"), "10.0.2.4", null, AsgId("AsgDb")),
    ]));

    private static NetworkInterfaceSecurity Member(int n) => Security.For(Security.Estate.NetworkInterfaces.Single(x => x.Name == $"NIC{n}"));

    [Fact]
    [Trait("fact", Article)]
    public void Web_servers_take_HTTP_from_the_Internet_and_the_other_tiers_do_not()
    {
        Assert.Equal("securityRules/Allow-HTTP-Inbound-Internet", Member(1).Evaluate(In, Tcp("203.0.113.9", 50000, "10.0.1.4", 80)).RuleName);
        Assert.Equal("securityRules/Allow-HTTP-Inbound-Internet", Member(2).Evaluate(In, Tcp("203.0.113.9", 50000, "10.0.1.5", 80)).RuleName);
        Assert.Equal("defaultSecurityRules/DenyAllInBound", Member(3).Evaluate(In, Tcp("203.0.113.9", 50000, "10.0.1.6", 80)).RuleName);
        Assert.Equal("defaultSecurityRules/DenyAllInBound", Member(4).Evaluate(In, Tcp("203.0.113.9", 50000, "10.0.2.4", 80)).RuleName);
    }

    [Fact]
    [Trait("fact", Article)]
    public void Only_the_business_logic_tier_reaches_the_database_on_1433()
    {
        var fromLogic = Member(4).Evaluate(In, Tcp("10.0.1.6", 50000, "10.0.2.4", 1433));
        var fromWeb = Member(4).Evaluate(In, Tcp("10.0.1.4", 50000, "10.0.2.4", 1433));

        Assert.Equal((SecurityRuleAccess.Allow, "securityRules/Allow-Database-BusinessLogic"), (fromLogic.Access, fromLogic.RuleName));
        Assert.Equal((SecurityRuleAccess.Deny, "securityRules/Deny-Database-All"), (fromWeb.Access, fromWeb.RuleName));
    }

    [Fact]
    [Trait("fact", Article)]
    public void Rules_naming_an_ASG_do_not_apply_to_NICs_outside_it()
    {
        // NIC1 is not in AsgDb: Deny-Database-All does not apply, so AllowVnetInBound lets 1433 through.
        var toWeb = Member(1).Evaluate(In, Tcp("10.0.1.5", 50000, "10.0.1.4", 1433));

        Assert.Equal("defaultSecurityRules/AllowVnetInBound", toWeb.RuleName);
    }

    [Fact]
    [Trait("fact", "semantics.md 4.6")]
    public void An_ASG_expands_to_its_members_private_addresses()
    {
        var rule = Member(1).Associations.Single().NetworkSecurityGroup.Inbound.Single(r => r.Rule.Name == "Allow-HTTP-Inbound-Internet");

        Assert.Equal(["10.0.1.4/31"], rule.DestinationTerms.Single().ExpandedPrefixes.Select(p => p.ToString()));
        Assert.Equal("AsgWeb", rule.DestinationTerms.Single().ToString());
    }
}
