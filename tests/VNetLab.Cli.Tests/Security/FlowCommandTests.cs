using VNetLab.Testing;

namespace VNetLab.Cli.Tests.Security;

/// <summary><c>vnetlab flow</c>: IP flow verify on the seed 001 DMZ estate (examples/001-dmz-only-internal-networks).</summary>
public sealed class FlowCommandTests
{
    private const string Seed = "SEED 001 (OnlyInternalNetworks)";

    private static readonly string Dmz = Path.Combine(RepositoryPaths.Example("001-dmz-only-internal-networks"), "estate");

    private static CliResult Flow(string nic, string direction, string protocol, string local, string remote, params string[] extra) =>
        CliRunner.Run(["flow", Dmz, "--nic", nic, "--direction", direction, "--protocol", protocol, "--local", local, "--remote", remote, .. extra]);

    [Theory]
    [Trait("fact", Seed)]
    [InlineData("93.184.216.34:443", "Deny", "securityRules/NoInternet")]
    [InlineData("10.1.1.10:445", "Allow", "securityRules/Outbound-10")]
    [InlineData("172.16.4.4:445", "Allow", "securityRules/Outbound-172")]
    [InlineData("192.168.5.5:443", "Allow", "securityRules/Outbound-192")]
    [InlineData("10.200.0.10:3389", "Allow", "securityRules/Outbound-10")]
    public void The_OnlyInternalNetworks_NSG_gives_the_seed_verdicts(string remote, string access, string rule)
    {
        var result = Flow("dmzweb01-nic01", "Outbound", "TCP", "10.210.1.4:50000", remote, "--format", "json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal($"{{\n  \"access\": \"{access}\",\n  \"ruleName\": \"{rule}\"\n}}\n", result.Stdout.ReplaceLineEndings("\n"));
    }

    [Theory]
    [Trait("fact", "examples/001-dmz-only-internal-networks/README.md")]
    [InlineData("93.184.216.34:443", "Allow", "securityRules/Outbound-Internet-Web-Mail")]
    [InlineData("93.184.216.34:22", "Deny", "securityRules/NoOtherInternet")]
    public void The_proxy_subnet_reaches_web_and_mail_only(string remote, string access, string rule)
    {
        var result = Flow("dmzproxy01-nic01", "Outbound", "TCP", "10.210.2.4:50000", remote, "--format", "json");

        Assert.Contains($"\"access\": \"{access}\"", result.Stdout, StringComparison.Ordinal);
        Assert.Contains($"\"ruleName\": \"{rule}\"", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("fact", "semantics.md 1.4")]
    public void Explain_lists_every_rule_in_order_with_the_reason()
    {
        var result = Flow("dmzweb01-nic01", "Outbound", "TCP", "10.210.1.4:50000", "93.184.216.34:443", "--explain");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Stdout.ReplaceLineEndings("\n").Split('\n');
        Assert.Equal("Deny  securityRules/NoInternet", lines[0]);
        Assert.Contains("decided by NSG OnlyInternalNetworks on subnet snet-dmz-workload", result.Stdout, StringComparison.Ordinal);
        var walk = lines.Where(l => l.Contains("securityRules/", StringComparison.Ordinal) && l.Contains(" no: ", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, walk.Count);
        Assert.Contains("100 securityRules/Outbound-10", walk[0], StringComparison.Ordinal);
        Assert.Contains("destination 93.184.216.34 is not in 10.0.0.0/8", walk[0], StringComparison.Ordinal);
        Assert.Matches(@">\s+130 securityRules/NoInternet\s+Deny\s+matched", result.Stdout);
    }

    [Fact]
    [Trait("fact", "semantics.md 4.7")]
    public void ICMP_and_any_protocol_are_accepted_beyond_Azure_TCP_and_UDP()
    {
        var icmp = Flow("dmzweb01-nic01", "Inbound", "ICMP", "10.210.1.4", "8.8.8.8", "--format", "json");
        var any = Flow("dmzweb01-nic01", "Inbound", "*", "10.210.1.4:3389", "10.200.0.5:50000");

        Assert.Contains("defaultSecurityRules/DenyAllInBound", icmp.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, any.ExitCode);
        Assert.Contains("Tcp 10.200.0.5:50000 -> 10.210.1.4:3389", any.Stdout, StringComparison.Ordinal);
        Assert.Contains("Udp 10.200.0.5:50000 -> 10.210.1.4:3389", any.Stdout, StringComparison.Ordinal);
        Assert.Contains("Icmp 10.200.0.5 -> 10.210.1.4", any.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--local", "10.210.9.9:50000", "is not an address of network interface dmzweb01-nic01")]
    [InlineData("--local", "10.210.1.4", "needs ports")]
    [InlineData("--remote", "93.184.216.34:99999", "is not a port")]
    [InlineData("--direction", "Sideways", "give Inbound or Outbound")]
    [InlineData("--protocol", "GRE", "give TCP, UDP, ICMP or *")]
    [InlineData("--nic", "nobody", "the estate has no network interface with this name or id")]
    public void Unusable_arguments_exit_2_with_the_fix(string option, string value, string message)
    {
        var arguments = new Dictionary<string, string>
        {
            ["--nic"] = "dmzweb01-nic01", ["--direction"] = "Outbound", ["--protocol"] = "TCP",
            ["--local"] = "10.210.1.4:50000", ["--remote"] = "93.184.216.34:443",
        };
        arguments[option] = value;

        var result = CliRunner.Run(["flow", Dmz, .. arguments.SelectMany(a => new[] { a.Key, a.Value })]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
        Assert.False(result.HasStackTrace);
    }
}
