using VNetLab.Testing;

namespace VNetLab.Cli.Tests;

/// <summary>Exit codes, help and bad input at the command line (CONTRACT.md "Commands").</summary>
public sealed class CommandLineTests
{
    private static string Example(string name) => Path.Combine(RepositoryPaths.Example(name), "estate");

    [Fact]
    public void Version_PrintsTheVersion()
    {
        var result = CliRunner.Run("--version");
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("0.", result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("inspect")]
    public void EveryCommand_HasHelp(string command)
    {
        var result = CliRunner.Run(command, "--help");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Usage:", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("--format", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownCommandOrOption_IsExit2()
    {
        var result = CliRunner.Run("inspect", Example("000-two-hub-final"), "--colour", "purple");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--colour", result.Stderr, StringComparison.Ordinal);
        Assert.False(result.HasStackTrace);
    }

    [Fact]
    public void FormatOutsideItsChoices_IsExit2()
    {
        var result = CliRunner.Run("inspect", Example("000-two-hub-final"), "--format", "xml");
        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public void Inspect_Text_ListsVnetsPeeringsAndGateways()
    {
        var result = CliRunner.Run("inspect", Example("000-vpn-gateway-in-hub"));
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("hub-vnet001 (westeurope) 10.100.0.0/16", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("gateway VPNgw001 Vpn VpnGw1AZ BGP AS65515", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("peering vdi-vnet-to-hub-vnet -> hub-vnet001", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("site proxy-supplier (internet-proxy, AS64512) advertises 0.0.0.0/1, 128.0.0.0/1", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void BadInput_IsExit2_WithFilePathAndFix_AndNoStackTrace()
    {
        var path = Path.Combine(Path.GetTempPath(), $"vnetlab-bad-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{ "type": "Microsoft.Network/virtualNetworks", "name": "v", "properties": { "addressSpace": { "addressPrefixes": ["10.0.0.0/8", "300.0.0.0/8"] } } }""");
        try
        {
            foreach (var command in new[] { "inspect", "validate" })
            {
                var result = CliRunner.Run(command, path);
                Assert.Equal(2, result.ExitCode);
                var all = result.Stdout + result.Stderr;
                Assert.Contains("VNL0004", all, StringComparison.Ordinal);
                Assert.Contains(path, all, StringComparison.Ordinal);
                Assert.Contains("$.properties.addressSpace.addressPrefixes[1]", all, StringComparison.Ordinal);
                Assert.Contains("fix:", all, StringComparison.Ordinal);
                Assert.False(result.HasStackTrace);
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void FileOver512MiB_IsRefusedUnread_Exit2()
    {
        // A sparse file: 513 MiB on paper, almost nothing on disk, so the test stays fast.
        var path = Path.Combine(Path.GetTempPath(), $"vnetlab-huge-{Guid.NewGuid():N}.json");
        using (var stream = new FileStream(path, FileMode.CreateNew))
        {
            stream.SetLength(513L * 1024 * 1024);
        }

        try
        {
            var result = CliRunner.Run("validate", path, "--format", "json");
            Assert.Equal(2, result.ExitCode);
            Assert.Contains("\"code\": \"VNL0002\"", result.Stdout, StringComparison.Ordinal);
            Assert.Contains("537919488 bytes", result.Stdout, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ValidateJson_HasTheContractShape()
    {
        var path = Path.Combine(Path.GetTempPath(), $"vnetlab-dangling-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """
            { "type": "Microsoft.Network/virtualNetworks", "name": "v", "properties": { "addressSpace": { "addressPrefixes": ["10.0.0.0/16"] },
              "subnets": [ { "name": "s", "properties": { "addressPrefix": "10.0.1.0/24",
                "routeTable": { "id": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/default/providers/Microsoft.Network/routeTables/rt" } } } ] } }
            """);
        try
        {
            var result = CliRunner.Run("validate", path, "--format", "json");
            Assert.Equal(2, result.ExitCode);
            using var json = System.Text.Json.JsonDocument.Parse(result.Stdout);
            var d = Assert.Single(json.RootElement.GetProperty("diagnostics").EnumerateArray());
            Assert.Equal("VNL0010", d.GetProperty("code").GetString());
            Assert.Equal("error", d.GetProperty("severity").GetString());
            Assert.Equal(System.Text.Json.JsonValueKind.Null, d.GetProperty("azureCode").ValueKind);
            Assert.EndsWith("/virtualNetworks/v/subnets/s", d.GetProperty("resourceId").GetString(), StringComparison.Ordinal);
            Assert.Contains("routeTables/rt", d.GetProperty("message").GetString(), StringComparison.Ordinal);
            Assert.False(string.IsNullOrEmpty(d.GetProperty("fix").GetString()));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Routes_WithAnUnreadableServiceTagsFile_IsExit2NamingTheFileAndPlace()
    {
        var tags = Path.Combine(Path.GetTempPath(), $"vnetlab-tags-{Guid.NewGuid():N}.json");
        File.WriteAllText(tags, """{ "values": [ { "name": "Storage", "properties": { "addressPrefixes": [ "nope" ] } } ] }""");
        try
        {
            var result = CliRunner.Run("routes", Example("000-two-hub-final"), "--nic", "vdi-w10-001-nic01", "--service-tags", tags);
            Assert.Equal(2, result.ExitCode);
            Assert.Contains(tags, result.Stderr, StringComparison.Ordinal);
            Assert.Contains("$.values[0].properties.addressPrefixes[0]", result.Stderr, StringComparison.Ordinal);
            Assert.False(result.HasStackTrace);
        }
        finally
        {
            File.Delete(tags);
        }
    }
}
