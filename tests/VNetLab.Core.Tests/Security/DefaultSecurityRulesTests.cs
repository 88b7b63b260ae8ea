using VNetLab.Model;
using static VNetLab.Core.Tests.Security.SecurityEstate;

namespace VNetLab.Core.Tests.Security;

public class DefaultSecurityRulesTests
{
    [Fact]
    [Trait("fact", "semantics.md 4.2")]
    public void The_six_default_rules_have_Azure_API_names_priorities_and_directions()
    {
        var rules = DefaultSecurityRules.For(NsgId("nsg"));

        Assert.Equal(
            [
                "Inbound 65000 Allow AllowVnetInBound VirtualNetwork -> VirtualNetwork",
                "Inbound 65001 Allow AllowAzureLoadBalancerInBound AzureLoadBalancer -> *",
                "Inbound 65500 Deny DenyAllInBound * -> *",
                "Outbound 65000 Allow AllowVnetOutBound VirtualNetwork -> VirtualNetwork",
                "Outbound 65001 Allow AllowInternetOutBound * -> Internet",
                "Outbound 65500 Deny DenyAllOutBound * -> *",
            ],
            rules.Select(r => $"{r.Direction} {r.Priority} {r.Access} {r.Name} {r.SourceAddressPrefixes.Single()} -> {r.DestinationAddressPrefixes.Single()}"));
        Assert.All(rules, r => Assert.True(r.IsDefault && r.Protocol == "*"));
        Assert.All(rules, r => Assert.Equal("defaultSecurityRules", r.Id.Types[^1]));
    }

    [Fact]
    [Trait("fact", "semantics.md 4.2")]
    public void Default_rule_descriptions_are_the_API_text()
    {
        var descriptions = DefaultSecurityRules.For(NsgId("nsg")).ToDictionary(r => r.Name, r => r.Description);

        Assert.Equal("Allow inbound traffic from all VMs in VNET", descriptions["AllowVnetInBound"]);
        Assert.Equal("Allow inbound traffic from azure load balancer", descriptions["AllowAzureLoadBalancerInBound"]);
        Assert.Equal("Deny all inbound traffic", descriptions["DenyAllInBound"]);
        Assert.Equal("Allow outbound traffic from all VMs to all VMs in VNET", descriptions["AllowVnetOutBound"]);
        Assert.Equal("Allow outbound traffic from all VMs to Internet", descriptions["AllowInternetOutBound"]);
        Assert.Equal("Deny all outbound traffic", descriptions["DenyAllOutBound"]);
    }
}
