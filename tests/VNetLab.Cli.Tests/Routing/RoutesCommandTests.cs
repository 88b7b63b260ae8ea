using System.Text.Json;

namespace VNetLab.Cli.Tests.Routing;

/// <summary>Arguments, name lookup, exit codes and JSON shapes of <c>routes</c> and <c>next-hop</c> (CONTRACT.md).</summary>
public sealed class RoutesCommandTests : IDisposable
{
    private const string Sub = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups";

    // The recorded Network Watcher case (semantics.md 1.3): a VNet 10.17.3.0/24 whose only route sends 0.0.0.0/0 to
    // 10.0.1.2, an address outside it; two NICs named alike in two resource groups; an NSG sharing a NIC's name.
    private static readonly string EstateJson = $$"""
        [
          { "id": "{{Sub}}/rg1/providers/Microsoft.Network/virtualNetworks/vnet1", "name": "vnet1", "type": "Microsoft.Network/virtualNetworks",
            "location": "westcentralus",
            "properties": { "addressSpace": { "addressPrefixes": [ "10.17.3.0/24" ] },
              "subnets": [ { "name": "default", "properties": { "addressPrefix": "10.17.3.0/24",
                "routeTable": { "id": "{{Sub}}/rg1/providers/Microsoft.Network/routeTables/rt1" } } } ] } },
          { "id": "{{Sub}}/rg1/providers/Microsoft.Network/routeTables/rt1", "name": "rt1", "type": "Microsoft.Network/routeTables",
            "location": "westcentralus",
            "properties": { "routes": [ { "name": "to-nva", "properties": { "addressPrefix": "0.0.0.0/0",
              "nextHopType": "VirtualAppliance", "nextHopIpAddress": "10.0.1.2" } } ] } },
          { "id": "{{Sub}}/rg1/providers/Microsoft.Network/networkInterfaces/nic1", "name": "nic1", "type": "Microsoft.Network/networkInterfaces",
            "location": "westcentralus",
            "properties": { "ipConfigurations": [ { "name": "ipconfig1", "properties": { "privateIPAddress": "10.17.3.4", "primary": true,
              "subnet": { "id": "{{Sub}}/rg1/providers/Microsoft.Network/virtualNetworks/vnet1/subnets/default" } } } ] } },
          { "id": "{{Sub}}/rg1/providers/Microsoft.Network/networkSecurityGroups/nic1", "name": "nic1", "type": "Microsoft.Network/networkSecurityGroups",
            "location": "westcentralus", "properties": { "securityRules": [] } },
          { "id": "{{Sub}}/rg1/providers/Microsoft.Network/networkInterfaces/twin", "name": "twin", "type": "Microsoft.Network/networkInterfaces",
            "location": "westcentralus",
            "properties": { "ipConfigurations": [ { "name": "ipconfig1", "properties": { "privateIPAddress": "10.17.3.5",
              "subnet": { "id": "{{Sub}}/rg1/providers/Microsoft.Network/virtualNetworks/vnet1/subnets/default" } } } ] } },
          { "id": "{{Sub}}/rg2/providers/Microsoft.Network/networkInterfaces/twin", "name": "twin", "type": "Microsoft.Network/networkInterfaces",
            "location": "westcentralus",
            "properties": { "ipConfigurations": [ { "name": "ipconfig1", "properties": { "privateIPAddress": "10.17.3.6",
              "subnet": { "id": "{{Sub}}/rg1/providers/Microsoft.Network/virtualNetworks/vnet1/subnets/default" } } } ] } }
        ]
        """;

    private readonly string _estate;

    public RoutesCommandTests()
    {
        _estate = Path.Combine(Path.GetTempPath(), $"vnetlab-routes-{Guid.NewGuid():N}.json");
        File.WriteAllText(_estate, EstateJson);
    }

    public void Dispose() => File.Delete(_estate);

