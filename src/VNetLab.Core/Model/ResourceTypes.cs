namespace VNetLab.Model;

/// <summary>The resource types the twin understands, spelled as ARM spells them (compare case-insensitively).</summary>
public static class ResourceTypes
{
    public const string VirtualNetworks = "Microsoft.Network/virtualNetworks";
    public const string Subnets = "Microsoft.Network/virtualNetworks/subnets";
    public const string VirtualNetworkPeerings = "Microsoft.Network/virtualNetworks/virtualNetworkPeerings";
    public const string NetworkSecurityGroups = "Microsoft.Network/networkSecurityGroups";
    public const string SecurityRules = "Microsoft.Network/networkSecurityGroups/securityRules";
    public const string DefaultSecurityRules = "Microsoft.Network/networkSecurityGroups/defaultSecurityRules";
    public const string ApplicationSecurityGroups = "Microsoft.Network/applicationSecurityGroups";
    public const string RouteTables = "Microsoft.Network/routeTables";
    public const string Routes = "Microsoft.Network/routeTables/routes";
    public const string NetworkInterfaces = "Microsoft.Network/networkInterfaces";
    public const string NetworkInterfaceIpConfigurations = "Microsoft.Network/networkInterfaces/ipConfigurations";
    public const string PublicIpAddresses = "Microsoft.Network/publicIPAddresses";
    public const string VirtualNetworkGateways = "Microsoft.Network/virtualNetworkGateways";
    public const string LocalNetworkGateways = "Microsoft.Network/localNetworkGateways";
    public const string Connections = "Microsoft.Network/connections";
    public const string ExpressRouteCircuits = "Microsoft.Network/expressRouteCircuits";
    public const string ExpressRouteCircuitPeerings = "Microsoft.Network/expressRouteCircuits/peerings";
    public const string ExpressRouteCircuitAuthorizations = "Microsoft.Network/expressRouteCircuits/authorizations";
    public const string RouteFilters = "Microsoft.Network/routeFilters";
    public const string RouteFilterRules = "Microsoft.Network/routeFilters/routeFilterRules";
    public const string AzureFirewalls = "Microsoft.Network/azureFirewalls";
    public const string VirtualMachines = "Microsoft.Compute/virtualMachines";
    public const string ExternalSites = "VNetLab/externalSites";
    public const string SubscriptionFeatures = "VNetLab/subscriptionFeatures";

    public static bool AreEqual(string? left, string? right) => string.Equals(left, right, StringComparison.OrdinalIgnoreCase);
}
