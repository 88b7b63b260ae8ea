using VNetLab.Addressing;
using VNetLab.Analysis;
using VNetLab.Analysis.Policies;
using VNetLab.Analysis.Reachability;
using VNetLab.Analysis.Tracing;
using VNetLab.Model;
using VNetLab.Security;
using VNetLab.Testing;

namespace VNetLab.EstateGenerator.Tests;

/// <summary>
/// Issue #7: <see cref="PermissivePaths"/> shares a permissive walk between the NICs of subnets with one route table in
/// one VNet. From every sender of the generated estate and of every example, to every NIC, subnet, site and an Internet
/// address, the walk it gives equals the tracer's own walk hop for hop and step for step (steps compared by value), and
/// walks were shared.
/// </summary>
[Collection(TinyEstateFixture.Collection)]
public sealed class PermissivePathsTests
{
    private readonly TinyEstateFixture _fixture;

    public PermissivePathsTests(TinyEstateFixture fixture) => _fixture = fixture;

    public static TheoryData<string> Examples => [.. RepositoryPaths.ExampleNames()];

    [Fact]
    [Trait("fact", "issue #7: the reach matrix agrees with a trace per packet class")]
    public void Shared_walks_equal_the_tracers_on_the_generated_estate()
    {
        var shared = AssertSharedWalksAgree(_fixture.Estate);

        Assert.True(shared > 0, "no walk was shared: the test would check nothing");
    }

    [Theory]
    [MemberData(nameof(Examples))]
    [Trait("fact", "issue #7: the reach matrix agrees with a trace per packet class")]
    public void Shared_walks_equal_the_tracers_on_an_example(string example)
    {
        AssertSharedWalksAgree(ExampleEstates.Read(example));
    }

    /// <summary>How many walks were shared.</summary>
    private static int AssertSharedWalksAgree(Estate estate)
    {
        var analysis = NetworkAnalysis.Compile(estate);
        var tracer = new Tracer(analysis);
        var paths = new PermissivePaths(analysis, tracer);
        var resolver = new SelectorResolver(estate);
        var destinations = resolver.AllDestinations()
            .SelectMany(d => d.Addresses.V4.Intervals.ToArray().Select(i => IpAddress.FromV4(i.First)))
            .Append(IpAddress.Parse("8.8.8.8"))
            .Distinct()
            .ToList();

        // Senders of one subnet after another, as the matrix asks them.
        foreach (var source in resolver.AllSources().OrderBy(s => s.Group, StringComparer.Ordinal))
        {
            Assert.True(source.Addresses.TryGetFirst(out var from));
            foreach (var destination in destinations)
            {
                var packet = Packet.Create(SecurityProtocol.Tcp, from, 1024, destination, 443);
                var expected = tracer.OutcomeIgnoringFilters(source.Endpoint, packet);

                var actual = paths.Walk(source.Endpoint, packet);

                Assert.Equal(Describe(expected), Describe(actual));
                Assert.Equal(packet, actual.Packet);
                Assert.Equal(source.Endpoint, actual.Source);
            }
        }

        return paths.SharedWalks;
    }

    private static string Describe(Trace trace) =>
        trace.Disposition + ": " + string.Join(" | ", trace.Hops.Select(h => $"{h.Kind} {h.ResourceId} [{string.Join(", ", h.Steps)}]"))
        + " notes: " + string.Join("; ", trace.Notes.Select(n => n.Code + " " + n.Message));
}
