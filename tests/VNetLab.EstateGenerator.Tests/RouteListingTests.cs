using System.Runtime.InteropServices;
using VNetLab.Routing;
using VNetLab.Testing;

namespace VNetLab.EstateGenerator.Tests;

/// <summary>
/// The three ways to list a table's rows (<see cref="EffectiveRouteTable.GetRoutes"/>,
/// <see cref="EffectiveRouteTable.EnumerateRoutes"/>, <see cref="EffectiveRouteTable.CopyRoutesTo"/>) give the
/// same rows in the same order, for every subnet of the generated estate and of every example; the goldens
/// pin what <c>GetRoutes</c> lists.
/// </summary>
[Collection(TinyEstateFixture.Collection)]
public sealed class RouteListingTests
{
    private readonly TinyEstateFixture _fixture;

    public RouteListingTests(TinyEstateFixture fixture) => _fixture = fixture;

    public static TheoryData<string> Examples => [.. RepositoryPaths.ExampleNames()];

    [Fact]
    public void Every_listing_of_the_generated_estate_gives_the_same_rows()
    {
        var routing = RoutingCompiler.Compile(_fixture.Estate);

        AssertListingsAgree(routing);

        // The generated spokes route on-premises prefixes to the firewall: gateway rows overridden by a User
        // route with the same prefix are listed in place, so the runs around them are exercised.
        Assert.Contains(routing.Subnets, s => Rows(s.Table).Any(r =>
            r.Source == EffectiveRouteSource.VirtualNetworkGateway && r.State == EffectiveRouteState.Invalid));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_listing_of_an_example_gives_the_same_rows(string example)
    {
        var estate = ExampleEstates.Read(example);

        AssertListingsAgree(RoutingCompiler.Compile(estate));
    }

    private static void AssertListingsAgree(CompiledRouting routing)
    {
        foreach (var subnet in routing.Subnets)
        {
            var table = subnet.Table;
            var listed = table.GetRoutes();
            Assert.Equal(listed.Length, table.RouteCount);
            Assert.Equal(listed.AsEnumerable(), Rows(table));

            var buffer = new EffectiveRoute[table.RouteCount + 2];
            table.CopyRoutesTo(buffer);
            Assert.Equal(listed.AsEnumerable(), buffer.Take(table.RouteCount));
            Assert.All(buffer.Skip(table.RouteCount), Assert.Null);

            // Each call gives its own array: a caller may not change what the next one sees.
            Assert.NotSame(ImmutableCollectionsMarshal.AsArray(listed), ImmutableCollectionsMarshal.AsArray(table.GetRoutes()));
        }
    }

    private static List<EffectiveRoute> Rows(EffectiveRouteTable table)
    {
        var rows = new List<EffectiveRoute>();
        foreach (var route in table.EnumerateRoutes())
        {
            rows.Add(route);
        }

        return rows;
    }
}
