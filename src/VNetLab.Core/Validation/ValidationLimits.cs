namespace VNetLab.Validation;

/// <summary>
/// Azure's quotas that validation enforces, with the values of the documentation revisions cited in
/// shared/azure/constraints.md. Numbers drift (constraints.md §10.6): each default names its row so it
/// can be re-checked. Tests lower them to exercise the limit rules on small estates.
/// </summary>
public sealed record ValidationLimits
{
    /// <summary>The documented limits.</summary>
    public static ValidationLimits Azure { get; } = new();

    /// <summary>Virtual networks per subscription per region (constraints.md 2.20).</summary>
    public int VirtualNetworksPerSubscriptionRegion { get; init; } = 1_000;

    /// <summary>Subnets per virtual network (2.20).</summary>
    public int SubnetsPerVirtualNetwork { get; init; } = 3_000;

    /// <summary>DNS servers per virtual network (2.20).</summary>
    public int DnsServersPerVirtualNetwork { get; init; } = 20;

    /// <summary>Private IP addresses per virtual network (2.20).</summary>
    public int PrivateIpAddressesPerVirtualNetwork { get; init; } = 65_536;

    /// <summary>Peerings per virtual network (1.15).</summary>
    public int PeeringsPerVirtualNetwork { get; init; } = 500;

    /// <summary>Private addresses across a virtual network and the networks peered with it (1.15).</summary>
    public int PrivateAddressesPerPeeredGroup { get; init; } = 128_000;

    /// <summary>Routes per route table (6.6).</summary>
    public int RoutesPerRouteTable { get; init; } = 400;

    /// <summary>Route tables per subscription per region (6.6).</summary>
    public int RouteTablesPerSubscriptionRegion { get; init; } = 200;

    /// <summary>Routes whose prefix is a service tag, per route table (6.7).</summary>
    public int ServiceTagRoutesPerRouteTable { get; init; } = 25;

    /// <summary>Security rules per NSG (7.13).</summary>
    public int SecurityRulesPerNetworkSecurityGroup { get; init; } = 1_000;

    /// <summary>IP addresses and ranges in the sources (and, separately, the destinations) of one NSG (7.13).</summary>
    public int AddressesPerNetworkSecurityGroupSide { get; init; } = 4_000;

    /// <summary>NSGs per subscription per region (7.13).</summary>
    public int NetworkSecurityGroupsPerSubscriptionRegion { get; init; } = 5_000;

    /// <summary>ASGs in the source or in the destination of one rule (7.8; 1 in 2018, 10 now).</summary>
    public int ApplicationSecurityGroupsPerRuleSide { get; init; } = 10;

    /// <summary>ASGs referenced across all rules of one NSG (7.8).</summary>
    public int ApplicationSecurityGroupsPerNetworkSecurityGroup { get; init; } = 100;

    /// <summary>ASGs one NIC IP configuration belongs to (7.8).</summary>
    public int ApplicationSecurityGroupsPerIpConfiguration { get; init; } = 20;

    /// <summary>ASGs per subscription per region (7.8).</summary>
    public int ApplicationSecurityGroupsPerSubscriptionRegion { get; init; } = 3_000;

    /// <summary>Prefixes a VPN gateway accepts from one BGP peer before it drops the session (4.6).</summary>
    public int VpnBgpPrefixesPerPeer { get; init; } = 4_000;

    /// <summary>IPv4 prefixes private peering accepts on a Local or Standard circuit (5.12).</summary>
    public int PrivatePeeringPrefixesStandard { get; init; } = 4_000;

    /// <summary>IPv4 prefixes private peering accepts with the Premium add-on (5.12).</summary>
    public int PrivatePeeringPrefixesPremium { get; init; } = 10_000;

    /// <summary>IPv6 prefixes private peering accepts (5.12).</summary>
    public int PrivatePeeringPrefixesIpv6 { get; init; } = 100;

    /// <summary>ExpressRoute circuits per subscription (5.14).</summary>
    public int CircuitsPerSubscription { get; init; } = 50;

    /// <summary>ExpressRoute circuits per subscription per region (5.14).</summary>
    public int CircuitsPerSubscriptionRegion { get; init; } = 10;
}
