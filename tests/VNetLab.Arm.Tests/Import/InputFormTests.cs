using VNetLab.Arm.Import;
using VNetLab.Model;

namespace VNetLab.Arm.Tests.Import;

/// <summary>The four input forms of CONTRACT.md ("The estate") and the child-resource rules.</summary>
public sealed class InputFormTests
{
    [Fact]
    public void SingleResourceObject_IsRead()
    {
        var result = EstateReader.ReadText(Fixtures.Vnet());
        Assert.Empty(result.Diagnostics);
        var vnet = Assert.Single(result.Estate.VirtualNetworks);
        Assert.Equal("hub", vnet.Name);
        Assert.Equal("10.0.0.0/16", Assert.Single(vnet.AddressSpace).Prefix.ToString());
        Assert.Equal("app", Assert.Single(vnet.Subnets).Name);
        Assert.Equal(ResourceId.Parse(Fixtures.VnetId).Child("subnets", "app"), vnet.Subnets[0].Id);
    }

    [Fact]
    public void ArrayOfResources_IsRead()
    {
        var result = EstateReader.ReadText($"[{Fixtures.Vnet()}, {Fixtures.Nsg}]");
        Assert.Empty(result.Diagnostics);
        Assert.Single(result.Estate.VirtualNetworks);
        Assert.Single(result.Estate.NetworkSecurityGroups);
    }

    [Fact]
    public void ArmListResponse_ValueArray_IsRead()
    {
        var result = EstateReader.ReadText($$"""{ "value": [{{Fixtures.Nsg}}], "nextLink": null }""");
        Assert.Empty(result.Diagnostics);
        var nsg = Assert.Single(result.Estate.NetworkSecurityGroups);
        Assert.Equal("Allow-Https", Assert.Single(nsg.SecurityRules).Name);
    }

    [Fact]
    [Trait("fact", "CONTRACT.md: Resource Graph data array with lower-case types")]
    public void ResourceGraphData_WithLowerCaseTypes_IsRead()
    {
        var json = """
            { "totalRecords": 1, "count": 1, "data": [ {
              "id": "/subscriptions/11111111-2222-3333-4444-555555555555/resourcegroups/rg-net/providers/microsoft.network/virtualnetworks/spoke",
              "name": "spoke", "type": "microsoft.network/virtualnetworks", "location": "westeurope", "resourceGroup": "rg-net",
              "properties": { "addressSpace": { "addressPrefixes": ["10.1.0.0/16"] } } } ] }
            """;
        var result = EstateReader.ReadText(json);
        Assert.Empty(result.Diagnostics);
        var vnet = Assert.Single(result.Estate.VirtualNetworks);

        // ARM ids compare case-insensitively.
        Assert.Equal(ResourceId.Parse("/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/spoke"), vnet.Id);
    }

    [Fact]
    public void DeploymentTemplate_WithNestedChildrenAndExpressions_IsRead()
    {
        var json = """
            {
              "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
              "contentVersion": "1.0.0.0",
              "parameters": { "vnetName": { "type": "string", "defaultValue": "spoke1" } },
              "variables": { "space": "10.20.0.0/16" },
              "resources": [
                { "type": "Microsoft.Network/networkSecurityGroups", "apiVersion": "2024-05-01", "name": "nsg1", "location": "westeurope",
                  "properties": { "securityRules": [] } },
                { "type": "Microsoft.Network/virtualNetworks", "apiVersion": "2024-05-01", "name": "[parameters('vnetName')]", "location": "westeurope",
                  "properties": { "addressSpace": { "addressPrefixes": [ "[variables('space')]" ] } },
                  "resources": [
                    { "type": "subnets", "apiVersion": "2024-05-01", "name": "web",
                      "properties": { "addressPrefix": "10.20.1.0/24",
                        "networkSecurityGroup": { "id": "[resourceId('Microsoft.Network/networkSecurityGroups', 'nsg1')]" } } }
                  ] },
                { "type": "Microsoft.Network/virtualNetworks/subnets", "apiVersion": "2024-05-01", "name": "[concat(parameters('vnetName'), '/db')]",
                  "properties": { "addressPrefix": "10.20.2.0/24" } }
              ]
            }
            """;
        var result = EstateReader.ReadText(json);
        Assert.Empty(result.Diagnostics);
        var vnet = Assert.Single(result.Estate.VirtualNetworks);
        Assert.Equal("spoke1", vnet.Name);
        Assert.Equal("10.20.0.0/16", vnet.AddressSpace[0].Text);
        Assert.Equal(["web", "db"], vnet.Subnets.Select(s => s.Name));
        Assert.Equal("nsg1", vnet.Subnets[0].NetworkSecurityGroupId?.Name);
        Assert.NotNull(result.Estate.Find<NetworkSecurityGroup>(vnet.Subnets[0].NetworkSecurityGroupId));
        Assert.Equal(ResourceId.DefaultSubscription, vnet.Id.Subscription);
    }

    [Fact]
    public void TemplateExpression_ThatCannotBeEvaluated_IsAWarningNamingThePath()
    {
        var json = """
            { "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0",
              "resources": [ { "type": "Microsoft.Network/virtualNetworks", "name": "v", "location": "westeurope",
                "properties": { "addressSpace": { "addressPrefixes": [ "10.0.0.0/16" ] }, "dhcpOptions": { "dnsServers": [ "[reference('dns').ip]" ] } } } ] }
            """;
        var result = EstateReader.ReadText(json);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("VNL0013", diagnostic.Code);
        Assert.Equal("$.resources[0].properties.dhcpOptions.dnsServers[0]", diagnostic.Location?.JsonPath);
        Assert.False(result.HasErrors);
    }

