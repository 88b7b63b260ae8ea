namespace VNetLab.Arm.Tests.Import;

/// <summary>Small ARM JSON snippets shared by the import tests.</summary>
internal static class Fixtures
{
    public const string Sub = "11111111-2222-3333-4444-555555555555";
    public const string VnetId = "/subscriptions/" + Sub + "/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/hub";
    public const string NsgId = "/subscriptions/" + Sub + "/resourceGroups/rg-net/providers/Microsoft.Network/networkSecurityGroups/nsg-app";

    public static string Vnet(string prefix = "10.0.0.0/16", string subnetPrefix = "10.0.1.0/24", string extraSubnetProperties = "") => $$"""
        {
          "id": "{{VnetId}}",
          "name": "hub",
          "type": "Microsoft.Network/virtualNetworks",
          "location": "westeurope",
          "properties": {
            "addressSpace": { "addressPrefixes": [ "{{prefix}}" ] },
            "subnets": [
              { "name": "app", "properties": { "addressPrefix": "{{subnetPrefix}}"{{extraSubnetProperties}} } }
            ]
          }
        }
        """;

    public const string Nsg = $$"""
        {
          "id": "{{NsgId}}",
          "name": "nsg-app",
          "type": "Microsoft.Network/networkSecurityGroups",
          "location": "westeurope",
          "properties": {
            "securityRules": [
              { "name": "Allow-Https", "properties": { "protocol": "Tcp", "sourcePortRange": "*", "destinationPortRange": "443",
                "sourceAddressPrefix": "Internet", "destinationAddressPrefix": "*", "access": "Allow", "priority": 100, "direction": "Inbound" } }
            ]
          }
        }
        """;
}
