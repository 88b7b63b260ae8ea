using System.Text.Json;

namespace VNetLab.Cli.Tests.Commands;

/// <summary><c>vnetlab generate</c> run in-process: arguments, exit codes and the files it writes.</summary>
public sealed class GenerateCommandTests : IDisposable
{
    private static readonly string[] _tiny =
    [
        "--hubs", "2", "--spokes", "4", "--subnets-per-spoke", "2", "--nics-per-subnet", "1",
        "--onprem-prefixes", "20", "--nsg-rules", "8", "--udrs", "3",
    ];

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "vnetlab-cli-generate-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void It_writes_an_estate_that_the_other_commands_read()
    {
        var (exit, stdout, stderr) = Run(["generate", .. _tiny, "--seed", "11", "--no-violations", "--out", _directory]);

        Assert.Equal(0, exit);
        Assert.Empty(stderr);
        Assert.Contains("virtual networks", stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_directory, "manifest.json")));
        Assert.Equal(6, Directory.EnumerateFiles(Path.Combine(_directory, "estate"), "rg-*.json", SearchOption.AllDirectories).Count(f => f.Contains("rg-spoke-", StringComparison.Ordinal) || f.Contains("rg-hub-", StringComparison.Ordinal)));

        var inspect = Run(["inspect", Path.Combine(_directory, "estate"), "--format", "json"]);
        Assert.Equal(0, inspect.Exit);
        Assert.Empty(inspect.Stderr);
        using var inventory = JsonDocument.Parse(inspect.Stdout);
        Assert.Equal(6, inventory.RootElement.GetProperty("counts").GetProperty("Microsoft.Network/virtualNetworks").GetInt32());
    }

    [Fact]
    public void Json_format_prints_the_manifest_with_the_planted_violations()
    {
        var (exit, stdout, _) = Run(["generate", .. _tiny, "--seed", "11", "--out", _directory, "--format", "json"]);

        Assert.Equal(0, exit);
        using var manifest = JsonDocument.Parse(stdout);
        Assert.Equal(11, manifest.RootElement.GetProperty("options").GetProperty("seed").GetInt32());
        Assert.Equal(6, manifest.RootElement.GetProperty("counts").GetProperty("virtualNetworks").GetInt32());
        Assert.Equal(
            ["constraints.md 1.1", "constraints.md 2.3", "constraints.md 6.1", "constraints.md 7.2"],
            manifest.RootElement.GetProperty("violations").EnumerateArray().Select(v => v.GetProperty("constraint").GetString()));
        Assert.Equal(File.ReadAllText(Path.Combine(_directory, "manifest.json")), stdout);
    }

    [Fact]
    public void A_preset_can_be_overridden_option_by_option()
    {
        var (exit, stdout, _) = Run(["generate", "--preset", "small", "--spokes", "3", "--out", _directory, "--format", "json"]);

        Assert.Equal(0, exit);
        using var manifest = JsonDocument.Parse(stdout);
        var options = manifest.RootElement.GetProperty("options");
        Assert.Equal(3, options.GetProperty("spokes").GetInt32());
        Assert.Equal(EstateGenerator.EstateGeneratorOptions.Small.NsgRules, options.GetProperty("nsgRules").GetInt32());
    }

    [Theory]
    [InlineData("--hubs 0", "--hubs is 0; it must be from 1 to 200")]
    [InlineData("--udrs 401", "Azure allows 400 routes per route table")]
    [InlineData("--hubs 1 --spokes 401", "Azure allows 400")]
    [InlineData("--hubs many", "many")]
    [InlineData("--preset huge", "huge")]
    public void Bad_arguments_exit_2_with_a_message(string arguments, string expected)
    {
        var (exit, stdout, stderr) = Run(["generate", .. arguments.Split(' '), "--out", _directory]);

        Assert.Equal(2, exit);
        Assert.Empty(stdout);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_directory, "estate")));
    }

    [Fact]
    public void Out_is_required()
    {
        var (exit, _, stderr) = Run(["generate", "--hubs", "1"]);

        Assert.Equal(2, exit);
        Assert.Contains("--out", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_existing_estate_is_kept_unless_force_is_given()
    {
        Assert.Equal(0, Run(["generate", .. _tiny, "--seed", "11", "--out", _directory]).Exit);
        var bystander = Path.Combine(_directory, "notes.txt");
        File.WriteAllText(bystander, "mine");

        var again = Run(["generate", .. _tiny, "--seed", "12", "--out", _directory]);
        Assert.Equal(2, again.Exit);
        Assert.Contains("--force", again.Stderr, StringComparison.Ordinal);

        var forced = Run(["generate", .. _tiny, "--seed", "12", "--out", _directory, "--force", "--format", "json"]);
        Assert.Equal(0, forced.Exit);
        using var manifest = JsonDocument.Parse(forced.Stdout);
        Assert.Equal(12, manifest.RootElement.GetProperty("options").GetProperty("seed").GetInt32());
        Assert.Equal("mine", File.ReadAllText(bystander));
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static (int Exit, string Stdout, string Stderr) Run(string[] args)
    {
        var result = CliRunner.Run(args);
        Assert.False(result.HasStackTrace);
        return (result.ExitCode, result.Stdout, result.Stderr);
    }
}
