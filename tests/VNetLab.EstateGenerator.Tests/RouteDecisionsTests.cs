using VNetLab.Addressing;
using VNetLab.Analysis;
using VNetLab.Analysis.Policies;
using VNetLab.Analysis.Reachability;
using VNetLab.Analysis.Tracing;
using VNetLab.Model;
using VNetLab.Routing;
using VNetLab.Testing;

namespace VNetLab.EstateGenerator.Tests;

/// <summary>
/// <see cref="RouteDecisions.Label"/> (painting lookups, decisions numbered per route class and exit) labels the sites'
/// atoms exactly as the plain way does: a lookup per atom, the decision built as a value (next hop, route, and for a
/// gateway next hop the gateway, learned route, connection and site the tracer picks), numbered by first appearance.
/// Equal arrays, so the matrix's classes are the same partition, for every table of generated estates and examples.
/// </summary>
[Collection(TinyEstateFixture.Collection)]
public sealed class RouteDecisionsTests
{
    private readonly TinyEstateFixture _fixture;

    public RouteDecisionsTests(TinyEstateFixture fixture) => _fixture = fixture;

    public static TheoryData<string> Examples => [.. RepositoryPaths.ExampleNames()];

    [Fact]
    [Trait("fact", "issue #7: the reach matrix agrees with a trace per packet class")]
    public void Labels_of_the_generated_estates_equal_labels_by_decision_value()
    {
        AssertLabelsAgree(_fixture.Estate, expectMerged: true);

        // Spokes that share circuits, UDRs naming on-premises prefixes, propagation disabled: more ways to leave.
        using var generated = new GeneratedEstate(new EstateGeneratorOptions
        {
            Hubs = 3, Spokes = 9, SubnetsPerSpoke = 2, NicsPerSubnet = 1, OnPremisesPrefixes = 60, NsgRules = 10, Udrs = 6, Seed = 9127,
        }, maxDegreeOfParallelism: 1);
        AssertLabelsAgree(generated.Import().Estate, expectMerged: true);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    [Trait("fact", "issue #7: the reach matrix agrees with a trace per packet class")]
    public void Labels_of_an_example_equal_labels_by_decision_value(string example)
    {
        AssertLabelsAgree(ExampleEstates.Read(example), expectMerged: false);
    }

    private static void AssertLabelsAgree(Estate estate, bool expectMerged)
    {
        var analysis = NetworkAnalysis.Compile(estate);
        var tracer = new Tracer(analysis);
        var resolver = new SelectorResolver(estate);
        var region = resolver.SiteDestinations().Aggregate(AddressSet.Empty, (set, site) => set.Union(site.Addresses));
        uint[] firsts = [.. PacketClasses.For(analysis).Split(region).Where(a => a.First.IsV4).Select(a => a.First.V4Value)];
        var decisions = new RouteDecisions(analysis, tracer, firsts);
        var merged = false;
        foreach (var table in analysis.Routing.Subnets.Select(s => s.Table).Distinct(ReferenceEqualityComparer.Instance).Cast<EffectiveRouteTable>())
        {
            var expected = LabelsByValue(analysis, tracer, table, firsts);
            Assert.Equal(expected, decisions.Label(table));
            merged |= expected.Distinct().Count() < expected.Length;
        }

        Assert.True(merged || !expectMerged, "no two atoms shared a decision: the test would check little");
    }

    /// <summary>The plain labelling: one lookup per atom, the whole decision as a value.</summary>
    private static int[] LabelsByValue(NetworkAnalysis analysis, Tracer tracer, EffectiveRouteTable table, uint[] firsts)
    {
        var ids = new Dictionary<object, int>();
        var labels = new int[firsts.Length];
        for (var i = 0; i < firsts.Length; i++)
        {
            var destination = IpAddress.FromV4(firsts[i]);
            var next = table.GetNextHop(destination);
            var route = next.Route;
            object? exit = null;
            if (next.NextHopType == NextHopType.VirtualNetworkGateway)
            {
                var gateway = tracer.GatewayFor(table.VirtualNetworkId, next);
                var learned = gateway is null ? null : tracer.LearnedRouteFor(gateway.Id, next.MatchedPrefix, destination);
                var connection = learned is null ? null : analysis.Estate.Find<VirtualNetworkGatewayConnection>(learned.ConnectionId);
                var site = learned is null ? null : tracer.SiteFor(learned, connection, destination);
                exit = (gateway?.Id, gateway?.VirtualNetworkId, learned?.ConnectionId, learned?.Kind, learned?.SourceVirtualNetworkId,
                    learned?.IsExpressRoute, site?.Id, learned?.LocalNetworkGatewayId ?? connection?.LocalNetworkGateway2Id);
            }

            var decision = (next.NextHopType, next.NextHopIpAddress, next.RouteTableId, route?.Name, route?.Source, route?.Origin,
                route?.NextHopUnreachable ?? false, route is null, exit);
            if (!ids.TryGetValue(decision, out var id))
            {
                id = ids.Count;
                ids.Add(decision, id);
            }

            labels[i] = id;
        }

        return labels;
    }
}
