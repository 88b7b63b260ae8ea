using System.Collections.Concurrent;
using System.Globalization;
using VNetLab.Arm.Import;
using VNetLab.EstateGenerator;
using VNetLab.Model;

namespace VNetLab.Benchmarks;

/// <summary>
/// The estates benchmarks run on, by name: the presets (small, medium, large) and the scaling series
/// (scale-1, scale-4, scale-16). Each is generated once into a cache folder keyed by its options and the
/// generator's format version, and reused by later runs and by BenchmarkDotNet's child processes.
/// </summary>
public static class BenchmarkEstates
{
    /// <summary>The seed of every benchmark estate; changing it changes every figure in docs/performance.md.</summary>
    public const int Seed = 20_261_122;

    private static readonly ConcurrentDictionary<string, Lazy<string>> _folders = new(StringComparer.Ordinal);

    /// <summary>Where generated estates are kept: <c>VNETLAB_BENCH_CACHE</c>, else a folder under the system temp directory.</summary>
    public static string CacheRoot =>
        Environment.GetEnvironmentVariable("VNETLAB_BENCH_CACHE") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Path.GetTempPath(), "vnetlab-bench-estates");

    public static EstateGeneratorOptions Options(string name)
    {
        var options = name.StartsWith("scale-", StringComparison.Ordinal)
            ? EstateGeneratorOptions.Scaling(int.Parse(name["scale-".Length..], CultureInfo.InvariantCulture))
            : EstateGeneratorOptions.Preset(name) ?? throw new ArgumentException($"Unknown benchmark estate '{name}'.", nameof(name));
        return options with { Seed = Seed };
    }

    /// <summary>The estate folder (the one <c>vnetlab</c> reads), generating it on first use.</summary>
    public static string Folder(string name) => _folders.GetOrAdd(name, n => new Lazy<string>(() => Generate(n))).Value;

    /// <summary>Imports the named estate; benchmarks that do not measure import call this in their setup.</summary>
    public static Estate Import(string name)
    {
        var result = EstateReader.Read([Folder(name)]);
        return result.HasErrors
            ? throw new InvalidOperationException($"The generated estate '{name}' has input errors: {result.Diagnostics[0].Message}")
            : result.Estate;
    }

    private static string Generate(string name)
    {
        var options = Options(name);
        var key = string.Create(CultureInfo.InvariantCulture,
            $"{name}-h{options.Hubs}-s{options.Spokes}-n{options.SubnetsPerSpoke}x{options.NicsPerSubnet}-p{options.OnPremisesPrefixes}-r{options.NsgRules}-u{options.Udrs}-seed{options.Seed}-v{EstateManifest.CurrentFormatVersion}");
        var target = Path.Combine(CacheRoot, key);
        if (File.Exists(Path.Combine(target, HubAndSpokeGenerator.ManifestFile)))
        {
            return Path.Combine(target, HubAndSpokeGenerator.EstateFolder);
        }

        // Generate beside the target and move it into place, so an interrupted run never leaves half an estate behind.
        var staging = target + ".partial-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }

        Directory.CreateDirectory(staging);
        HubAndSpokeGenerator.Generate(options, staging);
        try
        {
            Directory.Move(staging, target);
        }
        catch (IOException) when (File.Exists(Path.Combine(target, HubAndSpokeGenerator.ManifestFile)))
        {
            // Another process finished the same estate first; its copy is byte-identical.
            Directory.Delete(staging, recursive: true);
        }

        return Path.Combine(target, HubAndSpokeGenerator.EstateFolder);
    }
}
