using BenchmarkDotNet.Attributes;
using VNetLab.Arm.Import;
using VNetLab.Model;
using VNetLab.Routing;
using VNetLab.Testing.Reference;

namespace VNetLab.Benchmarks;

/// <summary>
/// The same work on estates 1×, 4× and 16× the size (64, 256 and 1,024 VNets; everything per spoke equal),
/// to measure how cost grows: the exponent is log(t16 / t1) / log 16, and 1.0 is linear.
/// </summary>
[MemoryDiagnoser]
public class ScalingBenchmarks
{
    private ScalingEstate _scaling = null!;

    [Params(1, 4, 16)]
    public int Factor { get; set; }

    [GlobalSetup]
    public void Setup() => _scaling = ScalingEstate.Scale(Factor);

    [Benchmark]
    public Estate Import() => EstateReader.Read([_scaling.Folder]).Estate;

    [Benchmark]
    public int Validate() => _scaling.Validate();

    [Benchmark]
    public CompiledRouting RoutingCompile() => RoutingCompiler.Compile(_scaling.Estate);

    [Benchmark]
    public int SecurityCompileAllNics() => _scaling.CompileSecurityOfEveryNic();

    [Benchmark]
    public int ReferenceAllEffectiveRoutes() => new ReferenceRouting(_scaling.Estate).AllSubnets().Sum(s => s.Routes.Count);
}
