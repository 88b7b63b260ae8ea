using VNetLab.Core.Tests.Validation;
using VNetLab.Model;
using VNetLab.Validation;

namespace VNetLab.Core.Tests.Catalogue;

public static partial class ValidationCases
{
    private static EstateBuilder BastionSubnet(EstateBuilder b, bool withRequiredRules)
    {
        b.Subnet("hub", "AzureBastionSubnet", "10.0.3.0/26", nsg: "nsg-bastion").Nsg("nsg-bastion");
        if (withRequiredRules)
        {
            b.Rule("nsg-bastion", "AllowGatewayManager", 100, source: ["GatewayManager"], destinationPorts: ["443"])
                .Rule("nsg-bastion", "AllowAzureCloud", 100, SecurityRuleDirection.Outbound, destination: ["AzureCloud"], destinationPorts: ["443"])
                .Rule("nsg-bastion", "AllowSshRdp", 110, SecurityRuleDirection.Outbound, destination: ["VirtualNetwork"], destinationPorts: ["22", "3389"]);
        }

        return b;
    }

    private static IEnumerable<ValidationCase> Nsg() =>
    [
        new("VNL6001",
            b => b.Rule("nsg-app", "r", 4097),
            b => b.Rule("nsg-app", "r", 4096),
            "Security rule has invalid Priority. Value provided: 4097 Allowed range 100-4096."),
        new("VNL6002",
            b => b.Rule("nsg-app", "dup", 100),
            b => b.Rule("nsg-app", "dup", 100, SecurityRuleDirection.Outbound),
            "Security rule dup conflicts with rule allow-https. Rules cannot have the same Priority and Direction."),
        new("VNL6003",
            b => b.Rule("nsg-app", "r", 110, destinationPorts: ["66600"]),
            b => b.Rule("nsg-app", "r", 110, destinationPorts: ["65535"]),
            "Security rule has invalid Port range. Value provided: 66600. Value should be an integer OR integer range with '-' delimiter. Valid range 0-65535."),
        new("VNL6004",
            b => b.Rule("nsg-app", "r", 110, destinationPorts: ["80", "*"]),
            b => b.Rule("nsg-app", "r", 110, destinationPorts: ["*"]),
            $"Security rule parameter DestinationPortRanges for rule with Id {Rule("nsg-app", "r")} cannot specify a '*'"),
        new("VNL6005",
            b => b.Rule("nsg-app", "r", 110, source: ["20.20.20.20/16"]),
            b => b.Rule("nsg-app", "r", 110, source: ["20.20.0.0/16"]),
            "Security rule has invalid Address prefix. Value provided: 20.20.20.20/16"),
        new("VNL6006",
            b => b.Rule("nsg-app", "r", 110, SecurityRuleDirection.Outbound, destination: ["10.0.0.0/8", "AzureContainerRegistry"]),
            b => b.Rule("nsg-app", "r", 110, SecurityRuleDirection.Outbound, destination: ["AzureContainerRegistry"]),
            $"Security rule parameter DestinationAddressPrefixes for rule with Id {Rule("nsg-app", "r")} cannot specify existing VIRTUALNETWORK, INTERNET, AZURELOADBALANCER, '*' or system tags. Unsupported value used: AzureContainerRegistry."),
        new("VNL6007",
            b => b.Asg("asg-hub").Nic("hub-nic", "hub", "shared", "10.0.2.5", asgs: ["asg-hub"])
                .Rule("nsg-app", "cross", 110, sourceAsgs: ["asg-hub"], destinationAsgs: ["asg-web"]),
            b => b.Asg("asg-hub").Nic("nic2", "spoke", "app", "10.1.1.5", asgs: ["asg-hub"])
                .Rule("nsg-app", "cross", 110, sourceAsgs: ["asg-hub"], destinationAsgs: ["asg-web"]),
            $"Security Rule {Id("networkSecurityGroups", "nsg-app")} has Application Security Groups (ASGs) from multiple virtual networks ({Vnet("hub")}, {Vnet("spoke")}).\nAll ASGs on the Security Rule must be from the same virtual network."),
        new("VNL6008",
            b => b.Asg("asg-api").Rule("nsg-app", "two", 110, destinationAsgs: ["asg-web", "asg-api"]),
            b => b.Asg("asg-api").Rule("nsg-app", "one", 110, destinationAsgs: ["asg-api"]),
            "A security rule may have up to 1 Application Security Group in the source or destination fields. The requested configuration has 2 in the DestinationApplicationSecurityGroups field.",
            ValidationLimits.Azure with { ApplicationSecurityGroupsPerRuleSide = 1 }),
        new("VNL6009",
            b => b.Asg("asg-api").Rule("nsg-app", "api", 110, destinationAsgs: ["asg-api"]),
            b => b.Rule("nsg-app", "web-again", 110, destinationPorts: ["80"], destinationAsgs: ["asg-web"]),
            Limits: ValidationLimits.Azure with { ApplicationSecurityGroupsPerNetworkSecurityGroup = 1 }),
        new("VNL6010",
            b => b.Asg("asg-api").Nic("nic2", "spoke", "app", "10.1.1.5", asgs: ["asg-web", "asg-api"]),
            b => b.Asg("asg-api").Nic("nic2", "spoke", "app", "10.1.1.5", asgs: ["asg-api"]),
            Limits: ValidationLimits.Azure with { ApplicationSecurityGroupsPerIpConfiguration = 1 }),
        new("VNL6011",
            b => b.Asg("asg-api"),
            b => b.Asg("asg-api", region: "northeurope"),
            Limits: ValidationLimits.Azure with { ApplicationSecurityGroupsPerSubscriptionRegion = 1 }),
        new("VNL6012",
            b => b.Nic("hub-nic", "hub", "shared", "10.0.2.5", asgs: ["asg-web"]),
            b => b.Nic("nic2", "spoke", "app", "10.1.1.5", asgs: ["asg-web"])),
        new("VNL6013",
            b => b.Nic("nic2", "spoke", "app", "10.1.1.5", asgs: ["asg-web"], region: "northeurope"),
            b => b.Nic("nic2", "spoke", "app", "10.1.1.5", asgs: ["asg-web"], region: "West Europe")),
        new("VNL6014",
            b => b.Rule("nsg-app", "allow web!", 110),
            b => b.Rule("nsg-app", "allow_web.v2-1_", 110),
            "Resource name allow web! is invalid. The name can be up to 80 characters long. It must begin with a word character, and it must end with a word character or with '_'. The name may contain word characters or '.', '-', '_'."),
        new("VNL6015",
            b => b.Rule("nsg-app", "r", 110, protocol: "Http"),
            b => b.Rule("nsg-app", "r", 110, protocol: "icmp")),
        new("VNL6016",
            b => b.Rule("nsg-app", "second", 110),
            b => b.Nsg("nsg-3").Rule("nsg-3", "only", 100),
            Limits: ValidationLimits.Azure with { SecurityRulesPerNetworkSecurityGroup = 1 }),
        new("VNL6017",
            b => b.Rule("nsg-app", "two-sources", 110, source: ["10.0.0.0/16", "10.2.0.0/16"]),
            b => b.Nsg("nsg-3").Rule("nsg-3", "one-source", 100, source: ["10.0.0.0/16"]),
            Limits: ValidationLimits.Azure with { AddressesPerNetworkSecurityGroupSide = 1 }),
        new("VNL6018",
            b => b.Nsg("nsg-3"),
            b => b.Nsg("nsg-3", region: "northeurope"),
            Limits: ValidationLimits.Azure with { NetworkSecurityGroupsPerSubscriptionRegion = 2 }),
        new("VNL6019",
            b => b.Rule("nsg-app", "r", 110, source: ["149.173.0.0/16", "149.173.8.27/32"]),
            b => b.Rule("nsg-app", "r", 110, source: ["149.173.0.0/16", "149.174.8.27/32"]),
            $"Security rule parameter SourceAddressPrefixes for rule with Id {Rule("nsg-app", "r")} contains overlapping subnets [149.173.0.0/16, 149.173.8.27/32], which is not permitted."),
        new("VNL6020",
            b => b.Rule("nsg-app", "r", 110).Change<SecurityRule>(Rule("nsg-app", "r"), r => r with { Description = new string('d', 141) }),
            b => b.Rule("nsg-app", "r", 110).Change<SecurityRule>(Rule("nsg-app", "r"), r => r with { Description = new string('d', 140) }),
            "Security rule description cannot exceed 140 chars."),
        new("VNL6021",
            b => BastionSubnet(b, withRequiredRules: false),
            b => BastionSubnet(b, withRequiredRules: true),
            "Network security group nsg-bastion does not have necessary rules for Azure Bastion Subnet AzureBastionSubnet."),
    ];
}
