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
/// Issue #7: the matrix reads a sibling's shared walk without copying it (<see cref="PermissivePath"/>), takes the
/// filters on it from the shared walk's, with the sender's NIC first (<see cref="PathFilters"/>), and keeps each NSG
/// part's ports from one target to the next while it matches the same rules (<see cref="PathVerdicts"/>). From every
/// sender of the generated estate and of every example to every destination address, each must give what the sender's
/// own trace gives, and a verdict object reused along the row what a fresh one gives.
/// </summary>
[Collection(TinyEstateFixture.Collection)]
public sealed class SharedPathFiltersTests
{
    private static readonly int[] SourcePorts = [0, 1024, 49152, 65535];

    private readonly TinyEstateFixture _fixture;

    public SharedPathFiltersTests(TinyEstateFixture fixture) => _fixture = fixture;

    public static TheoryData<string> Examples => [.. RepositoryPaths.ExampleNames()];

    [Fact]
    [Trait("fact", "issue #7: the reach matrix agrees with a trace per packet class")]
    public void Shared_paths_give_the_senders_filters_and_verdicts_on_the_generated_estate()
    {
        var (sharedWithFilters, reusedVerdicts) = AssertSharedPathsAgree(_fixture.Estate);

        Assert.True(sharedWithFilters > 0, "no shared walk had filters: the test would check nothing");
        Assert.True(reusedVerdicts > 0, "no verdict reused a part's ports: the test would check nothing");
    }

    [Theory]
    [MemberData(nameof(Examples))]
    [Trait("fact", "issue #7: the reach matrix agrees with a trace per packet class")]
    public void Shared_paths_give_the_senders_filters_and_verdicts_on_an_example(string example)
    {
        AssertSharedPathsAgree(ExampleEstates.Read(example));
    }

    [Fact]
    [Trait("fact", "issue #7: the reach matrix agrees with a trace per packet class")]
    public void One_verdict_object_for_every_row_of_a_worker_gives_what_a_fresh_one_gives()
    {
        // The matrix keeps one verdict object per worker thread across its rows, so the ports it keeps per NSG rule
        // array and rules matched serve other sources and destinations than those that found them.
        var estate = _fixture.Estate;
        var analysis = NetworkAnalysis.Compile(estate);
        var tracer = new Tracer(analysis);
        var pathFilters = new PathFilters(analysis);
        var resolver = new SelectorResolver(estate);
        var destinations = resolver.AllDestinations()
            .SelectMany(d => d.Addresses.V4.Intervals.ToArray().Select(i => IpAddress.FromV4(i.First)))
            .Distinct()
            .ToList();
        var worker = new PathVerdicts(analysis);
        var compared = 0;
        foreach (var source in resolver.AllSources().OrderBy(s => s.Group, StringComparer.Ordinal))
        {
            Assert.True(source.Addresses.TryGetFirst(out var from));
            foreach (var destination in destinations)
            {
                var packet = Packet.Create(SecurityProtocol.Tcp, from, 1024, destination, 443);
                if (pathFilters.FiltersOn(source.Endpoint, tracer.OutcomeIgnoringFilters(source.Endpoint, packet)) is not { Refused: false } filters)
                {
                    continue;
                }

                var expected = Verdicts(new PathVerdicts(analysis).For(filters, from, destination));
                Assert.Equal(expected, Verdicts(worker.For(filters, from, destination)));
                compared++;
            }
        }

        Assert.True(compared > 1000, $"only {compared} verdicts compared: the test would check little");
    }

    /// <summary>How many shared walks had filters, and how many verdicts followed another of the same filters.</summary>
    private static (int SharedWithFilters, int ReusedVerdicts) AssertSharedPathsAgree(Estate estate)
    {
        var analysis = NetworkAnalysis.Compile(estate);
        var tracer = new Tracer(analysis);
        var paths = new PermissivePaths(analysis, tracer);
        var pathFilters = new PathFilters(analysis);
        var resolver = new SelectorResolver(estate);
        var destinations = resolver.AllDestinations()
            .SelectMany(d => d.Addresses.V4.Intervals.ToArray().SelectMany(i => new[] { IpAddress.FromV4(i.First), IpAddress.FromV4(i.Last) }))
            .Append(IpAddress.Parse("8.8.8.8"))
            .Distinct()
            .ToList();
        var sharedWithFilters = 0;
        var reusedVerdicts = 0;

        foreach (var source in resolver.AllSources().OrderBy(s => s.Group, StringComparer.Ordinal))
        {
            Assert.True(source.Addresses.TryGetFirst(out var from));
            var routing = SenderRouting.Of(analysis, source.Endpoint);

            // One verdict object per source row, as the matrix keeps it, against a fresh one per target.
            var reused = new PathVerdicts(analysis);
            PathFilters.OnPath? previous = null;
            foreach (var destination in destinations)
            {
                var packet = Packet.Create(SecurityProtocol.Tcp, from, 1024, destination, 443);
                var expected = tracer.OutcomeIgnoringFilters(source.Endpoint, packet);

                var path = paths.Path(source.Endpoint, routing, packet);

                Assert.Equal(Describe(expected), Describe(path.Trace));
                Assert.Equal(expected.Disposition, path.Disposition);
                Assert.Equal(Describe(expected.LastHop), Describe(path.LastHop));
                var expectedFilters = pathFilters.FiltersOn(source.Endpoint, expected);
                var filters = pathFilters.FiltersOn(source.Endpoint, path);
                Assert.Equal(Describe(expectedFilters), Describe(filters));
                if (path.Shared is not null && filters is not null)
                {
                    sharedWithFilters++;
                }

                if (filters is null)
                {
                    continue;
                }

                reusedVerdicts += previous is not null && previous.Filters.SequenceEqual(filters.Filters) ? 1 : 0;
                previous = filters;
                Assert.Equal(Verdicts(new PathVerdicts(analysis).For(filters, from, destination)), Verdicts(reused.For(filters, from, destination)));
            }
        }

        return (sharedWithFilters, reusedVerdicts);
    }

    private static string Verdicts(PathVerdicts verdicts) => string.Join("; ", ProtocolSet.All.Members.Select(protocol => protocol.HasPorts()
        ? $"{protocol} " + string.Join(" ", SourcePorts.Select(port => $"{port}:{verdicts.AllowedDestinationPorts(protocol, port)}"))
        : $"{protocol} {verdicts.Allows(protocol)}"));

    private static string Describe(PathFilters.OnPath? filters) =>
        filters is null ? "not modelled" : $"{filters.Refused}: " + string.Join(", ", filters.Filters.Select(f => $"{f.Resource.Id} {f.Direction}"));

    private static string Describe(Hop? hop) => hop is null ? "none" : $"{hop.Kind} {hop.ResourceId} [{string.Join(", ", hop.Steps)}]";

    private static string Describe(Trace trace) =>
        trace.Disposition + ": " + string.Join(" | ", trace.Hops.Select(Describe))
        + " notes: " + string.Join("; ", trace.Notes.Select(n => n.Code + " " + n.Message)) + $" from {trace.Source} {trace.Packet}";
}
