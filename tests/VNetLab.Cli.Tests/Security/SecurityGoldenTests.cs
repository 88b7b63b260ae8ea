using VNetLab.Testing;

namespace VNetLab.Cli.Tests.Security;

/// <summary>
/// Golden files of <c>security-rules</c>, <c>flow</c> and <c>nsg-audit</c> on the seed examples (STYLE.md 6.6): the whole
/// output, so any change in rules, verdicts, explanations, notes or wording shows up in review.
/// VNETLAB_UPDATE_GOLDEN=1 rewrites them.
/// </summary>
public sealed class SecurityGoldenTests
{
    private const string Dmz = "001-dmz-only-internal-networks";

    public static TheoryData<string, string, string[]> Cases() => new()
    {
        { "dmz.web.security-rules.explain.txt", Dmz, ["security-rules", "--nic", "dmzweb01-nic01", "--explain"] },
        { "dmz.proxy.security-rules.json", Dmz, ["security-rules", "--nic", "dmzproxy01-nic01", "--format", "json"] },
        { "dmz.web.flow-internet.explain.txt", Dmz,
            ["flow", "--nic", "dmzweb01-nic01", "--direction", "Outbound", "--protocol", "TCP", "--local", "10.210.1.4:50000", "--remote", "93.184.216.34:443", "--explain"] },
        { "dmz.web.flow-onprem.json", Dmz,
            ["flow", "--nic", "dmzweb01-nic01", "--direction", "Outbound", "--protocol", "TCP", "--local", "10.210.1.4:50000", "--remote", "172.16.4.4:445", "--format", "json"] },
        { "dmz.web.flow-from-hub.any.txt", Dmz,
            ["flow", "--nic", "dmzweb01-nic01", "--direction", "Inbound", "--protocol", "*", "--local", "10.210.1.4:3389", "--remote", "10.200.0.5:50000"] },
        { "dmz.proxy.flow-ssh.explain.txt", Dmz,
            ["flow", "--nic", "dmzproxy01-nic01", "--direction", "Outbound", "--protocol", "TCP", "--local", "10.210.2.4:50000", "--remote", "93.184.216.34:22", "--explain"] },
        { "dmz.nsg-audit.txt", Dmz, ["nsg-audit"] },
        { "vpn-gateway-in-hub.nsg-audit.json", "000-vpn-gateway-in-hub", ["nsg-audit", "--format", "json"] },
        { "hub-and-peering.nsg-audit.txt", "001-hub-and-peering", ["nsg-audit", "--severity", "warning"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Output_matches_the_golden_file(string golden, string example, string[] command)
    {
        string[] args = [command[0], Path.Combine(RepositoryPaths.Example(example), "estate"), .. command[1..]];
        var result = CliRunner.Run(args);

        // Findings name the file they point at; keep the goldens free of this machine's checkout path.
        var root = RepositoryPaths.Root + Path.DirectorySeparatorChar;
        result = result with { Stdout = result.Stdout.Replace(root, string.Empty, StringComparison.Ordinal), Stderr = result.Stderr.Replace(root, string.Empty, StringComparison.Ordinal) };
        var actual = $"$ vnetlab {string.Join(' ', command)}  # examples/{example}/estate\nexit {result.ExitCode}\n"
            + $"--- stdout\n{result.Stdout}--- stderr\n{result.Stderr}";
        Golden.AssertMatches(Path.Combine(RepositoryPaths.Root, "tests", "VNetLab.Cli.Tests", "Security", "expected", golden), actual);
    }
}
