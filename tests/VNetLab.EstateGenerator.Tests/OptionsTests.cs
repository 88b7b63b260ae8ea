using VNetLab.EstateGenerator.Planning;

namespace VNetLab.EstateGenerator.Tests;

public sealed class OptionsTests
{
    [Fact]
    public void The_presets_are_valid()
    {
        Assert.Empty(EstateGeneratorOptions.Small.Validate());
        Assert.Empty(EstateGeneratorOptions.Medium.Validate());
        Assert.Empty(EstateGeneratorOptions.Large.Validate());
        Assert.All([1, 4, 16], factor => Assert.Empty(EstateGeneratorOptions.Scaling(factor).Validate()));
    }

    [Theory]
    [InlineData("small")]
    [InlineData("MEDIUM")]
    [InlineData("large")]
    public void Presets_are_found_by_name(string name) => Assert.NotNull(EstateGeneratorOptions.Preset(name));

    [Fact]
    public void The_large_preset_is_the_enterprise_estate_of_issue_7()
    {
        // Planned, not written: the arithmetic is what matters here, and planning takes milliseconds.
        var plan = EstatePlan.Create(EstateGeneratorOptions.Large);
        Assert.Equal(10_000, plan.Hubs.Length + plan.Spokes.Length);
        Assert.Equal(50_000, (plan.Hubs.Length * 5) + plan.Spokes.Sum(s => s.Subnets.Length));
        Assert.Equal(199_600, (plan.Hubs.Length * 4) + plan.Spokes.Sum(s => s.Subnets.Length) * EstateGeneratorOptions.Large.NicsPerSubnet);
        Assert.Equal(4_000, plan.OnPremisesPrefixes.Length);
        Assert.Equal(200, EstateGeneratorOptions.Large.NsgRules);
    }

    [Fact]
    [Trait("fact", "constraints.md 1.15")]
    public void No_hub_of_the_large_estate_exceeds_azures_peering_limit()
    {
        var plan = EstatePlan.Create(EstateGeneratorOptions.Large);
        foreach (var hub in plan.Hubs)
        {
            var peerings = hub.SpokeCount + plan.SecondarySpokesOf(hub).Count() + plan.Hubs.Length - 1;
            Assert.InRange(peerings, 1, EstateGeneratorOptions.MaxPeeringsPerVirtualNetwork);
        }
    }

    [Fact]
    [Trait("fact", "constraints.md 2.20")]
    public void Landing_zones_stay_far_below_the_per_subscription_quotas()
    {
        var plan = EstatePlan.Create(EstateGeneratorOptions.Large);
        var perSubscription = plan.Spokes.GroupBy(s => s.Subscription).Select(g => g.Count()).ToList();
        Assert.Equal(200, perSubscription.Count);
        Assert.All(perSubscription, count => Assert.InRange(count, 1, EstatePlan.SpokesPerLandingZone));
    }

    [Theory]
    [InlineData(0, 10, 1, 1, 1, 0, 0, "--hubs is 0")]
    [InlineData(1, 10, 1, 1, 1, 1001, 0, "--nsg-rules is 1001")]
    [InlineData(1, 10, 1, 1, 1, 0, 401, "--udrs is 401")]
    [InlineData(1, 10, 1, 252, 1, 0, 0, "--nics-per-subnet is 252")]
    [InlineData(1, 10, 1, 1, 10_001, 0, 0, "--onprem-prefixes is 10001")]
    [InlineData(1, 401, 1, 1, 1, 0, 0, "Azure allows 400 (constraints.md 6.6)")]
    [InlineData(200, 80_000, 1, 1, 1, 0, 0, "Azure allows 500 per VNet")]
    [InlineData(200, 16_000, 64, 251, 1, 0, 0, "the spoke pool 10.128.0.0/9")]
    public void Unusable_options_are_reported_with_the_limit(int hubs, int spokes, int subnets, int nics, int onPremises, int nsgRules, int udrs, string expected)
    {
        var options = new EstateGeneratorOptions
        {
            Hubs = hubs, Spokes = spokes, SubnetsPerSpoke = subnets, NicsPerSubnet = nics, OnPremisesPrefixes = onPremises, NsgRules = nsgRules, Udrs = udrs,
        };
        var problem = Assert.Single(options.Validate());
        Assert.Contains(expected, problem, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => EstatePlan.Create(options));
    }

    [Fact]
    public void Generating_into_a_folder_that_already_holds_an_estate_is_refused()
    {
        using var estate = new GeneratedEstate(GeneratedEstate.Tiny with { Spokes = 2 });
        Assert.Throws<IOException>(() => HubAndSpokeGenerator.Generate(GeneratedEstate.Tiny with { Spokes = 2 }, estate.Directory));
    }

    [Fact]
    public void Without_violations_the_manifest_lists_none_and_every_vnet_uses_at_most_one_remote_gateway()
    {
        using var estate = new GeneratedEstate(GeneratedEstate.Tiny with { IncludeViolations = false });
        Assert.Empty(estate.Manifest.Violations);
        var imported = estate.Import();
        Assert.Empty(imported.Diagnostics);
        Assert.All(imported.Estate.VirtualNetworks, v => Assert.True(v.Peerings.Count(p => p.UseRemoteGateways) <= 1));
    }
}
