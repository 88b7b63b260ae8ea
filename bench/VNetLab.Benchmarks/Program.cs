using BenchmarkDotNet.Running;
using VNetLab.Benchmarks;

// dotnet run -c Release --project bench/VNetLab.Benchmarks -- --filter '*' [--job short] [--sizes small,medium]
BenchmarkSwitcher.FromAssembly(typeof(BenchmarkEstates).Assembly).Run(BenchmarkSizes.Apply(args));
