using BenchmarkDotNet.Attributes;
using VNetLab.Analysis;
using VNetLab.Analysis.Policies;
using VNetLab.Analysis.Reachability;
using VNetLab.Analysis.Tracing;
using VNetLab.Model;
using VNetLab.Security;

namespace VNetLab.Benchmarks;

/// <summary>
/// What composes the engines: compiling routing and security for analysis, tracing a packet hop by hop, and the
/// reachability matrix, measured per source subnet (one row of the matrix against every subnet, site and the
/// Internet), so the whole matrix costs that times the number of workload subnets.
/// </summary>
/// <remarks>No reference baseline: the reference engine has no traces or packet sets.</remarks>
[MemoryDiagnoser]
public class AnalysisBenchmarks
{
    /// <summary>Source subnets per reachability invocation.</summary>
    public const int ReachSources = 2;

    /// <summary>Traces per invocation (the outbound flows of the seeded flow set, up to this many).</summary>
    public const int Traces = 200;

    private Estate _estate = Estate.Empty;
    private NetworkAnalysis _analysis = NetworkAnalysis.Compile(Estate.Empty);
    private Tracer _tracer = new(NetworkAnalysis.Compile(Estate.Empty));
    private ReachabilityMatrix _matrix = new(NetworkAnalysis.Compile(Estate.Empty));
    private (TraceEndpoint Source, Packet Packet)[] _traces = [];
    private EndpointSelector[] _sources = [];

    [ParamsSource(nameof(Sizes))]
    public string Size { get; set; } = "small";

    public static IEnumerable<string> Sizes => BenchmarkSizes.Selected;

    [GlobalSetup]
    public void Setup()
    {
        _estate = BenchmarkEstates.Import(Size);
        _analysis = NetworkAnalysis.Compile(_estate);
        _tracer = new Tracer(_analysis);
        _matrix = new ReachabilityMatrix(_analysis);
        _traces = [.. QuerySets.Flow(_estate)
            .Where(q => q.Direction == SecurityRuleDirection.Outbound)
            .Take(Traces)
            .Select(q => (TraceEndpoint.Of(q.Nic), Packet.ForDirection(q.Direction,
                q.Protocol == "Udp" ? SecurityProtocol.Udp : SecurityProtocol.Tcp, q.Local, q.LocalPort, q.Remote, q.RemotePort)))];
        if (_traces.Length != Traces)
        {
            throw new InvalidOperationException($"The flow set has {_traces.Length} outbound flows, fewer than {Traces}.");
        }

        var random = new Random(BenchmarkEstates.Seed);
        _sources = [.. _estate.AllSubnets
            .Where(p => p.VirtualNetwork.Name.StartsWith("vnet-spoke-", StringComparison.Ordinal))
            .OrderBy(p => p.Subnet.Id).ToList().OrderBy(_ => random.Next()).Take(ReachSources)
            .Select(p => new EndpointSelector(SelectorKind.Subnet, SelectorResolver.Label(p.VirtualNetwork, p.Subnet)))];
    }

    /// <summary>Routing, then security with routing's gateway prefixes, then the address index: what every analysis command builds first.</summary>
    [Benchmark]
    public NetworkAnalysis Compile() => NetworkAnalysis.Compile(_estate);

    [Benchmark(OperationsPerInvoke = Traces)]
    public int TracePerQuery()
    {
        var hops = 0;
        foreach (var (source, packet) in _traces)
        {
            hops += _tracer.Trace(source, packet).Hops.Length;
        }

        return hops;
    }

    [Benchmark(OperationsPerInvoke = ReachSources)]
    public int ReachabilityPerSourceSubnet()
    {
        var rows = 0;
        foreach (var source in _sources)
        {
            rows += _matrix.Compute(from: source).Length;
        }

        return rows;
    }
}
