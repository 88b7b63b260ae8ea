using VNetLab.Arm.Import;
using VNetLab.Diagnostics;

namespace VNetLab.Arm.Tests.Import;

/// <summary>Each kind of bad input becomes one VNL0xxx diagnostic naming the file, the JSON path and the fix (issue #2).</summary>
public sealed class BadInputTests
{
    private static Diagnostic Single(ImportResult result, string code)
    {
        var diagnostic = Assert.Single(result.Diagnostics, d => d.Code == code);
        Assert.False(string.IsNullOrWhiteSpace(diagnostic.Fix));
        return diagnostic;
    }

    [Fact]
    public void MalformedJson_NamesFileLineAndPosition()
    {
        using var files = new TempFiles();
        var path = files.Write("bad.json", "[\n  { \"type\": \"Microsoft.Network/virtualNetworks\", \"name\": \"v\" \n  ,, ]");
        var result = EstateReader.Read([path]);
        var d = Single(result, "VNL0001");
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Equal(path, d.Location?.File);
        Assert.Contains("line 3", d.Message, StringComparison.Ordinal);
        Assert.True(result.HasErrors);
    }

    [Fact]
    [Trait("fact", "constraints.md 2.1")]
    public void InvalidCidr_IsReportedWithAzuresMessageAndPath()
    {
        var result = EstateReader.ReadText(Fixtures.Vnet(prefix: "10.0.0.0/33"));
        var d = Single(result, "VNL0004");
        Assert.Equal("InvalidAddressPrefixFormat", d.AzureCode);
        Assert.Equal("$.properties.addressSpace.addressPrefixes[0]", d.Location?.JsonPath);
        Assert.Equal($"Address prefix 10.0.0.0/33 of resource {Fixtures.VnetId} is not formatted correctly. It should follow CIDR notation, for example 10.0.0.0/24.", d.Message);
    }

    [Fact]
    [Trait("fact", "constraints.md 2.2")]
    public void NonCanonicalPrefix_IsReportedNotSilentlyFixed()
    {
        var result = EstateReader.ReadText(Fixtures.Vnet(subnetPrefix: "10.0.1.5/24"));
        var d = Single(result, "VNL0017");
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.Equal("$.properties.subnets[0].properties.addressPrefix", d.Location?.JsonPath);
        var prefix = result.Estate.VirtualNetworks[0].Subnets[0].AddressPrefixes[0];
        Assert.Equal("10.0.1.5/24", prefix.Text);
        Assert.False(prefix.IsCanonical);
        Assert.Equal("10.0.1.0/24", prefix.Prefix.ToString());
    }

