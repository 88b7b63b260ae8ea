using VNetLab.Addressing;
using VNetLab.Model;
using VNetLab.Routing;
using VNetLab.Testing;

namespace VNetLab.EstateGenerator.Tests;

/// <summary>
/// <see cref="EffectiveRouteTable.GetGatewayPrefixes"/>, which the <c>VirtualNetwork</c> tag reads for "all connected
/// on-premises address spaces" (semantics.md §4.5), lists exactly the distinct sorted prefixes of the table's listed
/// <c>VirtualNetworkGateway</c> rows, Active or Invalid (§3.3: a gateway route inside the VNet's own or a directly
/// peered range is not listed). Checked for every table of the generated estate and of every example, with both the
/// shared answer (the table hides none of its hub's routes) and the filtered one exercised.
/// </summary>
[Collection(TinyEstateFixture.Collection)]
public sealed class GatewayPrefixesTests
{
    private readonly TinyEstateFixture _fixture;

    public GatewayPrefixesTests(TinyEstateFixture fixture) => _fixture = fixture;

    [Fact]
    [Trait("fact", "semantics.md 3.3, 4.5")]
    public void Every_table_lists_the_prefixes_of_its_gateway_rows()
    {
        var estates = new List<Estate> { _fixture.Estate };
        estates.AddRange(RepositoryPaths.ExampleNames()
            .Select(example => ExampleEstates.Read(example)));
        int shared = 0, filtered = 0;

        foreach (var estate in estates)
        {
            var routing = RoutingCompiler.Compile(estate);
            foreach (var table in routing.Subnets.Select(s => s.Table).Distinct(ReferenceEqualityComparer.Instance).Cast<EffectiveRouteTable>())
            {
                IpPrefix[] expected = [.. table.GetRoutes()
                    .Where(r => r.Source == EffectiveRouteSource.VirtualNetworkGateway)
                    .SelectMany(r => r.AddressPrefixes)
                    .Distinct()
                    .Order()];

                var actual = table.GetGatewayPrefixes();

                Assert.Equal(expected, actual.ToArray());
                if (table.GatewayRoutes is { } set)
                {
                    var isShared = actual == set.Prefixes;
                    shared += isShared ? 1 : 0;
                    filtered += isShared ? 0 : 1;
                }
            }
        }

        Assert.True(shared > 0, "no table took the shared answer");
        Assert.True(filtered > 0, "no table hid a gateway route");
    }
}
