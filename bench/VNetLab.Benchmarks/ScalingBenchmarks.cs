using BenchmarkDotNet.Attributes;
using VNetLab.Analysis;
using VNetLab.Arm.Import;
using VNetLab.Model;
using VNetLab.Routing;
using VNetLab.Security;
using VNetLab.Testing.Reference;
using VNetLab.Validation;

namespace VNetLab.Benchmarks;

/// <summary>
/// The same work on estates 1×, 4× and 16× the size (64, 256 and 1,024 VNets; everything per spoke equal),
/// to measure how cost grows: the exponent is log(t16 / t1) / log 16, and 1.0 is linear.
/// </summary>
[MemoryDiagnoser]
public class ScalingBenchmarks
{
    private string _folder = string.Empty;
    private Estate _estate = Estate.Empty;
    private SecurityOptions _securityOptions = SecurityOptions.Default;

    [Params(1, 4, 16)]
    public int Factor { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var name = "scale-" + Factor.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _folder = BenchmarkEstates.Folder(name);
        _estate = BenchmarkEstates.Import(name);
        _securityOptions = SecurityRoutingInputs.WithRouting(SecurityOptions.Default, RoutingCompiler.Compile(_estate));
    }

    [Benchmark]
    public Estate Import() => EstateReader.Read([_folder]).Estate;

    [Benchmark]
    public int Validate() => Validator.Default.Validate(_estate).Length;

    [Benchmark]
    public CompiledRouting RoutingCompile() => RoutingCompiler.Compile(_estate);

    [Benchmark]
    public int SecurityCompileAllNics()
    {
        var security = SecurityCompiler.Compile(_estate, _securityOptions);
        return _estate.NetworkInterfaces.Sum(n => security.For(n).Associations.Length);
    }

    [Benchmark]
    public int ReferenceAllEffectiveRoutes() => new ReferenceRouting(_estate).AllSubnets().Sum(s => s.Routes.Count);
}