    [Fact]
    public void InvalidIpAddress_IsReported()
    {
        var result = EstateReader.ReadText("""
            { "name": "nic1", "type": "Microsoft.Network/networkInterfaces",
              "properties": { "ipConfigurations": [ { "name": "ipconfig1", "properties": { "privateIPAddress": "10.0.1.300" } } ] } }
            """);
        var d = Single(result, "VNL0005");
        Assert.Equal("$.properties.ipConfigurations[0].properties.privateIPAddress", d.Location?.JsonPath);
        Assert.Contains("10.0.1.300", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WrongFieldType_IsReported()
    {
        var result = EstateReader.ReadText("""
            { "name": "v", "type": "Microsoft.Network/virtualNetworks", "properties": { "addressSpace": { "addressPrefixes": 10 } } }
            """);
        var d = Single(result, "VNL0006");
        Assert.Equal("$.properties.addressSpace.addressPrefixes", d.Location?.JsonPath);
        Assert.Contains("the number 10", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidEnumValue_IsReported()
    {
        var result = EstateReader.ReadText(Fixtures.Nsg.Replace("\"Allow\"", "\"Permit\"", StringComparison.Ordinal));
        var d = Single(result, "VNL0011");
        Assert.Equal("$.properties.securityRules[0].properties.access", d.Location?.JsonPath);
        Assert.Contains("Allow, Deny", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateResourceId_InDifferentFiles_NamesBoth()
    {
        using var files = new TempFiles();
        var first = files.Write("a.json", Fixtures.Vnet());
        var second = files.Write("b.json", Fixtures.Vnet(prefix: "10.9.0.0/16").Replace("/hub\"", "/HUB\"", StringComparison.Ordinal));
        var result = EstateReader.Read([first, second]);
        var d = Single(result, "VNL0008");
        Assert.Equal(second, d.Location?.File);
        Assert.Contains(first, d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SameResourceTwice_IdenticalJson_IsNotADuplicate()
    {
        var result = EstateReader.ReadText($"[{Fixtures.Vnet()}, {Fixtures.Vnet()}]");
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void UnknownResourceType_IsAWarningAndSkipped()
    {
        var result = EstateReader.ReadText($$"""[ {{Fixtures.Vnet()}}, { "name": "kv", "type": "Microsoft.KeyVault/vaults", "properties": {} } ]""");
        var d = Single(result, "VNL0009");
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.Equal("$[1].type", d.Location?.JsonPath);
        Assert.False(result.HasErrors);
        Assert.Single(result.Estate.Roots);
    }

    [Fact]
    public void DanglingReference_IsAnErrorNamingThePropertyAndTarget()
    {
        var result = EstateReader.ReadText(Fixtures.Vnet(extraSubnetProperties: $$""", "networkSecurityGroup": { "id": "{{Fixtures.NsgId}}" }"""));
        var d = Single(result, "VNL0010");
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Equal("$.properties.subnets[0]", d.Location?.JsonPath);
        Assert.Contains("properties.networkSecurityGroup.id", d.Message, StringComparison.Ordinal);
        Assert.Contains(Fixtures.NsgId, d.Message, StringComparison.Ordinal);

        // The estate still records it instead of failing.
        Assert.Single(result.Estate.UnresolvedReferences);
    }

    [Fact]
    public void FileOverTheSizeLimit_IsRefusedUnread()
    {
        using var files = new TempFiles();
        var path = files.Write("big.json", Fixtures.Vnet());
        var result = EstateReader.Read([path], new ImportOptions { MaxFileBytes = 100 });
        var d = Single(result, "VNL0002");
        Assert.Equal(path, d.Location?.File);
        Assert.Empty(result.Estate.Roots);
    }

    [Fact]
    public void MissingPath_AndEmptyFolder_AreReported()
    {
        using var files = new TempFiles();
        Directory.CreateDirectory(Path.Combine(files.Root, "empty"));
        var result = EstateReader.Read([Path.Combine(files.Root, "nope.json"), Path.Combine(files.Root, "empty")]);
        Assert.Contains(result.Diagnostics, d => d.Code == "VNL0003");
        Assert.Contains(result.Diagnostics, d => d.Code == "VNL0012");
    }

    [Fact]
    public void InvalidResourceId_IsReported()
    {
        var result = EstateReader.ReadText("""{ "id": "/not/an/arm/id", "name": "v", "type": "Microsoft.Network/virtualNetworks" }""");
        var d = Single(result, "VNL0015");
        Assert.Equal("$.id", d.Location?.JsonPath);
    }

    [Fact]
    public void ChildWithoutParent_IsReported()
    {
        var result = EstateReader.ReadText($$"""
            { "id": "{{Fixtures.VnetId}}/subnets/orphan", "name": "orphan", "type": "Microsoft.Network/virtualNetworks/subnets",
              "properties": { "addressPrefix": "10.0.5.0/24" } }
            """);
        Single(result, "VNL0016");
    }

    [Fact]
    public void DocumentOfNoKnownForm_IsReported()
    {
        var result = EstateReader.ReadText("""{ "hello": "world" }""");
        Single(result, "VNL0014");
    }

    [Fact]
    public void MissingRequiredField_IsReported()
    {
        var result = EstateReader.ReadText("""
            { "name": "p", "type": "Microsoft.Network/virtualNetworks", "properties": { "virtualNetworkPeerings": [ { "name": "to-hub", "properties": { } } ] } }
            """);
        var d = Single(result, "VNL0007");
        Assert.Contains("remoteVirtualNetwork", d.Message, StringComparison.Ordinal);
    }
}
