using VNetLab.Core.Tests.Validation;
using VNetLab.Model;
using VNetLab.Model.Memory;

namespace VNetLab.Core.Tests.Model.Memory;

public sealed class ResourceHintsTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void Each_resource_of_a_pass_is_hinted_level_by_level_on_the_steps_before_its_turn(int spacing)
    {
        var count = 8 * ResourceHints.Levels * spacing;
        var hinted = new List<(int Step, int Level)>[count];
        for (var i = 0; i < count; i++)
        {
            hinted[i] = [];
        }

        for (var at = 0; at < count; at++)
        {
            for (var level = 0; level < ResourceHints.Levels; level++)
            {
                if (ResourceHints.AheadOf(at, level, spacing) is var resource && resource < count)
                {
                    hinted[resource].Add((at, level));
                }
            }
        }

        // Level 0 Levels x spacing steps ahead, each deeper level spacing steps later, the last spacing steps before
        // the resource's turn; resources too near the start for level 0 get the levels that fit.
        var first = ResourceHints.Levels * spacing;
        for (var resource = first; resource < count; resource++)
        {
            Assert.Equal(Enumerable.Range(0, ResourceHints.Levels).Select(level => (resource - first + (level * spacing), level)), hinted[resource]);
        }

        Assert.All(Enumerable.Range(0, count), resource => Assert.All(hinted[resource], h => Assert.True(h.Step < resource)));
    }

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
    public void A_resource_of_any_type_is_hinted_at_every_level_without_failing()
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
