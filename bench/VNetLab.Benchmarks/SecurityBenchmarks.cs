using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using VNetLab.Model;
using VNetLab.Testing.Reference;

namespace VNetLab.Benchmarks;

/// <summary>
/// Preparing NICs' NSG rules, and IP flow verify queries, with the reference evaluator as the baseline
/// (parsed rules scanned in priority order). The security engine's methods join each category when it lands.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class SecurityBenchmarks
{
    private ReferenceSecurity _reference = new(new ReferenceRouting(Estate.Empty));
    private FlowQuery[] _queries = [];
    private NetworkInterface[] _nics = [];
    private ReferenceSecurity.PreparedNetworkInterface[] _prepared = [];

    [ParamsSource(nameof(Sizes))]
    public string Size { get; set; } = "small";

    public static IEnumerable<string> Sizes => BenchmarkSizes.Selected;

    [GlobalSetup]
    public void Setup()
    {
        var estate = BenchmarkEstates.Import(Size);
        _reference = new ReferenceSecurity(new ReferenceRouting(estate));
        _queries = QuerySets.Flow(estate);
        _nics = [.. _queries.Select(q => q.Nic).Distinct()];
        var prepared = _nics.ToDictionary(n => n.Id, _reference.Prepare);
        _prepared = [.. _queries.Select(q => prepared[q.Nic.Id])];
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = QuerySets.Sources)]
    [BenchmarkCategory("security rules, per NIC")]
    public int ReferencePrepareNic()
    {
        var rules = 0;
        foreach (var nic in _nics)
        {
            rules += _reference.Prepare(nic).OwnAddresses.Count;
        }

        return rules;
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
}
