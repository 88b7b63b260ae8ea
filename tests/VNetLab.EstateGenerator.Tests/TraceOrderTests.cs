using VNetLab.Addressing;
using VNetLab.Analysis;
using VNetLab.Analysis.Policies;
using VNetLab.Analysis.Tracing;
using VNetLab.Model;
using VNetLab.Security;
using VNetLab.Testing;

namespace VNetLab.EstateGenerator.Tests;

/// <summary>
/// Issue #7: a walk reuses the working lists of the walk before it on the same thread (<c>WalkScratch</c>). A trace
/// must not depend on which traces came before it: every NIC's traces to every destination of every example, taken in
/// one order and then in the reverse order by a fresh tracer, must be the same hop for hop, step for step and note for
/// note, in every kind of walk the engine makes.
/// </summary>
[Collection(TinyEstateFixture.Collection)]
public sealed class TraceOrderTests
{
    private readonly TinyEstateFixture _fixture;

    public TraceOrderTests(TinyEstateFixture fixture) => _fixture = fixture;

    public static TheoryData<string> Examples => [.. RepositoryPaths.ExampleNames()];

    [Fact]
    [Trait("fact", "issue #7: a trace is the same whatever was traced before it")]
    public void Traces_do_not_depend_on_the_traces_before_them_on_the_generated_estate()
    {
        var (traces, withNotes) = AssertOrderDoesNotMatter(_fixture.Estate);

        Assert.True(traces > 0, "no trace was made: the test would check nothing");
        Assert.True(withNotes > 0, "no trace had notes: a note kept from the walk before would go unseen");
    }

    [Theory]
    [MemberData(nameof(Examples))]
    [Trait("fact", "issue #7: a trace is the same whatever was traced before it")]
    public void Traces_do_not_depend_on_the_traces_before_them_on_an_example(string example)
    {
        AssertOrderDoesNotMatter(ExampleEstates.Read(example));
    }

    private static (int Traces, int WithNotes) AssertOrderDoesNotMatter(Estate estate)
    {
        var analysis = NetworkAnalysis.Compile(estate);
        var destinations = new SelectorResolver(estate).AllDestinations()
            .Select(d => d.Addresses.V4.Intervals.ToArray() is [var first, ..] ? IpAddress.FromV4(first.First) : (IpAddress?)null)
            .OfType<IpAddress>()
            .Append(IpAddress.Parse("8.8.8.8"))
            .Distinct()
            .Take(40)
            .ToArray();
        var questions = estate.NetworkInterfaces.Take(40)
            .SelectMany(nic => nic.IpConfigurations.Select(c => c.PrivateIpAddress).OfType<IpAddress>().Take(1)
                .SelectMany(source => destinations.Select(destination =>
                    (Endpoint: TraceEndpoint.Of(nic), Packet: Packet.Create(SecurityProtocol.Tcp, source, 50000, destination, 443)))))
            .ToArray();

        var inOrder = Signatures(new Tracer(analysis), questions);
        var reversed = Signatures(new Tracer(analysis), [.. questions.Reverse()]);
        reversed.Reverse();

        Assert.Equal(inOrder.Count, reversed.Count);
        for (var i = 0; i < inOrder.Count; i++)
        {
            Assert.Equal(inOrder[i], reversed[i]);
        }

        return (inOrder.Count, inOrder.Count(s => s.Contains("note ", StringComparison.Ordinal)));
    }

    // Each question asked of every kind of walk, one after another on this thread: the full trace both ways, the
    // permissive trace, and the brief outcomes the reach matrix and the policies use.
    private static List<string> Signatures(Tracer tracer, IReadOnlyList<(TraceEndpoint Endpoint, Packet Packet)> questions)
    {
        var signatures = new List<string>();
        foreach (var (endpoint, packet) in questions)
        {
            var both = tracer.TraceBothWays(endpoint, packet);
            var traces = new[]
            {
                both.Forward,
                both.Return,
                tracer.TraceIgnoringFilters(endpoint, packet),
                tracer.Outcome(endpoint, packet),
                tracer.OutcomeIgnoringFilters(endpoint, packet),
            };
            signatures.Add(string.Join(" | ", traces.Select(Signature)));
        }

        return signatures;
    }

    private static string Signature(Trace? trace) => trace is null
        ? "none"
        : $"{trace.Disposition}: "
            + string.Join(", ", trace.Hops.Select(h => $"{h.Kind} {h.ResourceId} [{string.Join("; ", h.Steps.Select(s => s.ToString()))}]"))
            + string.Concat(trace.Notes.Select(n => $" note {n.Code} {n.ResourceId} {n.Message}"));
}
