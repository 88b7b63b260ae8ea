using System.Text.Json;
using VNetLab.Testing;

namespace VNetLab.Cli.Tests;

/// <summary>
/// <c>vnetlab validate</c> over the seed examples (issue #3: done when): the failures exit 1 with Azure's
/// messages, the successes exit 0, the Office 365 example gives each route-filter error, and the output
/// formats keep their shapes.
/// </summary>
public sealed class ValidateCommandTests
{
    private static string Estate(string example) => Path.Combine(RepositoryPaths.Example(example), "estate");

    private static string Features(string file) =>
        Path.Combine(RepositoryPaths.Example("001-office365-route-filter-standard-circuit"), "features", file);

    private static List<(string Code, string Severity, string Message)> Json(CliResult result)
    {
        using var json = JsonDocument.Parse(result.Stdout);
        return [.. json.RootElement.GetProperty("diagnostics").EnumerateArray()
            .Select(d => (d.GetProperty("code").GetString() ?? "", d.GetProperty("severity").GetString() ?? "", d.GetProperty("message").GetString() ?? ""))];
    }

    [Fact]
    [Trait("fact", "constraints.md 1.1; seed 000 Solution #1")]
    public void Seed000_ProxyVnetWithUseRemoteGateways_Exit1_WithAzuresMessage()
    {
        var result = CliRunner.Run("validate", Estate("000-proxy-vnet-use-remote-gateways"), "--format", "json");
        Assert.Equal(1, result.ExitCode);
        var error = Assert.Single(Json(result), d => d.Severity == "error");
        Assert.Equal("VNL2001", error.Code);
        Assert.StartsWith("Peering vdi-vnet/vdi-vnet-to-proxy-vnet cannot have UseRemoteGateways flag set to true, because another peering /subscriptions/",
            error.Message, StringComparison.Ordinal);
        Assert.EndsWith("/virtualNetworkPeerings/vdi-vnet-to-hub-vnet already has UseRemoteGateways flag set to true.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("fact", "constraints.md 1.3; seed 000 Solution #2")]
    public void Seed000_VpnGatewayInTheVdiVnet_WithRemoteGateways_Exit1()
    {
        var result = CliRunner.Run("validate", Estate("000-vpn-in-vdi-vnet"));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error VNL2003: Peering vdi-vnet/vdi-vnet-to-hub-vnet cannot use the gateways of remote virtual network", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("deploy the VPN gateway in the hub", result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [Trait("fact", "seed 000 Solutions #3, #4 and the final design")]
    [InlineData("000-er-and-vpn-gateways-in-vdi-vnet")]
    [InlineData("000-vpn-gateway-in-hub")]
    [InlineData("000-two-hub-final")]
    public void Seed000_AcceptedDesigns_Exit0(string example)
    {
        var result = CliRunner.Run("validate", Estate(example), "--format", "json");
        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain(Json(result), d => d.Severity == "error");
    }

    [Fact]
    [Trait("fact", "constraints.md 1.4 (the accepted mismatch); seed 000 Solution #2 as deployed")]
    public void Seed000_VpnInVdiVnetWithoutRemoteGateways_IsAccepted_WithTheTransitWarning()
    {
        var result = CliRunner.Run("validate", Estate("000-vpn-in-vdi-vnet-no-remote-gateways"), "--format", "json");
        Assert.Equal(0, result.ExitCode);
        var warning = Assert.Single(Json(result));
        Assert.Equal(("VNL2005", "warning"), (warning.Code, warning.Severity));
        Assert.Contains("/virtualNetworkPeerings/hub-vnet-to-vdi-vnet allows gateway transit", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("fact", "constraints.md 5.1, 5.2; seed 001")]
    public void Seed001_Office365Filter_NotAuthorized_GivesBothRouteFilterErrors()
    {
        var result = CliRunner.Run("validate", Estate("001-office365-route-filter-standard-circuit"), Features("not-authorized.json"), "--format", "json");
        Assert.Equal(1, result.ExitCode);
        var errors = Json(result).Where(d => d.Severity == "error").ToList();
        Assert.Equal(["VNL4007", "VNL4008"], errors.Select(e => e.Code));
        Assert.Equal("The subscription with id '2a8f4c61-7e3b-4d95-b0c2-5f1e9a6d3b87' is not authorized for creating route filters for O365 services. Read more about requesting approval.",
            errors[0].Message);
        Assert.EndsWith(" is not compatible with the route filter. The route filter includes Office 365 communities. The circuit does not have access to Office365.",
            errors[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("fact", "constraints.md 5.2; seed 001")]
    public void Seed001_Office365Filter_Authorized_LeavesThePremiumError()
    {
        var result = CliRunner.Run("validate", Estate("001-office365-route-filter-standard-circuit"), Features("authorized.json"), "--format", "json");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("VNL4008", Assert.Single(Json(result), d => d.Severity == "error").Code);
    }

    [Fact]
    public void Sarif_HasTheRequiredFields_AndTheSameFindings()
    {
        var result = CliRunner.Run("validate", Estate("000-proxy-vnet-use-remote-gateways"), "--format", "sarif");
        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        Assert.True(root.TryGetProperty("$schema", out _));
        var run = root.GetProperty("runs")[0];
        Assert.Equal("VNetLab", run.GetProperty("tool").GetProperty("driver").GetProperty("name").GetString());
        var rule = Assert.Single(run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray());
        Assert.Equal("docs/diagnostics.md#vnl2001", rule.GetProperty("helpUri").GetString());
        var finding = Assert.Single(run.GetProperty("results").EnumerateArray());
        Assert.Equal("VNL2001", finding.GetProperty("ruleId").GetString());
        Assert.Equal("error", finding.GetProperty("level").GetString());
        var location = finding.GetProperty("locations")[0];
        Assert.EndsWith("estate/network.json", location.GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("$[", location.GetProperty("properties").GetProperty("jsonPath").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void SeverityThreshold_HidesLesserFindings_ButErrorsStillSetTheExitCode()
    {
        var all = CliRunner.Run("validate", Estate("001-office365-route-filter-standard-circuit"), "--format", "json");
        var errorsOnly = CliRunner.Run("validate", Estate("001-office365-route-filter-standard-circuit"), "--format", "json", "--severity", "error");
        Assert.Contains(Json(all), d => d.Severity == "info");
        Assert.All(Json(errorsOnly), d => Assert.Equal("error", d.Severity));
        Assert.Equal(1, errorsOnly.ExitCode);
        Assert.Equal(2, CliRunner.Run("validate", Estate("000-two-hub-final"), "--severity", "fatal").ExitCode);
    }

    [Fact]
    public void Text_GroupsByResource_WithTheFixUnderEachDiagnostic_AndNoColourWhenRedirected()
    {
        var result = CliRunner.Run("validate", Estate("001-office365-route-filter-standard-circuit"));
        var lines = result.Stdout.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var header = Array.FindIndex(lines, l => l.EndsWith("/routeFilterRules/AcceptedRoutes", StringComparison.Ordinal));
        Assert.True(header >= 0, result.Stdout);
        Assert.StartsWith("  error VNL4007: The subscription with id", lines[header + 1], StringComparison.Ordinal);
        Assert.Contains(lines.Skip(header + 1).TakeWhile(l => !l.StartsWith("  error VNL4008", StringComparison.Ordinal)), l => l.StartsWith("    fix: ", StringComparison.Ordinal));
        Assert.DoesNotContain("\u001b[", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("2 error(s), 0 warning(s), 1 note(s)", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void UnusableInput_Exit2_MessageOnStderr_AndNoValidationRuns()
    {
        var path = Path.Combine(Path.GetTempPath(), $"vnetlab-validate-bad-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """
            { "type": "Microsoft.Network/virtualNetworks", "name": "v", "properties": { "addressSpace": { "addressPrefixes": ["10.0.0.0/16"] },
              "subnets": [ { "name": "outside", "properties": { "addressPrefix": "10.9.0.0/24",
                "networkSecurityGroup": { "id": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/default/providers/Microsoft.Network/networkSecurityGroups/gone" } } } ] } }
            """);
        try
        {
            var text = CliRunner.Run("validate", path);
            Assert.Equal(2, text.ExitCode);
            Assert.Equal("", text.Stdout);
            Assert.Contains("VNL0010", text.Stderr, StringComparison.Ordinal);
            Assert.Contains("fix: ", text.Stderr, StringComparison.Ordinal);

            var json = CliRunner.Run("validate", path, "--format", "json");
            Assert.Equal(2, json.ExitCode);
            Assert.Equal(["VNL0010"], Json(json).Select(d => d.Code));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