    [Fact]
    [Trait("fact", "semantics.md 1.3 (recorded real response: {\"nextHopType\":\"None\",\"nextHopIpAddress\":\"10.0.1.2\",\"routeTableId\":<route table>})")]
    public void Next_hop_to_an_unreachable_appliance_is_None_with_its_ip_and_route_table()
    {
        var result = CliRunner.Run("next-hop", _estate, "--nic", "nic1", "--destination-ip", "13.107.21.200", "--source-ip", "10.17.3.4", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var document = JsonDocument.Parse(result.Stdout);
        var root = document.RootElement;
        Assert.Equal("None", root.GetProperty("nextHopType").GetString());
        Assert.Equal("10.0.1.2", root.GetProperty("nextHopIpAddress").GetString());
        Assert.Equal($"{Sub}/rg1/providers/Microsoft.Network/routeTables/rt1", root.GetProperty("routeTableId").GetString());
        Assert.Contains(root.GetProperty("notes").EnumerateArray(), n => n.GetProperty("code").GetString() == "VNL9007");
    }

    [Fact]
    [Trait("fact", "semantics.md 1.1 (field names and spellings of EffectiveRoute); CONTRACT.md routes --format json")]
    public void Routes_json_has_azures_fields_in_azures_order()
    {
        var result = CliRunner.Run("routes", _estate, "--nic", "nic1", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var document = JsonDocument.Parse(result.Stdout);
        var first = document.RootElement.GetProperty("value")[0];
        Assert.Equal(["name", "disableBgpRoutePropagation", "source", "state", "addressPrefix", "nextHopIpAddress", "nextHopType"],
            first.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Null, first.GetProperty("name").ValueKind);
        Assert.Contains(document.RootElement.GetProperty("value").EnumerateArray(), r =>
            r.GetProperty("source").GetString() == "User" && r.GetProperty("name").GetString() == "to-nva"
            && r.GetProperty("nextHopIpAddress")[0].GetString() == "10.0.1.2");
    }

    [Fact]
    [Trait("fact", "CONTRACT.md (a name is looked up among resources of the kind the option asks for)")]
    public void A_nic_name_matches_network_interfaces_only()
    {
        var result = CliRunner.Run("routes", _estate, "--nic", "nic1");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Effective routes of network interface nic1 (subnet vnet1/default)", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("fact", "CONTRACT.md (a name matching several resources of the kind is an error listing the candidates, exit 2)")]
    public void An_ambiguous_nic_name_is_exit_2_with_the_candidates()
    {
        var result = CliRunner.Run("next-hop", _estate, "--nic", "twin", "--destination-ip", "10.17.3.9");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("2 network interfaces match", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("/resourceGroups/rg1/providers/Microsoft.Network/networkInterfaces/twin", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("/resourceGroups/rg2/providers/Microsoft.Network/networkInterfaces/twin", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
    }

    [Theory]
    [InlineData("routes", "--nic", "nobody")]
    [InlineData("routes", "--subnet", "vnet1/missing")]
    [InlineData("routes", "--subnet", "vnet1")]
    [InlineData("routes")]
    [InlineData("routes", "--nic", "nic1", "--all")]
    [InlineData("next-hop", "--nic", "nic1", "--destination-ip", "10.17.3")]
    [InlineData("next-hop", "--nic", "nic1", "--destination-ip", "10.17.3.9", "--source-ip", "10.17.3.99")]
    [InlineData("routes", "--nic", "nic1", "--platform-routes", "1999")]
    public void Unusable_arguments_are_exit_2_without_a_stack_trace(string command, params string[] rest)
    {
        var result = CliRunner.Run([command, _estate, .. rest]);

        Assert.Equal(2, result.ExitCode);
        Assert.NotEqual("", result.Stderr);
        Assert.False(result.HasStackTrace);
    }

    [Fact]
    public void Routes_takes_a_subnet_as_vnet_slash_subnet_or_as_its_id()
    {
        var byName = CliRunner.Run("routes", _estate, "--subnet", "vnet1/default", "--format", "json");
        var byId = CliRunner.Run("routes", _estate, "--subnet", $"{Sub}/rg1/providers/Microsoft.Network/virtualNetworks/vnet1/subnets/default", "--format", "json");

        Assert.Equal(0, byName.ExitCode);
        Assert.Equal(byName.Stdout, byId.Stdout);
    }

    [Fact]
    public void Routes_all_prints_one_json_object_per_subnet_per_line()
    {
        var result = CliRunner.Run("routes", _estate, "--all");

        Assert.Equal(0, result.ExitCode);
        var line = Assert.Single(result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using var document = JsonDocument.Parse(line);
        Assert.Equal($"{Sub}/rg1/providers/Microsoft.Network/virtualNetworks/vnet1/subnets/default", document.RootElement.GetProperty("subnetId").GetString());
        Assert.Equal(JsonValueKind.Array, document.RootElement.GetProperty("value").ValueKind);
    }

    [Fact]
    public void Service_tags_file_feeds_service_tag_routes()
    {
        var tags = Path.Combine(Path.GetTempPath(), $"vnetlab-tags-{Guid.NewGuid():N}.json");
        File.WriteAllText(tags, """{ "values": [ { "name": "Storage", "properties": { "addressPrefixes": [ "20.60.0.0/16" ] } } ] }""");
        try
        {
            var estate = EstateJson.Replace("\"addressPrefix\": \"0.0.0.0/0\"", "\"addressPrefix\": \"Storage\"", StringComparison.Ordinal);
            File.WriteAllText(_estate, estate);
            var result = CliRunner.Run("next-hop", _estate, "--nic", "nic1", "--destination-ip", "20.60.1.1", "--service-tags", tags, "--format", "json");
            var without = CliRunner.Run("next-hop", _estate, "--nic", "nic1", "--destination-ip", "20.60.1.1", "--format", "json");

            using var document = JsonDocument.Parse(result.Stdout);
            Assert.Equal("None", document.RootElement.GetProperty("nextHopType").GetString());
            Assert.Equal("10.0.1.2", document.RootElement.GetProperty("nextHopIpAddress").GetString());
            using var plain = JsonDocument.Parse(without.Stdout);
            Assert.Equal("Internet", plain.RootElement.GetProperty("nextHopType").GetString());
            Assert.Contains(plain.RootElement.GetProperty("notes").EnumerateArray(), n => n.GetProperty("code").GetString() == "VNL9010");
        }
        finally
        {
            File.Delete(tags);
        }
    }

    [Theory]
    [InlineData("routes")]
    [InlineData("next-hop")]
    public void Routing_commands_have_help(string command)
    {
        var result = CliRunner.Run(command, "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("--format", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("--platform-routes", result.Stdout, StringComparison.Ordinal);
    }
}
