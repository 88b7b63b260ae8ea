using BenchmarkDotNet.Attributes;
using VNetLab.Arm.Contracts;
using VNetLab.Arm.Import;
using VNetLab.Model;

namespace VNetLab.Benchmarks;

/// <summary>Reading an estate folder into the model (what every command does first), and the inventory of <c>vnetlab inspect</c>.</summary>
[MemoryDiagnoser]
public class ImportBenchmarks
{
    private string _folder = string.Empty;
    private Estate _estate = Estate.Empty;

    [ParamsSource(nameof(Sizes))]
    public string Size { get; set; } = "small";

    public static IEnumerable<string> Sizes => BenchmarkSizes.Selected;

    [GlobalSetup]
    public void Setup()
    {
        _folder = BenchmarkEstates.Folder(Size);
        _estate = BenchmarkEstates.Import(Size);
    }

    [Benchmark]
    public Estate Import() => EstateReader.Read([_folder]).Estate;

    [Benchmark]
    public InventoryDocument Inspect() => InventoryDocument.From(_estate);
}
