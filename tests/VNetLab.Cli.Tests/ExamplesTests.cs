using VNetLab.Testing;

namespace VNetLab.Cli.Tests;

/// <summary>Every example estate reads with no input diagnostics through the CLI (issue #2: done when).</summary>
public sealed class ExamplesTests
{
    private static List<string> ExampleNames() =>
        [.. Directory.EnumerateDirectories(RepositoryPaths.Examples)
            .Where(folder => Directory.Exists(Path.Combine(folder, "estate")))
            .Select(Path.GetFileName)
            .OfType<string>()
            .Order(StringComparer.Ordinal)];

    public static TheoryData<string> Examples() => [.. ExampleNames()];

    [Fact]
    public void ThereAreExamplesForBothSeeds()
    {
        var names = ExampleNames();
        Assert.True(names.Count(n => n.StartsWith("000-", StringComparison.Ordinal)) >= 5);
        Assert.True(names.Count(n => n.StartsWith("001-", StringComparison.Ordinal)) >= 4);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Inspect_ReadsTheExampleWithNoInputDiagnostics(string example)
    {
        var result = CliRunner.Run("inspect", Path.Combine(RepositoryPaths.Example(example), "estate"), "--format", "json");
        Assert.Equal("", result.Stderr);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("\"virtualNetworks\"", result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Validate_FindsNoInputDiagnostics(string example)
    {
        var result = CliRunner.Run("validate", Path.Combine(RepositoryPaths.Example(example), "estate"), "--format", "json");
        Assert.DoesNotContain("\"code\": \"VNL0", result.Stdout, StringComparison.Ordinal);
        Assert.NotEqual(2, result.ExitCode);
    }
}
