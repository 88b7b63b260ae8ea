using BenchmarkDotNet.Attributes;

namespace VNetLab.Benchmarks;

/// <summary>
/// <see cref="ScalingBenchmarks"/>' validation and security compile with the estate's model out of the caches
/// before every operation, at every size. In the warm benchmarks the 1× and 4× models (about 1.5 and 6 MB read per
/// validation) stay in a 32 MiB L3 from one operation to the next and the 16× one (about 24 MB) does not, so
/// their ratio mixes the engine's growth with the cache's size; here every size starts from memory.
/// </summary>
/// <remarks>
/// Before each operation: the caches are evicted (<see cref="CacheEviction"/>), then the same operation runs once
/// on the small preset, so the code, the runtime's tables and the allocator are warm as in any run after the
/// first, and only the model being measured is cold. One operation per iteration, since the setup must come
/// before each.
/// </remarks>
[MemoryDiagnoser]
[InvocationCount(1)]
public class ColdModelScalingBenchmarks
{
    private ScalingEstate _scaling = null!;
    private ScalingEstate _warmer = null!;
    private CacheEviction _eviction = null!;

    [Params(1, 4, 16)]
    public int Factor { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _scaling = ScalingEstate.Scale(Factor);
        _warmer = ScalingEstate.Load("small");
        _eviction = new CacheEviction();
    }

    [IterationSetup(Target = nameof(Validate))]
    public void EvictThenWarmValidation()
    {
        _eviction.Evict();
        _warmer.Validate();
    }

    [IterationSetup(Target = nameof(SecurityCompileAllNics))]
    public void EvictThenWarmSecurity()
    {
        _eviction.Evict();
        _warmer.CompileSecurityOfEveryNic();
    }

    [Benchmark]
    public int Validate() => _scaling.Validate();

    [Benchmark]
    public int SecurityCompileAllNics() => _scaling.CompileSecurityOfEveryNic();
}
