using System.Text.Json;
using VNetLab.Testing;

namespace VNetLab.Cli.Tests.Security;

/// <summary><c>vnetlab security-rules --nic</c>: Azure's effective security rules shape, on the seed 001 DMZ estate.</summary>
public sealed class SecurityRulesCommandTests
{
    private static readonly string Dmz = Path.Combine(RepositoryPaths.Example("001-dmz-only-internal-networks"), "estate");

    [Fact]
    [Trait("fact", "semantics.md 1.5")]
    public void Json_is_the_effective_NSG_list_with_prefixed_names_and_Azure_normalisations()
    {
        var result = CliRunner.Run("security-rules", Dmz, "--nic", "dmzweb01-nic01", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var group = Assert.Single(json.RootElement.GetProperty("value").EnumerateArray());
        Assert.EndsWith("/networkSecurityGroups/OnlyInternalNetworks", group.GetProperty("networkSecurityGroup").GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("/subnets/snet-dmz-workload", group.GetProperty("association").GetProperty("subnet").GetProperty("id").GetString(), StringComparison.Ordinal);
        var rules = group.GetProperty("effectiveSecurityRules").EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString() ?? "");
        Assert.Equal(13, rules.Count);

        var noInternet = rules["securityRules/NoInternet"];
        Assert.Equal("All", noInternet.GetProperty("protocol").GetString());
        Assert.Equal("0-65535", noInternet.GetProperty("destinationPortRange").GetString());
        Assert.Equal("0.0.0.0/0", noInternet.GetProperty("sourceAddressPrefix").GetString());
        Assert.Equal("Internet", noInternet.GetProperty("destinationAddressPrefix").GetString());
        Assert.Equal(76, noInternet.GetProperty("expandedDestinationAddressPrefix").GetArrayLength());
        Assert.Equal(0, noInternet.GetProperty("expandedSourceAddressPrefix").GetArrayLength());
        Assert.Equal(("Deny", 130, "Outbound"),
            (noInternet.GetProperty("access").GetString(), noInternet.GetProperty("priority").GetInt32(), noInternet.GetProperty("direction").GetString()));

        Assert.Equal("", result.Stderr);
    }

    [Fact]
    [Trait("fact", "semantics.md 4.5")]
    public void VirtualNetwork_includes_the_peered_hub_and_the_on_premises_prefixes_the_gateway_learned()
    {
        var result = CliRunner.Run("security-rules", Dmz, "--nic", "dmzweb01-nic01", "--format", "json");

        using var json = JsonDocument.Parse(result.Stdout);
        var vnet = json.RootElement.GetProperty("value")[0].GetProperty("effectiveSecurityRules").EnumerateArray()
            .Single(r => r.GetProperty("name").GetString() == "defaultSecurityRules/AllowVnetInBound");

        // VNet space, the hub peered through vnet-dmz-weu-to-vnet-hub-weu, the site's prefixes over ExpressRoute, the host IP.
        Assert.Equal(["10.0.0.0/14", "10.200.0.0/16", "10.210.0.0/16", "168.63.129.16/32", "172.16.0.0/16", "192.168.0.0/16"],
            vnet.GetProperty("expandedSourceAddressPrefix").EnumerateArray().Select(p => p.GetString()));
        Assert.DoesNotContain("VNL9104", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("fact", "semantics.md 1.5")]
    public void Augmented_port_lists_use_the_plural_field_and_single_ports_become_ranges()
    {
        var result = CliRunner.Run("security-rules", Dmz, "--nic", "dmzproxy01-nic01", "--format", "json");

        using var json = JsonDocument.Parse(result.Stdout);
        var webMail = json.RootElement.GetProperty("value")[0].GetProperty("effectiveSecurityRules").EnumerateArray()
            .Single(r => r.GetProperty("name").GetString() == "securityRules/Outbound-Internet-Web-Mail");
        Assert.Equal(JsonValueKind.Null, webMail.GetProperty("destinationPortRange").ValueKind);
        Assert.Equal(["25-25", "80-80", "443-443"], webMail.GetProperty("destinationPortRanges").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal("Tcp", webMail.GetProperty("protocol").GetString());
    }

    [Fact]
    [Trait("fact", "semantics.md 4.5")]
    public void Explain_says_where_each_VirtualNetwork_prefix_comes_from()
    {
        var result = CliRunner.Run("security-rules", Dmz, "--nic", "dmzweb01-nic01", "--explain");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("NSG OnlyInternalNetworks on subnet snet-dmz-workload", result.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"10\.200\.0\.0/16\s+peered through vnet-dmz-weu-to-vnet-hub-weu", result.Stdout);
        Assert.Matches(@"10\.210\.0\.0/16\s+address space of vnet-dmz-weu", result.Stdout);
        Assert.Contains("AzureLoadBalancer: 168.63.129.16/32", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("fact", "semantics.md 4.5")]
    public void A_service_tags_file_expands_more_tags_and_a_bad_one_is_exit_2()
    {
        var sample = Path.Combine(RepositoryPaths.Examples, "service-tags", "ServiceTags_Public.sample.json");
        var good = CliRunner.Run("security-rules", Dmz, "--nic", "dmzweb01-nic01", "--format", "json", "--service-tags", sample);
        var missing = CliRunner.Run("security-rules", Dmz, "--nic", "dmzweb01-nic01", "--service-tags", sample + ".missing");

        Assert.Equal(0, good.ExitCode);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("VNL0003", missing.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_NIC_that_is_not_in_the_estate_is_exit_2_and_a_full_id_works()
    {
        var unknown = CliRunner.Run("security-rules", Dmz, "--nic", "dmzweb01");
        var byId = CliRunner.Run("security-rules", Dmz, "--format", "json", "--nic",
            "/subscriptions/2a8f4c61-7e3b-4d95-b0c2-5f1e9a6d3b87/resourceGroups/rg-dmz-weu/providers/Microsoft.Network/networkInterfaces/DMZWEB01-NIC01");

        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("--nic dmzweb01: the estate has no network interface with this name or id", unknown.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, byId.ExitCode);
        Assert.Contains("OnlyInternalNetworks", byId.Stdout, StringComparison.Ordinal);
    }
}

/// <summary>The security commands document themselves like the others.</summary>
public sealed class SecurityCommandsHelpTests
{
    [Theory]
    [InlineData("security-rules", "--nic")]
    [InlineData("flow", "--direction")]
    [InlineData("nsg-audit", "--severity")]
    public void Each_security_command_has_help(string command, string option)
    {
        var result = CliRunner.Run(command, "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Usage:", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("--format", result.Stdout, StringComparison.Ordinal);
        Assert.Contains(option, result.Stdout, StringComparison.Ordinal);
    }
}
