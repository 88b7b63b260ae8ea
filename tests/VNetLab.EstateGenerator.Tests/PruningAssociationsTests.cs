using VNetLab.Analysis;
using VNetLab.Model;
using VNetLab.Testing;

namespace VNetLab.EstateGenerator.Tests;

/// <summary>
/// The reach pruning reads a NIC's NSGs without compiling the NIC's security: for every NIC of the generated estate and
/// of every example, they must be the very objects, in the order, that the NIC's compiled security associates (its own
/// NSG, then its subnet's), or the bounds would be computed for other rules than the traces evaluate.
/// </summary>
[Collection(TinyEstateFixture.Collection)]
public sealed class PruningAssociationsTests
{
    private readonly TinyEstateFixture _fixture;

    public PruningAssociationsTests(TinyEstateFixture fixture) => _fixture = fixture;

    [Fact]
    public void A_nics_nsgs_are_those_its_compiled_security_associates()
    {
        var estates = new List<Estate> { _fixture.Estate };
        estates.AddRange(RepositoryPaths.ExampleNames()
            .Select(example => ExampleEstates.Read(example)));
        int both = 0, one = 0, none = 0;

        foreach (var estate in estates)
        {
            var analysis = NetworkAnalysis.Compile(estate);
            foreach (var nic in estate.NetworkInterfaces)
            {
                var (first, second) = analysis.Security.NetworkSecurityGroupsOf(nic);
                var associations = analysis.Security.For(nic).Associations;

                Assert.InRange(associations.Length, 0, 2);
                Assert.Same(associations.Length > 0 ? associations[0].NetworkSecurityGroup : null, first);
                Assert.Same(associations.Length > 1 ? associations[1].NetworkSecurityGroup : null, second);
                both += associations.Length == 2 ? 1 : 0;
                one += associations.Length == 1 ? 1 : 0;
                none += associations.Length == 0 ? 1 : 0;
            }
        }

        // NICs with their own NSG are in ReachPruningTests: no example has one.
        Assert.True(one > 0 && none > 0, $"NICs with two, one and no NSGs: {both}, {one}, {none}");
    }
}
