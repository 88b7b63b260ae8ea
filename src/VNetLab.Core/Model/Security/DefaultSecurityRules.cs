using System.Collections.Immutable;

namespace VNetLab.Model;

/// <summary>
/// The six rules Azure puts in every NSG, with their exact names and priorities
/// (shared/azure/semantics.md §4.2; Learn "Network security groups", default security rules).
/// </summary>
public static class DefaultSecurityRules
{
    public const string AllowVnetInBound = "AllowVnetInBound";
    public const string AllowAzureLoadBalancerInBound = "AllowAzureLoadBalancerInBound";
    public const string DenyAllInBound = "DenyAllInBound";
    public const string AllowVnetOutBound = "AllowVnetOutBound";
    public const string AllowInternetOutBound = "AllowInternetOutBound";
    public const string DenyAllOutBound = "DenyAllOutBound";

    /// <summary>The default rules of the NSG <paramref name="nsgId"/>, inbound first, by priority.</summary>
    public static ImmutableArray<SecurityRule> For(ResourceId nsgId) =>
    [
        Rule(nsgId, AllowVnetInBound, 65000, SecurityRuleDirection.Inbound, SecurityRuleAccess.Allow, "VirtualNetwork", "VirtualNetwork",
            "Allow inbound traffic from all VMs in VNET"),
        Rule(nsgId, AllowAzureLoadBalancerInBound, 65001, SecurityRuleDirection.Inbound, SecurityRuleAccess.Allow, "AzureLoadBalancer", "*",
            "Allow inbound traffic from azure load balancer"),
        Rule(nsgId, DenyAllInBound, 65500, SecurityRuleDirection.Inbound, SecurityRuleAccess.Deny, "*", "*",
            "Deny all inbound traffic"),
        Rule(nsgId, AllowVnetOutBound, 65000, SecurityRuleDirection.Outbound, SecurityRuleAccess.Allow, "VirtualNetwork", "VirtualNetwork",
            "Allow outbound traffic from all VMs to all VMs in VNET"),
        Rule(nsgId, AllowInternetOutBound, 65001, SecurityRuleDirection.Outbound, SecurityRuleAccess.Allow, "*", "Internet",
            "Allow outbound traffic from all VMs to Internet"),
        Rule(nsgId, DenyAllOutBound, 65500, SecurityRuleDirection.Outbound, SecurityRuleAccess.Deny, "*", "*",
            "Deny all outbound traffic"),
    ];

    private static SecurityRule Rule(ResourceId nsgId, string name, int priority, SecurityRuleDirection direction,
        SecurityRuleAccess access, string source, string destination, string description) => new()
        {
            Id = nsgId.Child("defaultSecurityRules", name),
            Protocol = "*",
            SourcePortRanges = ["*"],
            DestinationPortRanges = ["*"],
            SourceAddressPrefixes = [source],
            DestinationAddressPrefixes = [destination],
            Access = access,
            Priority = priority,
            Direction = direction,
            Description = description,
            IsDefault = true,
        };
}
