using BenchmarkDotNet.Attributes;
using VNetLab.Diagnostics;
using VNetLab.Model;
using VNetLab.Validation;

namespace VNetLab.Benchmarks;

/// <summary><c>vnetlab validate</c> after import: every validation rule over the estate (it finds the four planted violations).</summary>
[MemoryDiagnoser]
public class ValidationBenchmarks
{
    private Estate _estate = Estate.Empty;

    [ParamsSource(nameof(Sizes))]
    public string Size { get; set; } = "small";

    public static IEnumerable<string> Sizes => BenchmarkSizes.Selected;

    [GlobalSetup]
    public void Setup() => _estate = BenchmarkEstates.Import(Size);

    [Benchmark]
    public int Validate() => Validator.Default.Validate(_estate).Count(d => d.Severity == DiagnosticSeverity.Error);
}
