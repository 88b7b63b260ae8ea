using BenchmarkDotNet.Running;
using VNetLab.Benchmarks;

// dotnet run -c Release --project bench/VNetLab.Benchmarks -- --filter '*' [--job short] [--sizes small,medium]
// dotnet run -c Release --project bench/VNetLab.Benchmarks -- --loop validate|security ESTATE COUNT   (for a profiler)
// dotnet run -c Release --project bench/VNetLab.Benchmarks -- --exponent validate|security ROUNDS   (1x/4x/16x interleaved)
if (ProfilerLoop.IsRequested(args))
{
    return ProfilerLoop.Run(args);
}

if (ExponentRounds.IsRequested(args))
{
    return ExponentRounds.Run(args);
}

BenchmarkSwitcher.FromAssembly(typeof(BenchmarkEstates).Assembly).Run(BenchmarkSizes.Apply(args));
return 0;
