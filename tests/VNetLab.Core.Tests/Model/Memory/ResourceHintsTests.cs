using VNetLab.Core.Tests.Validation;
using VNetLab.Model;
using VNetLab.Model.Memory;

namespace VNetLab.Core.Tests.Model.Memory;

public sealed class ResourceHintsTests
{
    [Fact]
    public void Hinting_every_level_of_an_nsg_reads_any_shape_without_failing_or_changing_it()
    {
        var nsgId = EstateBuilder.Id("networkSecurityGroups", "nsg");
        var rule = new SecurityRule
        {
            Id = nsgId.Child("securityRules", "r"),
            Priority = 100,
            Direction = SecurityRuleDirection.Inbound,
            Access = SecurityRuleAccess.Allow,
            Protocol = "*",
            SourceAddressPrefixes = default,
            DestinationAddressPrefixes = default,
            SourcePortRanges = default,
            DestinationPortRanges = default,
            SourceApplicationSecurityGroupIds = default,
            DestinationApplicationSecurityGroupIds = default,
        };
        NetworkSecurityGroup[] shapes =
        [
            new() { Id = nsgId, SecurityRules = default, DefaultSecurityRules = default },
            new() { Id = nsgId, SecurityRules = [] },
            new() { Id = nsgId, SecurityRules = [rule, rule] },
        ];

        foreach (var nsg in shapes)
        {
            ResourceHints.HintEveryLevel(nsg);
        }

        Assert.True(shapes[0].SecurityRules.IsDefault);
        Assert.Same(rule, Assert.Single(shapes[2].SecurityRules.Distinct()));
        Assert.True(rule.SourceAddressPrefixes.IsDefault);
    }

    [Fact]
    public void Level_zero_hints_a_resource_of_any_type()
    {
        Resource[] resources =
        [
            new ApplicationSecurityGroup { Id = EstateBuilder.Id("applicationSecurityGroups", "asg") },
            new NetworkInterface { Id = EstateBuilder.Id("networkInterfaces", "nic"), IpConfigurations = default },
        ];

        foreach (var resource in resources)
        {
            for (var level = 0; level < ResourceHints.Levels; level++)
            {
                ResourceHints.Hint(resource, level);
            }
        }

        Assert.True(((NetworkInterface)resources[1]).IpConfigurations.IsDefault);
    }
}
