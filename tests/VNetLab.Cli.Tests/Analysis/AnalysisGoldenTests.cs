using VNetLab.Testing;

namespace VNetLab.Cli.Tests.Analysis;

/// <summary>
/// Golden files of <c>trace</c>, <c>reach</c>, <c>verify</c> and <c>diff</c> on the seed examples (STYLE.md 6.6): the whole
/// output, so any change in hops, steps, notes, classes or wording shows up in review. VNETLAB_UPDATE_GOLDEN=1 rewrites them.
/// In the commands, <c>@NAME</c> stands for <c>examples/NAME/estate</c> and <c>@NAME/FILE</c> for <c>examples/NAME/FILE</c>.
/// </summary>
public sealed class AnalysisGoldenTests
{
    public static TheoryData<string, string[]> Cases() => new()
    {
        { "two-hub-final.trace-vdi-internet.txt", ["trace", "@000-two-hub-final", "--from", "vdi-w10-001-nic01", "--to", "93.184.216.34"] },
        { "two-hub-final.trace-app-internet.json", ["trace", "@000-two-hub-final", "--from", "app001-vm01", "--to", "internet", "--format", "json"] },
        { "two-hub-final.trace-onprem-derog.txt", ["trace", "@000-two-hub-final", "--from", "10.1.2.3", "--to", "derog001-vm01-nic01", "--protocol", "Icmp"] },
        { "two-hub-final.verify.txt", ["verify", "@000-two-hub-final", "--policy", "@000-two-hub-final/policies.yaml"] },
        { "two-hub-final.reach.txt", ["reach", "@000-two-hub-final"] },
        { "dmz-only-internal-networks.verify.json", ["verify", "@001-dmz-only-internal-networks", "--policy", "@001-dmz-only-internal-networks/policies.yaml", "--format", "json"] },
        { "dmz-only-internal-networks.reach.json", ["reach", "@001-dmz-only-internal-networks", "--format", "json"] },
        { "vpn-in-vdi-vnet.diff.txt", ["diff", "@000-vpn-in-vdi-vnet-no-remote-gateways", "@000-vpn-in-vdi-vnet"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Output_matches_the_golden_file(string golden, string[] command)
    {
        var result = CliRunner.Run([.. command.Select(Expand)]);
        // Notes name the files they were read from; the checkout's own path must not leak into the golden file.
        var actual = $"$ vnetlab {string.Join(' ', command)}\nexit {result.ExitCode}\n--- stdout\n{result.Stdout}--- stderr\n{result.Stderr}"
            .Replace(RepositoryPaths.Root, "<repo>", StringComparison.Ordinal);
        Golden.AssertMatches(Path.Combine(RepositoryPaths.Root, "tests", "VNetLab.Cli.Tests", "Analysis", "expected", golden), actual);
    }

    private static string Expand(string argument)
    {
        if (!argument.StartsWith('@'))
        {
            return argument;
        }

        var parts = argument[1..].Split('/', 2);
        return parts.Length == 1 ? Path.Combine(RepositoryPaths.Example(parts[0]), "estate") : Path.Combine(RepositoryPaths.Example(parts[0]), parts[1]);
    }
}
