using System.Collections.Immutable;
using VNetLab.Addressing;

namespace VNetLab.Model;

/// <summary>Microsoft.Network/virtualNetworkGateways: a VPN or ExpressRoute gateway in a VNet's GatewaySubnet.</summary>
public sealed record VirtualNetworkGateway : TrackedResource
{
    public required VirtualNetworkGatewayType GatewayType { get; init; }

    /// <summary><c>RouteBased</c> or <c>PolicyBased</c> for VPN gateways; null for ExpressRoute.</summary>
    public VpnType? VpnType { get; init; }

    /// <summary><c>sku.name</c>, e.g. <c>VpnGw1AZ</c>, <c>ErGw1AZ</c>, <c>Basic</c>.</summary>
    public string? SkuName { get; init; }

    /// <summary><c>sku.tier</c>, usually equal to the name.</summary>
    public string? SkuTier { get; init; }

    public bool ActiveActive { get; init; }

    public bool EnableBgp { get; init; }

    public BgpSettings? BgpSettings { get; init; }

    public ImmutableArray<GatewayIpConfiguration> IpConfigurations { get; init; } = [];

    /// <summary><c>Generation1</c> / <c>Generation2</c> for VPN gateways, as given.</summary>
    public string? VpnGatewayGeneration { get; init; }

    /// <summary>
    /// True when <c>properties.vpnClientConfiguration</c> is present (point-to-site). An active-active
    /// gateway with it needs three IP configurations instead of two (constraints.md 3.6, 3.7).
    /// </summary>
    public bool HasVpnClientConfiguration { get; init; }

    /// <summary>
    /// <c>allowRemoteVnetTraffic</c> of an ExpressRoute gateway ("Allow traffic from remote virtual networks"): whether
    /// VNets linked to the same circuit exchange routes through it (semantics.md 5.7); null when the input did not say.
    /// </summary>
    public bool? AllowRemoteVnetTraffic { get; init; }

    /// <summary>The VNet the gateway sits in, read from its first IP configuration's subnet.</summary>
    public ResourceId? VirtualNetworkId => IpConfigurations.Select(c => c.SubnetId?.Parent).FirstOrDefault(v => v is not null);
}

public enum VirtualNetworkGatewayType
{
    Vpn,
    ExpressRoute,
    LocalGateway,
}

public enum VpnType
{
    RouteBased,
    PolicyBased,
}

/// <summary>An IP configuration of a gateway: its GatewaySubnet and public IP.</summary>
public sealed record GatewayIpConfiguration : Resource
{
    public ResourceId? SubnetId { get; init; }

    public ResourceId? PublicIpAddressId { get; init; }

    public IpAddress? PrivateIpAddress { get; init; }
}

/// <summary>BGP settings of a gateway or local network gateway.</summary>
public sealed record BgpSettings
{
    /// <summary>The ASN; Azure's default for a VNet gateway is 65515.</summary>
    public long? Asn { get; init; }

    /// <summary><c>bgpPeeringAddress</c>: one address, or two comma-separated for active-active gateways.</summary>
    public ImmutableArray<IpAddress> BgpPeeringAddresses { get; init; } = [];

    /// <summary>The address text as given, for messages when it did not parse.</summary>
    public string? BgpPeeringAddressText { get; init; }

    public int PeerWeight { get; init; }
}
