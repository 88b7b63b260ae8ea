using System.Text.Json.Nodes;
using VNetLab.Testing;

namespace VNetLab.Cli.Tests.Analysis;

/// <summary>
/// vnetlab verify on the example policies (issue #6, done when): they pass as given, and a mutated estate — one
/// peering flag flipped, one NSG rule added — makes exactly the right assertion fail, with the right counterexample
/// and blockers.
/// </summary>
public sealed class VerifyCommandTests
{
    private const string TwoHub = "000-two-hub-final";

    private static string Policy(string example) => Path.Combine(RepositoryPaths.Example(example), "policies.yaml");

    private static JsonNode Json(CliResult result) => JsonNode.Parse(result.Stdout) ?? throw new InvalidOperationException(result.Stderr);

    [Theory]
    [InlineData(TwoHub)]
    [InlineData("001-dmz-only-internal-networks")]
    [Trait("fact", "seeds 000 and 001: the designs the authors deployed")]
    public void The_example_policies_hold(string example)
    {
        var result = CliRunner.Run("verify", Path.Combine(RepositoryPaths.Example(example), "estate"), "--policy", Policy(example));

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        Assert.Contains("4 assertion(s) hold.", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("FAIL", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("fact", "semantics.md 3.8")]
    public void Without_useRemoteGateways_the_derogation_spoke_loses_on_premises_and_only_that_assertion_fails()
    {
        using var estate = EstateCopy.Of(TwoHub).Edit("network.json", "derog-vnet001-to-hub-vnet",
            peering => peering["properties"]!["useRemoteGateways"] = false);

        var result = CliRunner.Run("verify", estate.Folder, "--policy", Policy(TwoHub), "--format", "json");

        Assert.Equal(1, result.ExitCode);
        var assertions = Json(result)["assertions"]!.AsArray();
        Assert.Equal(["everyone reaches on-premises via ExpressRoute"],
            assertions.Where(a => !a!["passed"]!.GetValue<bool>()).Select(a => a!["name"]!.GetValue<string>()));
        var failed = assertions.Single(a => !a!["passed"]!.GetValue<bool>())!;
        Assert.Equal("10.121.1.4", failed["counterexample"]!["packet"]!["sourceAddress"]!.GetValue<string>());
        // Without the gateway's routes the on-premises ranges also leave the VirtualNetwork tag, so the NSG's
        // DenyAllOutBound stops the packet first; behind it, the platform None route would drop it anyway.
        Assert.Equal("DeniedByNsgOutbound", failed["counterexample"]!["trace"]!["disposition"]!.GetValue<string>());
        var blockers = failed["blockers"]!.AsArray().Select(b => b!["description"]!.GetValue<string>()).ToList();
        Assert.Contains(blockers, b => b.EndsWith("Deny by defaultSecurityRules/DenyAllOutBound", StringComparison.Ordinal));
        Assert.Contains("route 10.0.0.0/8 (Default, System Route) -> None", blockers);
    }

    [Fact]
    [Trait("fact", "semantics.md 4.3")]
    public void A_deny_rule_on_the_derogation_subnet_fails_the_derogation_assertion_and_names_the_rule()
    {
        using var estate = EstateCopy.Of(TwoHub).Edit("security.json", "nsg-derog-vnet001-snet-derog", nsg =>
        {
            var rules = nsg["properties"]!["securityRules"] as JsonArray ?? [];
            rules.Add(new JsonObject
            {
                ["name"] = "Deny-Web-Outbound",
                ["properties"] = new JsonObject
                {
                    ["protocol"] = "Tcp", ["sourcePortRange"] = "*", ["destinationPortRange"] = "443",
                    ["sourceAddressPrefix"] = "*", ["destinationAddressPrefix"] = "Internet",
                    ["access"] = "Deny", ["priority"] = 300, ["direction"] = "Outbound",
                },
            });
            nsg["properties"]!["securityRules"] = rules;
        });

        var result = CliRunner.Run("verify", estate.Folder, "--policy", Policy(TwoHub));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("FAIL  the derogation spoke reaches the Internet directly", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("PASS  vdi tenant reaches the Internet only via the proxy tunnel", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("PASS  everyone reaches on-premises via ExpressRoute", result.Stdout, StringComparison.Ordinal);
        Assert.Contains(":443 from derog001-vm01-nic01", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Deny by securityRules/Deny-Web-Outbound", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("1 of 4 assertion(s) fail.", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_policy_exits_2_naming_the_file_the_line_and_the_yaml_path()
    {
        var policy = Path.Combine(Path.GetTempPath(), "vnetlab-bad-policy-" + Guid.NewGuid().ToString("N") + ".yaml");
        File.WriteAllText(policy, "assertions:\n  - name: x\n    from: { planet: mars }\n    to: internet\n    expect: reachable\n");
        try
        {
            var result = CliRunner.Run("verify", Path.Combine(RepositoryPaths.Example(TwoHub), "estate"), "--policy", policy);

            Assert.Equal(2, result.ExitCode);
            Assert.Contains($"{policy}:3: $.assertions[0].from.planet: unknown selector", result.Stderr, StringComparison.Ordinal);
            Assert.Empty(result.Stdout);
            Assert.False(result.HasStackTrace);
        }
        finally
        {
            File.Delete(policy);
        }
    }
}
