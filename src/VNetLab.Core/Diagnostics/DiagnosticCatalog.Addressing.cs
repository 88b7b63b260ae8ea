using VNetLab.Addressing;
using VNetLab.Model;

namespace VNetLab.Diagnostics;

// VNL1xxx: address spaces, VNets, subnets and the private IPs placed in them.
public static partial class DiagnosticCatalog
{
    /// <summary>Ends the fix of an INFERRED rejection: Azure refuses the configuration, but nobody has captured its words.</summary>
    private const string AzureTextUnknown =
        " Azure rejects this, but its exact error code and message are not known; the message above is VNetLab's wording.";

    public static partial class Descriptors
    {
        public static readonly DiagnosticDescriptor SubnetRangeOutsideVnet = new(
            "VNL1001", DiagnosticSeverity.Error, "NetcfgSubnetRangeOutsideVnet", "Subnet outside the VNet's address space",
            "Subnet '{subnetName}' is not valid because its IP address range is outside the IP address range of virtual network '{vnetName}'.",
            "Give subnet '{subnetName}' a prefix inside one of the VNet's address prefixes ({addressSpace}), or add a prefix that contains {subnetPrefix} to the VNet's address space first.",
            "constraints.md 2.3")
        { IsAzureText = true };

        public static readonly DiagnosticDescriptor InvalidCidrNotation = new(
            "VNL1002", DiagnosticSeverity.Error, "InvalidCIDRNotation", "Invalid CIDR notation (host bits set)",
            "The address prefix {prefix} in resource {resourceId} has an invalid CIDR notation. For the given prefix length, the address prefix should be {correctedPrefix}.",
            "Write {correctedPrefix} (the network address of {prefix}); if you meant a smaller range, keep the address and use a longer prefix length.",
            "constraints.md 2.2")
        { IsAzureText = true };

        public static readonly DiagnosticDescriptor SubnetRangesOverlap = new(
            "VNL1003", DiagnosticSeverity.Error, "NetcfgSubnetRangesOverlap", "Overlapping subnets",
            "Subnet '{subnetName}' is not valid because its IP address range overlaps with that of an existing subnet in virtual network '{vnetName}'.",
            "Move subnet '{subnetName}' ({subnetPrefix}) to a range no other subnet of the VNet uses; it overlaps '{otherSubnetName}' ({otherPrefix}).",
            "constraints.md 2.4")
        { IsAzureText = true };

        public static readonly DiagnosticDescriptor AddressSpaceInReservedRange = new(
            "VNL1004", DiagnosticSeverity.Error, null, "Address space in a range Azure reserves",
            "The address prefix {prefix} of virtual network {vnetId} overlaps {reservedPrefix} ({reservedUse}), which a virtual network cannot use.",
            "Use a private (RFC 1918) range instead of {prefix}; Azure does not allow 224.0.0.0/4, 255.255.255.255/32, 127.0.0.0/8, 169.254.0.0/16 or 168.63.129.16/32 in an address space." + AzureTextUnknown,
            "constraints.md 2.6");

        public static readonly DiagnosticDescriptor AddressSpaceIsPublic = new(
            "VNL1005", DiagnosticSeverity.Info, null, "Public range used as a private address space",
            "The address prefix {prefix} of virtual network {vnetId} is not a private (RFC 1918) range; Azure accepts it, but the VNet's resources cannot reach the Internet hosts that own it.",
            "Prefer 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16 unless you own {prefix} and mean to use it privately.",
            "constraints.md 2.6");

        public static readonly DiagnosticDescriptor PrivateIpInReservedRange = new(
            "VNL1006", DiagnosticSeverity.Error, "PrivateIPAddressInReservedRange", "Static IP in a subnet's reserved addresses",
            "Private static IP address {ip} falls within reserved IP range of subnet prefix {subnetPrefix}.",
            "Pick another address: Azure keeps the first four addresses of every subnet (network, default gateway, two for DNS) and the last one (broadcast); in {subnetPrefix} the usable range is {firstUsable} to {lastUsable}.",
            "constraints.md 2.7")
        { IsAzureText = true };

        public static readonly DiagnosticDescriptor PrivateIpNotInSubnet = new(
            "VNL1007", DiagnosticSeverity.Error, "PrivateIPAddressNotInSubnet", "Static IP outside its subnet",
            "Private static IP address {ip} does not belong to the range of subnet prefix {subnetPrefix}.",
            "Give the IP configuration an address inside {subnetPrefix}, or place it in the subnet that contains {ip}.",
            "constraints.md 2.10")
        { IsAzureText = true };