    [Fact]
    public void ResourceWithoutId_GetsOneFromDefaultSubscriptionAndItsResourceGroup()
    {
        var result = EstateReader.ReadText("""
            [ { "name": "v1", "type": "Microsoft.Network/virtualNetworks", "resourceGroup": "rg-a", "properties": { "addressSpace": { "addressPrefixes": ["10.0.0.0/16"] } } },
              { "name": "v2", "type": "Microsoft.Network/virtualNetworks", "properties": { "addressSpace": { "addressPrefixes": ["10.1.0.0/16"] } } } ]
            """);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(
            ["/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-a/providers/Microsoft.Network/virtualNetworks/v1",
             "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/default/providers/Microsoft.Network/virtualNetworks/v2"],
            result.Estate.VirtualNetworks.Select(v => v.Id.Value));
    }

    [Fact]
    public void SeparateChildResources_AreMergedIntoTheirParent()
    {
        var json = $$"""
            [ {{Fixtures.Vnet()}},
              { "id": "{{Fixtures.VnetId}}/subnets/data", "name": "data", "type": "Microsoft.Network/virtualNetworks/subnets",
                "properties": { "addressPrefix": "10.0.2.0/24" } },
              { "id": "{{Fixtures.NsgId}}/securityRules/Deny-All", "name": "Deny-All", "type": "Microsoft.Network/networkSecurityGroups/securityRules",
                "properties": { "protocol": "*", "sourcePortRange": "*", "destinationPortRange": "*", "sourceAddressPrefix": "*",
                  "destinationAddressPrefix": "*", "access": "Deny", "priority": 4096, "direction": "Inbound" } },
              {{Fixtures.Nsg}} ]
            """;
        var result = EstateReader.ReadText(json);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(["app", "data"], result.Estate.VirtualNetworks[0].Subnets.Select(s => s.Name));
        Assert.Equal(["Allow-Https", "Deny-All"], result.Estate.NetworkSecurityGroups[0].SecurityRules.Select(r => r.Name));
        Assert.NotNull(result.Estate.Find<Subnet>(ResourceId.Parse(Fixtures.VnetId + "/subnets/data")));
    }

    [Fact]
    [Trait("fact", "semantics.md 4.2")]
    public void NsgWithoutDefaultRules_GetsThePlatformSix()
    {
        var result = EstateReader.ReadText(Fixtures.Nsg);
        var nsg = Assert.Single(result.Estate.NetworkSecurityGroups);
        Assert.Equal(
            ["AllowVnetInBound", "AllowAzureLoadBalancerInBound", "DenyAllInBound", "AllowVnetOutBound", "AllowInternetOutBound", "DenyAllOutBound"],
            nsg.DefaultSecurityRules.Select(r => r.Name));
        Assert.All(nsg.DefaultSecurityRules, r => Assert.True(r.IsDefault));
    }

    [Fact]
    public void Yaml_IsReadLikeJson()
    {
        using var files = new TempFiles();
        var path = files.Write("estate.yaml", """
            - name: hub
              type: Microsoft.Network/virtualNetworks
              location: westeurope
              properties:
                addressSpace:
                  addressPrefixes: [10.0.0.0/16]
                subnets:
                  - name: app
                    properties: { addressPrefix: 10.0.1.0/24 }
                virtualNetworkPeerings: []
            """);
        var result = EstateReader.Read([path]);
        Assert.Empty(result.Diagnostics);
        Assert.Equal("app", result.Estate.VirtualNetworks[0].Subnets[0].Name);
    }

    [Fact]
    public void Folders_AreReadRecursively_AndNoFileIsChanged()
    {
        using var files = new TempFiles();
        var a = files.Write("net/vnet.json", Fixtures.Vnet());
        var b = files.Write("sec/deeper/nsg.json", Fixtures.Nsg);
        files.Write("notes.txt", "not an estate file");
        var before = new[] { a, b }.Select(f => (File.ReadAllBytes(f), File.GetLastWriteTimeUtc(f))).ToList();

        var result = EstateReader.Read([files.Root]);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(2, result.Files.Length);
        Assert.Single(result.Estate.VirtualNetworks);
        Assert.Single(result.Estate.NetworkSecurityGroups);
        var after = new[] { a, b }.Select(f => (File.ReadAllBytes(f), File.GetLastWriteTimeUtc(f))).ToList();
        Assert.Equal(before.Select(x => x.Item1), after.Select(x => x.Item1));
        Assert.Equal(before.Select(x => x.Item2), after.Select(x => x.Item2));
    }

    [Fact]
    public void Gateway_AllowRemoteVnetTrafficAndPointToSite_AreRead()
    {
        var result = EstateReader.ReadText("""
            [ { "name": "gw1", "type": "Microsoft.Network/virtualNetworkGateways", "properties": { "gatewayType": "ExpressRoute", "allowRemoteVnetTraffic": true, "vpnClientConfiguration": { "vpnClientProtocols": ["OpenVPN"] } } },
              { "name": "gw2", "type": "Microsoft.Network/virtualNetworkGateways", "properties": { "gatewayType": "ExpressRoute" } } ]
            """);
        Assert.Empty(result.Diagnostics);
        Assert.Equal([true, null], result.Estate.VirtualNetworkGateways.Select(g => g.AllowRemoteVnetTraffic));
        Assert.Equal([true, false], result.Estate.VirtualNetworkGateways.Select(g => g.HasVpnClientConfiguration));
    }
}
