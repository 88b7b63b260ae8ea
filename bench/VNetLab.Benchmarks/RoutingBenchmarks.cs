using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using VNetLab.Model;
using VNetLab.Routing;
using VNetLab.Testing.Reference;

namespace VNetLab.Benchmarks;

/// <summary>
/// Effective routes of every subnet, and next-hop queries: the routing engine against the reference engine
/// (per-subnet tables, linear-scan longest-prefix match) as the baseline of each category, so the engine's
/// speed-up is a ratio measured in the same run on the same estate and the same queries.
/// </summary>
/// <remarks>
/// The reference's all-subnet tables for the large estate (50,000 subnets of about 4,000 routes each, unshared)
/// do not fit a 2-core, shared machine; its compile runs on small and medium, its queries on every size.
/// </remarks>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class RoutingBenchmarks
{
    private Estate _estate = Estate.Empty;
    private ReferenceRouting _reference = new(Estate.Empty);
    private NextHopQuery[] _queries = [];
    private IReadOnlyList<ReferenceRoute>[] _queryRoutes = [];
    private CompiledRouting _compiled = RoutingCompiler.Compile(Estate.Empty);
    private ResourceId[] _querySubnets = [];

    [ParamsSource(nameof(Sizes))]
    public string Size { get; set; } = "small";

    public static IEnumerable<string> Sizes => BenchmarkSizes.Selected;

    [GlobalSetup]
    public void Setup()
    {
        _estate = BenchmarkEstates.Import(Size);
        _reference = new ReferenceRouting(_estate);
        _queries = QuerySets.NextHop(_estate);

        // The compile step of the queried subnets, done once: the query benchmark measures lookups only.
        var tables = new Dictionary<ResourceId, IReadOnlyList<ReferenceRoute>>();
        _queryRoutes = [.. _queries.Select(q => tables.TryGetValue(q.Subnet.Id, out var routes) ? routes : tables[q.Subnet.Id] = _reference.EffectiveRoutes(q.Subnet))];
        _compiled = RoutingCompiler.Compile(_estate);
        _querySubnets = [.. _queries.Select(q => q.Subnet.Id)];
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("effective routes, all subnets")]
    public int ReferenceAllEffectiveRoutes()
    {
        if (Size == "large")
        {
            throw new NotSupportedException("The reference's unshared tables for the large estate need more memory than the benchmark machine has.");
        }

        var rows = 0;
        foreach (var (_, routes) in _reference.AllSubnets())
        {
            rows += routes.Count;
        }

        return rows;
    }

    /// <summary>The engine's compile: every subnet's table, ready for queries (rows are produced on demand).</summary>
    [Benchmark]
    [BenchmarkCategory("effective routes, all subnets")]
    public CompiledRouting EngineCompile() => RoutingCompiler.Compile(_estate);

    /// <summary>Compile, then list every subnet's rows as Azure would: the like-for-like comparison with the reference.</summary>
    [Benchmark]
    [BenchmarkCategory("effective routes, all subnets")]
    public int EngineAllEffectiveRoutes()
    {
        var compiled = RoutingCompiler.Compile(_estate);
        var rows = 0;
        foreach (var subnet in compiled.Subnets)
        {
            rows += subnet.Table.GetRoutes().Length;
        }

        return rows;
    }

    /// <summary>
    /// Compile, then go through every subnet's rows without copying them (<see cref="EffectiveRouteTable.EnumerateRoutes"/>),
    /// as a consumer streaming them out does; each row is read, so the walk cannot be skipped.
    /// </summary>
    [Benchmark]
    [BenchmarkCategory("effective routes, all subnets")]
    public int EngineEnumerateAllEffectiveRoutes()
    {
        var compiled = RoutingCompiler.Compile(_estate);
        var active = 0;
        foreach (var subnet in compiled.Subnets)
        {
            foreach (var route in subnet.Table.EnumerateRoutes())
            {
                if (route.State == EffectiveRouteState.Active)
                {
                    active++;
                }
            }
        }

        return active;
    }

    [Benchmark(OperationsPerInvoke = QuerySets.QueryCount)]
    [BenchmarkCategory("next hop, per query")]
    public int EngineNextHop()
    {
        var found = 0;
        for (var i = 0; i < _queries.Length; i++)
        {
            if (_compiled.TryGetNextHop(_querySubnets[i], _queries[i].Destination, out var hop) && hop.Route is not null)
            {
                found++;
            }
        }

        return found;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = QuerySets.QueryCount)]
    [BenchmarkCategory("next hop, per query")]
    public int ReferenceNextHop()
    {
        var found = 0;
        for (var i = 0; i < _queries.Length; i++)
        {
            if (ReferenceRouting.Lookup(_queryRoutes[i], _queries[i].Destination) is not null)
            {
                found++;
            }
        }

        return found;
    }
}