        public static readonly DiagnosticDescriptor PrivateIpNotInAnySubnet = new(
            "VNL1008", DiagnosticSeverity.Error, "PrivateIPAddressNotInAnySubnet", "Static IP outside every subnet of the VNet",
            "Private static IP address {ip} does not belong to the range of any subnet in the virtual network {vnetId}.",
            "Give the IP configuration an address inside its subnet ({subnetPrefix}).",
            "constraints.md 2.22")
        { IsAzureText = true };

        public static readonly DiagnosticDescriptor PrivateIpAlreadyAllocated = new(
            "VNL1009", DiagnosticSeverity.Error, "PrivateIPAddressIsAllocated", "Private IP used twice",
            "The private IP address {ip} of {ipConfigurationId} is already allocated to {otherIpConfigurationId} in virtual network {vnetId}.",
            "Give one of the two IP configurations another free address (or make it Dynamic). Azure's message for this case was captured only in part, so the message above is VNetLab's wording around Azure's code.",
            "constraints.md 2.11");

        public static readonly DiagnosticDescriptor SubnetSizeOutOfRange = new(
            "VNL1010", DiagnosticSeverity.Error, null, "Subnet size not allowed",
            "Subnet '{subnetName}' has prefix {prefix}; Azure allows IPv4 subnets from /8 to /29 and IPv6 subnets of exactly /64.",
            "Resize the subnet: at most /29 (8 addresses, 3 usable) and at least /8 for IPv4, exactly /64 for IPv6." + AzureTextUnknown,
            "constraints.md 2.12");

        public static readonly DiagnosticDescriptor GatewaySubnetUsedByOtherResource = new(
            "VNL1011", DiagnosticSeverity.Error, "GatewaySubnet", "Non-gateway resource in GatewaySubnet",
            "Subnet with name 'GatewaySubnet' can be used only for the Gateway resource.",
            "Move {ipConfigurationId} to another subnet; GatewaySubnet holds only VPN and ExpressRoute gateways.",
            "constraints.md 2.13")
        { IsAzureText = true };

        public static readonly DiagnosticDescriptor NsgOnGatewaySubnet = new(
            "VNL1012", DiagnosticSeverity.Error, "NetworkSecurityGroupCannotBeAttachedToGatewaySubnet", "NSG on GatewaySubnet",
            "The operation failed because the network security group {nsgName} can not be associated to the GatewaySubnet. Please remove the network security group associated to the GatewaySubnet. No changes have occurred on the gateway at this time. See here for additional details: https://aka.ms/GatewaySubnet.",
            "Remove properties.networkSecurityGroup from GatewaySubnet in {vnetName}; filter the gateway's traffic with NSGs on the subnets it reaches instead.",
            "constraints.md 2.14")
        { IsAzureText = true };

        public static readonly DiagnosticDescriptor AzureBastionSubnetTooSmall = new(
            "VNL1013", DiagnosticSeverity.Error, null, "AzureBastionSubnet smaller than /26",
            "AzureBastionSubnet of virtual network {vnetId} is {prefix}; Azure Bastion needs a /26 or larger subnet.",
            "Give AzureBastionSubnet a /26 or larger prefix (older documentation allowed /27)." + AzureTextUnknown,
            "constraints.md 2.19");

        public static readonly DiagnosticDescriptor SubnetsPerVnetLimit = new(
            "VNL1014", DiagnosticSeverity.Error, null, "Too many subnets in a VNet",
            "Virtual network {vnetId} has {count} subnets; Azure allows {limit} per virtual network.",
            "Split the workload across several VNets, or merge small subnets." + AzureTextUnknown,
            "constraints.md 2.20");

        public static readonly DiagnosticDescriptor VnetCountLimitReached = new(
            "VNL1015", DiagnosticSeverity.Error, "VnetCountLimitReached", "Too many VNets in a subscription and region",
            "Cannot create more than {limit} virtual networks for this subscription in this region.",
            "Subscription {subscriptionId} has {count} virtual networks in {region}; move some to another subscription or region, or ask Azure support to raise the quota.",
            "constraints.md 2.20")
        { IsAzureText = true };

        public static readonly DiagnosticDescriptor DnsServersPerVnetLimit = new(
            "VNL1016", DiagnosticSeverity.Error, null, "Too many DNS servers on a VNet",
            "Virtual network {vnetId} lists {count} DNS servers; Azure allows {limit}.",
            "Keep at most {limit} entries in properties.dhcpOptions.dnsServers." + AzureTextUnknown,
            "constraints.md 2.20");

