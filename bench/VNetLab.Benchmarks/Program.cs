using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using VNetLab.Benchmarks;

// dotnet run -c Release --project bench/VNetLab.Benchmarks -- --filter '*' [--job short] [--sizes small,medium]
// dotnet run -c Release --project bench/VNetLab.Benchmarks -- --loop validate|security ESTATE COUNT   (for a profiler)
// dotnet run -c Release --project bench/VNetLab.Benchmarks -- --exponent validate|security ROUNDS   (1x/4x/16x interleaved)
// dotnet run -c Release --project bench/VNetLab.Benchmarks -- --latency   (what a random read costs, by span read)
if (ProfilerLoop.IsRequested(args))
{
    return ProfilerLoop.Run(args);
}

if (ExponentRounds.IsRequested(args))
{
    return ExponentRounds.Run(args);
}

if (MemoryLatency.IsRequested(args))
{
    return MemoryLatency.Run(args);
}

// The collector the product ships: the CLI runs the server GC (VNetLab.Cli.csproj), so every job runs it too, whatever
// job the command line picks, as do --loop and --exponent (ServerGarbageCollection in this project). Until session 13
// the benchmarks ran the workstation collector; docs/performance.md ("Session 13") gives the exponent under both.
var productCollector = DefaultConfig.Instance.AddJob(Job.Default.WithGcServer(true).AsMutator());
BenchmarkSwitcher.FromAssembly(typeof(BenchmarkEstates).Assembly).Run(BenchmarkSizes.Apply(args), productCollector);
return 0;
