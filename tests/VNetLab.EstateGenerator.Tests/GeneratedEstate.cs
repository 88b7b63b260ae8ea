using System.Security.Cryptography;
using VNetLab.Arm.Import;

namespace VNetLab.EstateGenerator.Tests;

/// <summary>An estate generated into a temporary folder for one test, deleted afterwards.</summary>
internal sealed class GeneratedEstate : IDisposable
{
    /// <summary>Small enough for a unit test (14 VNets), yet every feature and every planted violation is in it.</summary>
    public static EstateGeneratorOptions Tiny { get; } = new()
    {
        Hubs = 2, Spokes = 12, SubnetsPerSpoke = 3, NicsPerSubnet = 2, OnPremisesPrefixes = 60, NsgRules = 16, Udrs = 6, Seed = 7,
    };

    public GeneratedEstate(EstateGeneratorOptions options, int maxDegreeOfParallelism = -1)
    {
        Directory = Path.Combine(Path.GetTempPath(), "vnetlab-generator-tests-" + Guid.NewGuid().ToString("N"));
        Manifest = HubAndSpokeGenerator.Generate(options, Directory, maxDegreeOfParallelism);
    }

    public string Directory { get; }

    public string EstateDirectory => Path.Combine(Directory, HubAndSpokeGenerator.EstateFolder);

    public EstateManifest Manifest { get; }

    public ImportResult Import() => EstateReader.Read([EstateDirectory]);

    /// <summary>Every file (manifest included) as "relative path: SHA-256", sorted: equal lists mean byte-identical output.</summary>
    public IReadOnlyList<string> FileHashes() =>
        [.. System.IO.Directory.EnumerateFiles(Directory, "*", SearchOption.AllDirectories)
            .Select(f => (Path: Path.GetRelativePath(Directory, f).Replace('\\', '/'), Hash: Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .Select(f => $"{f.Path}: {f.Hash}")];

    public void Dispose()
    {
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}