        public static readonly DiagnosticDescriptor PrivateIpsPerVnetLimit = new(
            "VNL1017", DiagnosticSeverity.Error, null, "Too many private IPs in a VNet",
            "Virtual network {vnetId} holds {count} private IP configurations; Azure allows {limit} per virtual network.",
            "Spread the NICs over more virtual networks." + AzureTextUnknown,
            "constraints.md 2.20");

        public static readonly DiagnosticDescriptor ResourceRegionDiffersFromVnet = new(
            "VNL1018", DiagnosticSeverity.Error, null, "Resource in another region than its VNet",
            "{resourceId} is in region {resourceRegion} but uses virtual network {vnetId} in region {vnetRegion}; a virtual network and what is placed in it share one region.",
            "Create the resource in {vnetRegion}, or use a virtual network in {resourceRegion} (peer the two VNets to connect them)." + AzureTextUnknown,
            "constraints.md 2.21");

        public static readonly DiagnosticDescriptor SubnetIsFull = new(
            "VNL1019", DiagnosticSeverity.Error, "SubnetIsFull", "More IP configurations than a subnet has addresses",
            "Subnet {subnetName} with address prefix {prefix} is already full.",
            "Subnet '{subnetName}' has {usable} usable addresses (5 are reserved) but {count} IP configurations; enlarge the subnet or move some NICs to another subnet.",
            "constraints.md 2.23")
        { IsAzureText = true };

        public static readonly DiagnosticDescriptor InvalidDnsServer = new(
            "VNL1020", DiagnosticSeverity.Error, "NetcfgInvalidDnsServer", "DNS server that is not an IP address",
            "DNS server is not valid as specified with the name '{value}'.",
            "List DNS servers of virtual network {vnetId} as IP addresses (e.g. 10.0.0.4), not names.",
            "constraints.md 2.24")
        { IsAzureText = true };
    }

    public static Diagnostic SubnetRangeOutsideVnet(Subnet subnet, VirtualNetwork vnet, AddressPrefix subnetPrefix) =>
        Create(Descriptors.SubnetRangeOutsideVnet, subnet, ("subnetName", subnet.Name), ("vnetName", vnet.Name),
            ("subnetPrefix", subnetPrefix), ("addressSpace", JoinPrefixes(vnet.AddressSpace)));

    /// <summary>A prefix with host bits set, on the resource that declares it (VNet, subnet, route, local network gateway).</summary>
    public static Diagnostic InvalidCidrNotation(Resource resource, string prefix, IpPrefix corrected) =>
        Create(Descriptors.InvalidCidrNotation, resource, ("prefix", prefix), ("resourceId", resource.Id), ("correctedPrefix", corrected));

    public static Diagnostic SubnetRangesOverlap(Subnet subnet, VirtualNetwork vnet, AddressPrefix subnetPrefix, Subnet other, AddressPrefix otherPrefix) =>
        Create(Descriptors.SubnetRangesOverlap, subnet, ("subnetName", subnet.Name), ("vnetName", vnet.Name),
            ("subnetPrefix", subnetPrefix), ("otherSubnetName", other.Name), ("otherPrefix", otherPrefix));

    public static Diagnostic AddressSpaceInReservedRange(VirtualNetwork vnet, AddressPrefix prefix, IpPrefix reserved, string reservedUse) =>
        Create(Descriptors.AddressSpaceInReservedRange, vnet, ("prefix", prefix), ("vnetId", vnet.Id), ("reservedPrefix", reserved), ("reservedUse", reservedUse));

    public static Diagnostic AddressSpaceIsPublic(VirtualNetwork vnet, AddressPrefix prefix) =>
        Create(Descriptors.AddressSpaceIsPublic, vnet, ("prefix", prefix), ("vnetId", vnet.Id));

    public static Diagnostic PrivateIpInReservedRange(NetworkInterfaceIpConfiguration ipConfiguration, IpAddress ip, IpPrefix subnetPrefix) =>
        Create(Descriptors.PrivateIpInReservedRange, ipConfiguration, ("ip", ip), ("subnetPrefix", subnetPrefix),
            ("firstUsable", IpAddress.From(subnetPrefix.Family, subnetPrefix.Network.Value + 4)),
            ("lastUsable", IpAddress.From(subnetPrefix.Family, subnetPrefix.Last.Value - 1)));

