using System.Collections.Immutable;

namespace VNetLab.EstateGenerator.Planning;

/// <summary>
/// One hub: a /22 VNet in the connectivity subscription with an ExpressRoute gateway and a BGP VPN
/// gateway side by side (coexistence, so GatewaySubnet is a /27, constraints.md 3.3, 3.9), an Azure
/// Firewall, DNS and management VMs, and peerings to its spokes and to every other hub.
/// </summary>
internal sealed record HubPlan(int Index, Region Region, int Number, string Subscription)
{
    /// <summary>Azure's default ASN for virtual network gateways (semantics.md 5.1).</summary>
    public const long GatewayAsn = 65515;

    public string Name => $"hub-{Region.ShortName}-{Number:D2}";

    public string ResourceGroup => $"rg-{Name}";

    public string VirtualNetworkName => $"vnet-{Name}";

    public string VirtualNetworkId => ArmIds.Of(Subscription, ResourceGroup, ArmIds.VirtualNetworks, VirtualNetworkName);

    public Ipv4Prefix AddressSpace => AddressPlan.Hub(Index);

    public Ipv4Prefix GatewaySubnet => AddressSpace.Subdivide(27, 0);

    public Ipv4Prefix AzureFirewallSubnet => AddressSpace.Subdivide(26, 1);

    public Ipv4Prefix AzureBastionSubnet => AddressSpace.Subdivide(26, 2);

    public Ipv4Prefix DnsSubnet => AddressSpace.Subdivide(26, 4);

    public Ipv4Prefix ManagementSubnet => AddressSpace.Subdivide(26, 8);

    public string SubnetId(string subnetName) => ArmIds.Child(VirtualNetworkId, "subnets", subnetName);

    /// <summary>Azure Firewall takes the first host address of AzureFirewallSubnet; spokes route to it.</summary>
    public uint FirewallPrivateAddress => AzureFirewallSubnet.Address(AddressPlan.FirstHostOffset);

    /// <summary>An active-standby VPN gateway's BGP address is the last usable address of GatewaySubnet (semantics.md 3.10).</summary>
    public uint VpnGatewayBgpAddress => GatewaySubnet.Last - 1;

    /// <summary>The two DNS servers every VNet of this hub's spokes uses.</summary>
    public ImmutableArray<uint> DnsServers => [DnsSubnet.Address(AddressPlan.FirstHostOffset), DnsSubnet.Address(AddressPlan.FirstHostOffset + 1)];

    /// <summary>A made-up public address in a block per region and hub (the gateways' and firewall's public IPs).</summary>
    public uint PublicAddress(uint host) => (20u << 24) | ((40u + (uint)Region.Index) << 16) | ((uint)Number << 8) | host;

    public string ExpressRouteGatewayName => $"ergw-{Name}";

    public string VpnGatewayName => $"vpngw-{Name}";

    public string FirewallName => $"afw-{Name}";

    public string GatewaySubnetRouteTableName => $"rt-{Name}-gatewaysubnet";

    public string Id(string type, string name) => ArmIds.Of(Subscription, ResourceGroup, type, name);

    /// <summary>The circuit of the hub's region.</summary>
    public required CircuitPlan Circuit { get; init; }

    /// <summary>The spokes attached to this hub are <see cref="FirstSpoke"/> … <see cref="FirstSpoke"/> + <see cref="SpokeCount"/> − 1.</summary>
    public required int FirstSpoke { get; init; }

    public required int SpokeCount { get; init; }

    /// <summary>The fewest prefixes covering this hub's spokes (they are allocated consecutively).</summary>
    public ImmutableArray<Ipv4Prefix> SpokeAggregates { get; init; } = [];

    public BranchPlan Branch => new(this);
}
