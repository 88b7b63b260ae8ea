using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using VNetLab.Analysis;
using VNetLab.Model;
using VNetLab.Routing;
using VNetLab.Security;
using VNetLab.Testing.Reference;

namespace VNetLab.Benchmarks;

/// <summary>
/// NIC security compilation and IP flow verify queries: the security engine against the reference evaluator
/// (parsed rules scanned in priority order) as the baseline of each category, in one run on the same NICs and flows.
/// </summary>
/// <remarks>
/// Compilation is measured from a fresh <see cref="CompiledSecurity"/> (application security group members
/// included) for the 200 queried NICs, per NIC; the engine's whole-estate compilation (every NIC) has no
/// baseline, because the reference would take minutes for it.
/// </remarks>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class SecurityBenchmarks
{
    private Estate _estate = Estate.Empty;
    private SecurityOptions _options = SecurityOptions.Default;
    private ReferenceSecurity _reference = new(new ReferenceRouting(Estate.Empty));
    private FlowQuery[] _queries = [];
    private NetworkInterface[] _nics = [];
    private ReferenceSecurity.PreparedNetworkInterface[] _prepared = [];
    private NetworkInterfaceSecurity[] _compiled = [];
    private Packet[] _packets = [];

    [ParamsSource(nameof(Sizes))]
    public string Size { get; set; } = "small";

    public static IEnumerable<string> Sizes => BenchmarkSizes.Selected;

    [GlobalSetup]
    public void Setup()
    {
        _estate = BenchmarkEstates.Import(Size);

        // Security takes the gateway-learned part of the VirtualNetwork tag from routing, as the CLI does.
        _options = SecurityRoutingInputs.WithRouting(SecurityOptions.Default, RoutingCompiler.Compile(_estate));
        _reference = new ReferenceSecurity(new ReferenceRouting(_estate));
        _queries = QuerySets.Flow(_estate);
        _nics = [.. _queries.Select(q => q.Nic).Distinct()];
        var prepared = _nics.ToDictionary(n => n.Id, _reference.Prepare);
        _prepared = [.. _queries.Select(q => prepared[q.Nic.Id])];
        var security = SecurityCompiler.Compile(_estate, _options);
        _compiled = [.. _queries.Select(q => security.For(q.Nic))];
        _packets = [.. _queries.Select(q => Packet.ForDirection(q.Direction, SecurityProtocolOf(q.Protocol), q.Local, q.LocalPort, q.Remote, q.RemotePort))];
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = QuerySets.Sources)]
    [BenchmarkCategory("security rules, per NIC")]
    public int ReferencePrepareNic()
    {
        var addresses = 0;
        foreach (var nic in _nics)
        {
            addresses += _reference.Prepare(nic).OwnAddresses.Count;
        }

        return addresses;
    }

    [Benchmark(OperationsPerInvoke = QuerySets.Sources)]
    [BenchmarkCategory("security rules, per NIC")]
    public int EngineCompileNic()
    {
        var security = SecurityCompiler.Compile(_estate, _options);
        var associations = 0;
        foreach (var nic in _nics)
        {
            associations += security.For(nic).Associations.Length;
        }

        return associations;
    }

    /// <summary>Every NIC of the estate compiled (NSGs shared between subnets with the same VirtualNetwork tag).</summary>
    [Benchmark]
    [BenchmarkCategory("security rules, all NICs")]
    public int EngineCompileAllNics()
    {
        var security = SecurityCompiler.Compile(_estate, _options);
        var associations = 0;
        foreach (var nic in _estate.NetworkInterfaces)
        {
            associations += security.For(nic).Associations.Length;
        }

        return associations;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = QuerySets.QueryCount)]
    [BenchmarkCategory("flow verdict, per query")]
    public int ReferenceFlow()
    {
        var allowed = 0;
        for (var i = 0; i < _queries.Length; i++)
        {
            var q = _queries[i];
            if (_prepared[i].Verify(q.Direction, q.Protocol, q.Local, q.LocalPort, q.Remote, q.RemotePort).Access == SecurityRuleAccess.Allow)
            {
                allowed++;
            }
        }

        return allowed;
    }

    [Benchmark(OperationsPerInvoke = QuerySets.QueryCount)]
    [BenchmarkCategory("flow verdict, per query")]
    public int EngineFlow()
    {
        var allowed = 0;
        for (var i = 0; i < _queries.Length; i++)
        {
            if (_compiled[i].Evaluate(_queries[i].Direction, _packets[i]).IsAllowed)
            {
                allowed++;
            }
        }

        return allowed;
    }

    private static SecurityProtocol SecurityProtocolOf(string protocol) =>
        SecurityProtocolExtensions.TryParse(protocol, out var parsed) ? parsed : throw new ArgumentException(protocol, nameof(protocol));
}