    public static Diagnostic PrivateIpNotInSubnet(NetworkInterfaceIpConfiguration ipConfiguration, IpAddress ip, AddressPrefix subnetPrefix) =>
        Create(Descriptors.PrivateIpNotInSubnet, ipConfiguration, ("ip", ip), ("subnetPrefix", subnetPrefix));

    public static Diagnostic PrivateIpNotInAnySubnet(NetworkInterfaceIpConfiguration ipConfiguration, IpAddress ip, VirtualNetwork vnet, Subnet subnet) =>
        Create(Descriptors.PrivateIpNotInAnySubnet, ipConfiguration, ("ip", ip), ("vnetId", vnet.Id), ("subnetPrefix", JoinPrefixes(subnet.AddressPrefixes)));

    public static Diagnostic PrivateIpAlreadyAllocated(NetworkInterfaceIpConfiguration ipConfiguration, IpAddress ip, NetworkInterfaceIpConfiguration other, VirtualNetwork vnet) =>
        Create(Descriptors.PrivateIpAlreadyAllocated, ipConfiguration, ("ip", ip), ("ipConfigurationId", ipConfiguration.Id),
            ("otherIpConfigurationId", other.Id), ("vnetId", vnet.Id));

    public static Diagnostic SubnetSizeOutOfRange(Subnet subnet, AddressPrefix prefix) =>
        Create(Descriptors.SubnetSizeOutOfRange, subnet, ("subnetName", subnet.Name), ("prefix", prefix));

    public static Diagnostic GatewaySubnetUsedByOtherResource(Resource ipConfiguration) =>
        Create(Descriptors.GatewaySubnetUsedByOtherResource, ipConfiguration, ("ipConfigurationId", ipConfiguration.Id));

    public static Diagnostic NsgOnGatewaySubnet(Subnet gatewaySubnet, ResourceId nsgId) =>
        Create(Descriptors.NsgOnGatewaySubnet, gatewaySubnet, ("nsgName", nsgId.Name), ("vnetName", gatewaySubnet.VirtualNetworkId.Name));

    public static Diagnostic AzureBastionSubnetTooSmall(Subnet subnet, AddressPrefix prefix) =>
        Create(Descriptors.AzureBastionSubnetTooSmall, subnet, ("vnetId", subnet.VirtualNetworkId), ("prefix", prefix));

    public static Diagnostic SubnetsPerVnetLimit(VirtualNetwork vnet, int count, int limit) =>
        Create(Descriptors.SubnetsPerVnetLimit, vnet, ("vnetId", vnet.Id), ("count", count), ("limit", limit));

    public static Diagnostic VnetCountLimitReached(VirtualNetwork vnet, string subscriptionId, string region, int count, int limit) =>
        Create(Descriptors.VnetCountLimitReached, vnet, ("limit", limit), ("subscriptionId", subscriptionId), ("region", region), ("count", count));

    public static Diagnostic DnsServersPerVnetLimit(VirtualNetwork vnet, int count, int limit) =>
        Create(Descriptors.DnsServersPerVnetLimit, vnet, ("vnetId", vnet.Id), ("count", count), ("limit", limit));

    public static Diagnostic PrivateIpsPerVnetLimit(VirtualNetwork vnet, int count, int limit) =>
        Create(Descriptors.PrivateIpsPerVnetLimit, vnet, ("vnetId", vnet.Id), ("count", count), ("limit", limit));

    public static Diagnostic ResourceRegionDiffersFromVnet(Resource resource, string resourceRegion, VirtualNetwork vnet, string vnetRegion) =>
        Create(Descriptors.ResourceRegionDiffersFromVnet, resource, ("resourceId", resource.Id), ("resourceRegion", resourceRegion),
            ("vnetId", vnet.Id), ("vnetRegion", vnetRegion));

    public static Diagnostic SubnetIsFull(Subnet subnet, UInt128 usable, int count) =>
        Create(Descriptors.SubnetIsFull, subnet, ("subnetName", subnet.Name), ("prefix", JoinPrefixes(subnet.AddressPrefixes)),
            ("usable", usable), ("count", count));

    public static Diagnostic InvalidDnsServer(VirtualNetwork vnet, string value) =>
        Create(Descriptors.InvalidDnsServer, vnet, ("value", value), ("vnetId", vnet.Id));

    private static string JoinPrefixes(IEnumerable<AddressPrefix> prefixes) => string.Join(", ", prefixes.Select(p => p.Text));
}
