using System.Text.Json;
using VNetLab.Arm.Sarif;
using VNetLab.Diagnostics;
using VNetLab.Model;

namespace VNetLab.Arm.Tests.Sarif;

/// <summary>
/// The SARIF 2.1.0 log has the shape the schema requires (version, $schema, runs[].tool.driver with name
/// and rules, results with ruleId, level, message.text and locations) and carries VNetLab's extras.
/// </summary>
public sealed class SarifWriterTests
{
    private static readonly ResourceId _subnet = ResourceId.Parse("/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/s1");

    private static List<Diagnostic> Diagnostics()
    {
        var vnet = new VirtualNetwork { Id = _subnet.Parent ?? _subnet, AddressSpace = [AddressPrefix.Of(Addressing.IpPrefix.Parse("10.0.0.0/16"))] };
        var subnet = new Subnet
        {
            Id = _subnet,
            AddressPrefixes = [AddressPrefix.Of(Addressing.IpPrefix.Parse("10.9.0.0/24"))],
            Source = new SourceLocation("estate dir/network.json", "$[0].properties.subnets[0]"),
        };
        return
        [
            DiagnosticCatalog.SubnetRangeOutsideVnet(subnet, vnet, subnet.AddressPrefixes[0]),
            DiagnosticCatalog.AddressSpaceIsPublic(vnet, AddressPrefix.Of(Addressing.IpPrefix.Parse("20.0.0.0/16"))),
            DiagnosticCatalog.UnknownResourceType(new SourceLocation("/tmp/x.json", "$[3]"), null, "Microsoft.Storage/storageAccounts"),
        ];
    }

    private static JsonElement Parse(string sarif) => JsonDocument.Parse(sarif).RootElement;

    [Fact]
    [Trait("fact", "SARIF 2.1.0 (OASIS): sarifLog, run, toolComponent, result")]
    public void Log_HasTheRequiredSarifFields()
    {
        var root = Parse(SarifWriter.Serialize(Diagnostics(), "1.2.3"));
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        Assert.Equal(SarifWriter.SchemaUri, root.GetProperty("$schema").GetString());
        var run = Assert.Single(root.GetProperty("runs").EnumerateArray());
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.Equal("VNetLab", driver.GetProperty("name").GetString());
        Assert.Equal("1.2.3", driver.GetProperty("version").GetString());
        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(["VNL0009", "VNL1001", "VNL1005"], rules.Select(r => r.GetProperty("id").GetString()));

        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(3, results.Count);
        foreach (var result in results)
        {
            var ruleId = result.GetProperty("ruleId").GetString();
            Assert.Equal(ruleId, rules[result.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString());
            Assert.Contains(result.GetProperty("level").GetString(), new[] { "error", "warning", "note" });
            Assert.False(string.IsNullOrEmpty(result.GetProperty("message").GetProperty("text").GetString()));
            Assert.NotEmpty(result.GetProperty("locations").EnumerateArray());
        }
    }

    [Fact]
    public void Rules_LinkToTheDocsAnchor_AndCarryAzuresCode()
    {
        var rule = Parse(SarifWriter.Serialize(Diagnostics(), "1.0.0")).GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules")[1];
        Assert.Equal("docs/diagnostics.md#vnl1001", rule.GetProperty("helpUri").GetString());
        Assert.Equal("NetcfgSubnetRangeOutsideVnet", rule.GetProperty("properties").GetProperty("azureCode").GetString());
        Assert.Equal("error", rule.GetProperty("defaultConfiguration").GetProperty("level").GetString());
        Assert.Equal("SubnetOutsideTheVNetsAddressSpace", rule.GetProperty("name").GetString());

        var absolute = Parse(SarifWriter.Serialize(Diagnostics(), "1.0.0", new Uri("https://example.org/vnetlab/blob/main/")))
            .GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules")[1];
        Assert.Equal("https://example.org/vnetlab/blob/main/docs/diagnostics.md#vnl1001", absolute.GetProperty("helpUri").GetString());
    }

    [Fact]
    public void Results_HaveTheFileTheJsonPathTheResourceAndAzuresCode()
    {
        var results = Parse(SarifWriter.Serialize(Diagnostics(), "1.0.0")).GetProperty("runs")[0].GetProperty("results");
        var outside = results[0];
        Assert.Equal("VNL1001", outside.GetProperty("ruleId").GetString());
        Assert.Equal("error", outside.GetProperty("level").GetString());
        Assert.Equal("Subnet 's1' is not valid because its IP address range is outside the IP address range of virtual network 'v'.",
            outside.GetProperty("message").GetProperty("text").GetString());
        var location = outside.GetProperty("locations")[0];
        Assert.Equal("estate%20dir/network.json", location.GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal("$[0].properties.subnets[0]", location.GetProperty("properties").GetProperty("jsonPath").GetString());
        var logical = location.GetProperty("logicalLocations").EnumerateArray().ToList();
        Assert.Equal("$[0].properties.subnets[0]", logical[0].GetProperty("fullyQualifiedName").GetString());
        Assert.Equal(_subnet.Value, logical[1].GetProperty("fullyQualifiedName").GetString());
        Assert.Equal("resource", logical[1].GetProperty("kind").GetString());
        var properties = outside.GetProperty("properties");
        Assert.Equal("NetcfgSubnetRangeOutsideVnet", properties.GetProperty("azureCode").GetString());
        Assert.Equal(_subnet.Value, properties.GetProperty("resourceId").GetString());
        Assert.False(string.IsNullOrEmpty(properties.GetProperty("fix").GetString()));

        Assert.Equal("note", results[1].GetProperty("level").GetString());
        Assert.Equal(JsonValueKind.Null, results[1].GetProperty("properties").GetProperty("azureCode").ValueKind);
        Assert.Equal("warning", results[2].GetProperty("level").GetString());
        Assert.Equal("file:///tmp/x.json", results[2].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
    }

    [Fact]
    public void NoDiagnostics_IsAnEmptyButValidRun()
    {
        var run = Parse(SarifWriter.Serialize([], "1.0.0")).GetProperty("runs")[0];
        Assert.Empty(run.GetProperty("results").EnumerateArray());
        Assert.Empty(run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray());
    }
}
