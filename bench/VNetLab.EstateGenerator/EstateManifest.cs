using System.Collections.Immutable;

namespace VNetLab.EstateGenerator;

/// <summary>
/// What a generation produced, written next to the estate as <c>manifest.json</c>: the options (with the
/// seed) that reproduce it, resource counts, the planted platform-rule violations and a few sample NICs.
/// </summary>
public sealed record EstateManifest
{
    public const string GeneratorName = "VNetLab.EstateGenerator";

    /// <summary>Bumped whenever the same options would give different bytes.</summary>
    public const int CurrentFormatVersion = 1;

    public int FormatVersion { get; init; } = CurrentFormatVersion;

    public required EstateGeneratorOptions Options { get; init; }

    /// <summary>The folder, relative to the manifest, holding the ARM JSON files.</summary>
    public string EstateDirectory { get; init; } = HubAndSpokeGenerator.EstateFolder;

    /// <summary>Estate files relative to <see cref="EstateDirectory"/>, '/'-separated, in ordinal order.</summary>
    public required ImmutableArray<string> Files { get; init; }

    public required string ConnectivitySubscription { get; init; }

    public required int LandingZoneSubscriptions { get; init; }

    public required EstateCounts Counts { get; init; }

    public required ImmutableArray<PlatformRuleViolation> Violations { get; init; }

    public required ImmutableArray<SampleNetworkInterface> SampleNetworkInterfaces { get; init; }

    /// <summary>Writes the manifest as the indented JSON of <c>manifest.json</c>.</summary>
    public void WriteTo(Stream stream) => Writing.ManifestWriter.Write(this, stream);
}
