namespace VNetLab.EstateGenerator;

/// <summary>ARM resource ids and type names, spelled as Azure exports them.</summary>
internal static class ArmIds
{
    public const string VirtualNetworks = "Microsoft.Network/virtualNetworks";
    public const string Subnets = "Microsoft.Network/virtualNetworks/subnets";
    public const string VirtualNetworkPeerings = "Microsoft.Network/virtualNetworks/virtualNetworkPeerings";
    public const string NetworkSecurityGroups = "Microsoft.Network/networkSecurityGroups";
    public const string SecurityRules = "Microsoft.Network/networkSecurityGroups/securityRules";
    public const string ApplicationSecurityGroups = "Microsoft.Network/applicationSecurityGroups";
    public const string RouteTables = "Microsoft.Network/routeTables";
    public const string Routes = "Microsoft.Network/routeTables/routes";
    public const string NetworkInterfaces = "Microsoft.Network/networkInterfaces";
    public const string IpConfigurations = "Microsoft.Network/networkInterfaces/ipConfigurations";
    public const string PublicIpAddresses = "Microsoft.Network/publicIPAddresses";
    public const string VirtualNetworkGateways = "Microsoft.Network/virtualNetworkGateways";
    public const string LocalNetworkGateways = "Microsoft.Network/localNetworkGateways";
    public const string Connections = "Microsoft.Network/connections";
    public const string ExpressRouteCircuits = "Microsoft.Network/expressRouteCircuits";
    public const string ExpressRouteCircuitPeerings = "Microsoft.Network/expressRouteCircuits/peerings";
    public const string AzureFirewalls = "Microsoft.Network/azureFirewalls";
    public const string VirtualMachines = "Microsoft.Compute/virtualMachines";
    public const string ExternalSites = "VNetLab/externalSites";

    /// <summary>The id of a top-level resource: <c>/subscriptions/{s}/resourceGroups/{rg}/providers/{type}/{name}</c>.</summary>
    public static string Of(string subscription, string resourceGroup, string type, string name) =>
        string.Concat("/subscriptions/", subscription, "/resourceGroups/", resourceGroup, "/providers/", type, "/", name);

    /// <summary>The id of a child: the parent's id, the child type's last segment and the name.</summary>
    public static string Child(string parentId, string childType, string name) => string.Concat(parentId, "/", childType, "/", name);
}
