namespace VNetLab.Cli.Tests;

/// <summary>
/// Every bad-input kind of issue #2 through the CLI: exit code 2, the VNL code, the file and the JSON
/// path on stderr, a fix, and never a stack trace. An unknown type is a warning: the answer still comes.
/// </summary>
public sealed class BadInputTests
{
    private const string Vnet = """{ "type": "Microsoft.Network/virtualNetworks", "name": "hub", "properties": { "addressSpace": { "addressPrefixes": [ PREFIXES ] } } }""";

    public static TheoryData<string, string, string, string> Cases() => new()
    {
        { "malformed JSON", "[ { \"type\": \"Microsoft.Network/virtualNetworks\", ", "VNL0001", "$" },
        { "invalid CIDR", Vnet.Replace("PREFIXES", "\"10.0.0.0/40\"", StringComparison.Ordinal), "VNL0004", "$.properties.addressSpace.addressPrefixes[0]" },
        { "invalid IP", """{ "type": "Microsoft.Network/localNetworkGateways", "name": "lng", "properties": { "gatewayIpAddress": "198.51.100" } }""", "VNL0005", "$.properties.gatewayIpAddress" },
        { "wrong type of a field", Vnet.Replace("[ PREFIXES ]", "{ }", StringComparison.Ordinal), "VNL0006", "$.properties.addressSpace.addressPrefixes" },
        { "duplicate resource ids", "[" + Vnet.Replace("PREFIXES", "\"10.0.0.0/16\"", StringComparison.Ordinal) + "," + Vnet.Replace("PREFIXES", "\"10.1.0.0/16\"", StringComparison.Ordinal) + "]", "VNL0008", "$[1]" },
        { "dangling resource id", """{ "type": "Microsoft.Network/networkInterfaces", "name": "nic", "properties": { "ipConfigurations": [ { "name": "ip1", "properties": { "subnet": { "id": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/default/providers/Microsoft.Network/virtualNetworks/gone/subnets/s" } } } ] } }""", "VNL0010", "$.properties.ipConfigurations[0]" },
        { "value not allowed", """{ "type": "Microsoft.Network/routeTables", "name": "rt", "properties": { "routes": [ { "name": "r", "properties": { "addressPrefix": "0.0.0.0/0", "nextHopType": "Firewall" } } ] } }""", "VNL0011", "$.properties.routes[0].properties.nextHopType" },
        { "not an estate", """{ "hello": 1 }""", "VNL0014", "$" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void BadInput_Exit2_NamesCodeFilePathAndFix(string kind, string content, string code, string jsonPath)
    {
        var path = Path.Combine(Path.GetTempPath(), $"vnetlab-{kind.Replace(' ', '-')}-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, content);
        try
        {
            var result = CliRunner.Run("inspect", path);
            Assert.Equal(2, result.ExitCode);
            Assert.Equal("", result.Stdout);
            Assert.Contains(code, result.Stderr, StringComparison.Ordinal);
            Assert.Contains($"at {path}: {jsonPath}\n", result.Stderr.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
            Assert.Contains("fix: ", result.Stderr, StringComparison.Ordinal);
            Assert.False(result.HasStackTrace, result.Stderr);
            Assert.Equal(content, File.ReadAllText(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void UnknownType_IsAWarningOnStderr_AndTheAnswerStillComes()
    {
        var path = Path.Combine(Path.GetTempPath(), $"vnetlab-unknown-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, "[" + Vnet.Replace("PREFIXES", "\"10.0.0.0/16\"", StringComparison.Ordinal) + """, { "type": "Microsoft.Storage/storageAccounts", "name": "st" } ]""");
        try
        {
            var result = CliRunner.Run("inspect", path);
            Assert.Equal(0, result.ExitCode);
            Assert.Contains("VNL0009", result.Stderr, StringComparison.Ordinal);
            Assert.Contains("hub", result.Stdout, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
