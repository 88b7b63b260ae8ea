using VNetLab.Model;

namespace VNetLab.Diagnostics;

// VNL7xxx: Azure Firewall, network virtual appliances, public IPs, NAT.
public static partial class DiagnosticCatalog
{
    public static partial class Descriptors
    {
        public static readonly DiagnosticDescriptor FirewallNotInAzureFirewallSubnet = new(
            "VNL7001", DiagnosticSeverity.Error, null, "Azure Firewall outside AzureFirewallSubnet",
            "IP configuration '{ipConfigurationName}' of Azure Firewall {firewallId} {placement}; an Azure Firewall must be placed in the subnet named exactly 'AzureFirewallSubnet'.",
            "Create a subnet named exactly AzureFirewallSubnet (/26 or larger) and reference it from the firewall's IP configuration." + AzureTextUnknown,
            "constraints.md 2.17");

        public static readonly DiagnosticDescriptor FirewallPublicIpNotStandard = new(
            "VNL7002", DiagnosticSeverity.Error, null, "Azure Firewall with a non-Standard public IP",
            "Azure Firewall {firewallId} uses public IP {publicIpId} of SKU {sku}; Azure Firewall needs Standard SKU public IPs.",
            "Use a Standard SKU, static public IP." + AzureTextUnknown,
            "constraints.md 2.17");

        public static readonly DiagnosticDescriptor AzureFirewallSubnetTooSmall = new(
            "VNL7003", DiagnosticSeverity.Error, null, "AzureFirewallSubnet smaller than /26",
            "AzureFirewallSubnet of virtual network {vnetId} is {prefix}; Azure Firewall needs a /26 or larger subnet.",
            "Give AzureFirewallSubnet a /26 or larger prefix (the firewall scales out into it)." + AzureTextUnknown,
            "constraints.md 2.17");

        public static readonly DiagnosticDescriptor FirewallSubnetRouteTableWithoutInternetDefault = new(
            "VNL7004", DiagnosticSeverity.Error, "AzureFirewallSubnetRouteTableMustHaveDefaultRouteToInternet", "AzureFirewallSubnet route table without 0.0.0.0/0 to Internet",
            "Route Table {routeTableName} on firewall subnet AzureFirewallSubnet must have 0.0.0.0/0 route with next hop Internet.",
            "Add a route 0.0.0.0/0 with next hop Internet to route table '{routeTableName}', or take the route table off AzureFirewallSubnet. To send the firewall's Internet traffic on-premises, use forced-tunnelling mode with an AzureFirewallManagementSubnet.",
            "constraints.md 2.18, 6.11")
        { IsAzureText = true };
    }

    // placement: Where the IP configuration is, as a verb phrase: "is in subnet 'Workload'" or "names no subnet".
    public static Diagnostic FirewallNotInAzureFirewallSubnet(AzureFirewall firewall, AzureFirewallIpConfiguration ipConfiguration, string placement) =>
        Create(Descriptors.FirewallNotInAzureFirewallSubnet, firewall, ("ipConfigurationName", ipConfiguration.Name), ("firewallId", firewall.Id), ("placement", placement));

    public static Diagnostic FirewallPublicIpNotStandard(AzureFirewall firewall, PublicIpAddress publicIp) =>
        Create(Descriptors.FirewallPublicIpNotStandard, firewall, ("firewallId", firewall.Id), ("publicIpId", publicIp.Id), ("sku", publicIp.SkuName));

    public static Diagnostic AzureFirewallSubnetTooSmall(Subnet subnet, AddressPrefix prefix) =>
        Create(Descriptors.AzureFirewallSubnetTooSmall, subnet, ("vnetId", subnet.VirtualNetworkId), ("prefix", prefix));

    public static Diagnostic FirewallSubnetRouteTableWithoutInternetDefault(Subnet firewallSubnet, RouteTable table) =>
        Create(Descriptors.FirewallSubnetRouteTableWithoutInternetDefault, firewallSubnet, ("routeTableName", table.Name));
}
