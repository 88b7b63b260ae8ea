using VNetLab.Testing;

namespace VNetLab.Cli.Tests.Security;

/// <summary><c>vnetlab nsg-audit</c> on a test estate with one of each finding, on a clean one, and on the examples.</summary>
public sealed class NsgAuditCommandTests
{
    private static string Fixture(string name) => Path.Combine(RepositoryPaths.Root, "tests", "VNetLab.Cli.Tests", "Fixtures", "nsg-audit", name);

    [Fact]
    [Trait("fact", "issue #5: nsg-audit finds each kind of finding")]
    public void Finds_every_kind_of_finding_and_exits_1()
    {
        var result = CliRunner.Run("nsg-audit", Fixture("findings"), "--format", "json");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stderr);
        foreach (var (code, resource) in new[]
        {
            ("VNL6100", "securityRules/allow-ssh-from-partner"),
            ("VNL6101", "securityRules/allow-vnet-again"),
            ("VNL6102", "securityRules/allow-ssh-from-anywhere"),
            ("VNL6102", "securityRules/allow-rdp-two-halves"),
            ("VNL6103", "securityRules/allow-winrm-from-office"),
            ("VNL6104", "networkSecurityGroups/nsg-forgotten"),
            ("VNL6105", "applicationSecurityGroups/asg-unused"),
            ("VNL6106", "subnets/snet-app"),
            ("VNL6106", "subnets/snet-empty"),
            ("VNL6107", "networkInterfaces/app-nic"),
        })
        {
            Assert.Matches($"\"code\": \"{code}\",[^}}]*\"resourceId\": \"[^\"]*/{resource}\"", result.Stdout);
        }

        Assert.DoesNotContain("GatewaySubnet", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("fact", "issue #5: each finding names the rule(s) and one example packet")]
    public void Findings_name_the_rules_and_an_example_packet()
    {
        var json = CliRunner.Run("nsg-audit", Fixture("findings"), "--format", "json").Stdout;
        var text = CliRunner.Run("nsg-audit", Fixture("findings")).Stdout;

        Assert.Contains("allow-ssh-from-partner (Inbound, priority 130, Allow) can never match: every packet it covers is decided first by securityRules/allow-ssh-from-anywhere. Example: Tcp 203.0.113.0:0 -> 10.50.1.0:22",
            json, StringComparison.Ordinal);
        Assert.Contains("allows Tcp port 3389 from the whole Internet (source written as 0.0.0.0/1 + 128.0.0.0/1)", json, StringComparison.Ordinal);
        Assert.Contains("2 error(s), 5 warning(s), 3 note(s)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Severity_sets_what_is_reported_and_what_fails()
    {
        var errorsOnly = CliRunner.Run("nsg-audit", Fixture("findings"), "--format", "json", "--severity", "error");

        Assert.Equal(1, errorsOnly.ExitCode);
        Assert.DoesNotContain("VNL6101", errorsOnly.Stdout, StringComparison.Ordinal);
        Assert.Contains("VNL6102", errorsOnly.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("fact", "issue #5: nsg-audit stays quiet on a clean estate")]
    public void A_clean_estate_has_no_finding_and_exits_0()
    {
        var result = CliRunner.Run("nsg-audit", Fixture("clean"), "--format", "json");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("\"diagnostics\": []", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("fact", "SEED 001 (OnlyInternalNetworks)")]
    public void The_seed_001_DMZ_estate_is_clean()
    {
        var result = CliRunner.Run("nsg-audit", Path.Combine(RepositoryPaths.Example("001-dmz-only-internal-networks"), "estate"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("0 error(s), 0 warning(s), 0 note(s)", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Sarif_lists_each_finding_with_its_code_as_rule_id()
    {
        var result = CliRunner.Run("nsg-audit", Fixture("findings"), "--format", "sarif", "--severity", "error");

        Assert.Equal(1, result.ExitCode);
        using var sarif = System.Text.Json.JsonDocument.Parse(result.Stdout);
        var run = sarif.RootElement.GetProperty("runs")[0];
        Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
        Assert.Equal(["VNL6102", "VNL6102"], run.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("ruleId").GetString()));
        Assert.Equal("VNL6102", Assert.Single(run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray()).GetProperty("id").GetString());
    }
}
