using VNetLab.Model;
using VNetLab.Validation;

namespace VNetLab.Core.Tests.Validation;

/// <summary>
/// A Local circuit links only VNets in the Azure regions local to its peering location (constraints.md 4.10, 5.13), as
/// the ExpressRoute locations page lists them; the baseline estate links a VNet in westeurope to circuit erc.
/// </summary>
public sealed class ExpressRouteGeographyRuleTests
{
    private static IReadOnlyList<VNetLab.Diagnostics.Diagnostic> LinkToLocalCircuitAt(string peeringLocation) =>
        Validator.Default.Validate(EstateBuilder.Baseline()
            .Change<ExpressRouteCircuit>(EstateBuilder.Id("expressRouteCircuits", "erc"), c => c with { SkuTier = "Local", PeeringLocation = peeringLocation })
            .Build());

    [Theory]
    [Trait("fact", "constraints.md 5.13")]
    [InlineData("Amsterdam", null)]
    [InlineData("amsterdam2", null)]
    [InlineData("Dublin", "VNL4024")]
    [InlineData("Copenhagen", "VNL4024")]
    [InlineData("Reykjavik", "VNL9202")]
    public void LocalCircuit_LinksOnlyItsLocalRegions(string peeringLocation, string? code)
    {
        var found = LinkToLocalCircuitAt(peeringLocation).Where(d => d.Code is "VNL4024" or "VNL4005" or "VNL9202").Select(d => d.Code).ToList();

        Assert.Equal(code is null ? [] : [code], found);
    }

    [Fact]
    [Trait("fact", "constraints.md 5.13")]
    public void LocalCircuit_WhereLocalIsNotOffered_SaysSo()
    {
        var finding = Assert.Single(LinkToLocalCircuitAt("Copenhagen"), d => d.Code == "VNL4024");

        Assert.Contains("which serves no Azure region (ExpressRoute Local is not offered there)", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("fact", "constraints.md 5.13")]
    public void LocalCircuit_OutsideItsRegions_NamesThem()
    {
        var finding = Assert.Single(LinkToLocalCircuitAt("Dublin"), d => d.Code == "VNL4024");

        Assert.Contains("in westeurope to Local circuit", finding.Message, StringComparison.Ordinal);
        Assert.Contains("at peering location Dublin, which serves North Europe;", finding.Message, StringComparison.Ordinal);
    }
}
