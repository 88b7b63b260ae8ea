using FsCheck;
using FsCheck.Fluent;
using VNetLab.Addressing;
using VNetLab.Routing;
using VNetLab.Testing;

namespace VNetLab.EstateGenerator.Tests;

/// <summary>
/// <see cref="EffectiveRouteTable.GetNextHops"/> (painting a table's prefixes over sorted addresses, the reach matrix's way
/// to label thousands of site atoms per table) answers exactly what <see cref="EffectiveRouteTable.GetNextHop"/> answers
/// for each address: same route, same matched prefix, same next hop. Checked for every table of the generated estate
/// (UDRs to the firewall, propagation disabled, thousands of gateway routes, overridden gateway prefixes) and of every
/// example, at every prefix boundary of the table (each prefix's first and last address and the addresses on either
/// side) and at random addresses.
/// </summary>
[Collection(TinyEstateFixture.Collection)]
public sealed class BulkNextHopTests
{
    private readonly TinyEstateFixture _fixture;

    public BulkNextHopTests(TinyEstateFixture fixture) => _fixture = fixture;

    public static TheoryData<string> Examples => [.. RepositoryPaths.ExampleNames()];

    [Fact]
    [Trait("fact", "semantics.md 3.1, 3.2, 3.3")]
    public void Painting_gives_every_table_of_the_generated_estate_the_lookup_answers()
    {
        var routing = RoutingCompiler.Compile(_fixture.Estate);

        var checkedGateway = AssertBulkAgrees(routing, extra: []);

        // The generated hubs announce on-premises prefixes through their gateways: the gateway layer was exercised.
        Assert.True(checkedGateway, "no address was answered by a gateway route");
    }

    [Theory]
    [MemberData(nameof(Examples))]
    [Trait("fact", "semantics.md 3.1, 3.2, 3.3")]
    public void Painting_gives_every_table_of_an_example_the_lookup_answers(string example)
    {
        var estate = ExampleEstates.Read(example);

        AssertBulkAgrees(RoutingCompiler.Compile(estate), extra: []);
    }

    [Fact]
    [Trait("fact", "semantics.md 3.1, 3.2, 3.3")]
    public void Painting_agrees_with_the_lookup_at_random_addresses()
    {
        var routing = RoutingCompiler.Compile(_fixture.Estate);
        var addresses = Gen.Choose(0, int.MaxValue).Select(v => (uint)v * 2u + 1u).ArrayOf();

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(20), Prop.ForAll(addresses.ToArbitrary(), random =>
            AssertBulkAgrees(routing, random) || true));
    }

    /// <summary>True when some address was answered by a gateway route.</summary>
    private static bool AssertBulkAgrees(CompiledRouting routing, uint[] extra)
    {
        var gatewayAnswered = false;
        foreach (var table in routing.Subnets.Select(s => s.Table).Distinct(ReferenceEqualityComparer.Instance).Cast<EffectiveRouteTable>())
        {
            var boundaries = new SortedSet<uint>(extra);
            var prefixes = table.GetRoutes().SelectMany(r => r.AddressPrefixes).Where(p => p.IsV4);
            foreach (var prefix in prefixes)
            {
                var (first, last) = (prefix.Network.V4Value, prefix.Last.V4Value);
                boundaries.UnionWith([first, last, first == 0 ? first : first - 1, last == uint.MaxValue ? last : last + 1]);
            }

            var addresses = boundaries.ToArray();
            var gatewayMatches = table.GatewayRoutes is { } set ? EffectiveRouteTable.GatewayLongestMatches(set, addresses) : [];
            var codes = new int[addresses.Length];
            table.GetNextHops(addresses, gatewayMatches, codes);
            for (var i = 0; i < addresses.Length; i++)
            {
                var expected = table.GetNextHop(IpAddress.FromV4(addresses[i]));
                var actual = table.NextHopOf(codes[i]);
                Assert.True(expected == actual,
                    $"{table.VirtualNetworkId.Name} {IpAddress.FromV4(addresses[i])}: lookup {expected.MatchedPrefix} {expected.NextHopType}, painting {actual.MatchedPrefix} {actual.NextHopType}");
                gatewayAnswered |= actual.Route?.Source == EffectiveRouteSource.VirtualNetworkGateway;
            }
        }

        return gatewayAnswered;
    }
}
