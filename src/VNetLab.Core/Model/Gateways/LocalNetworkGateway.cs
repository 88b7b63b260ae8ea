using System.Collections.Immutable;
using VNetLab.Addressing;

namespace VNetLab.Model;

/// <summary>Microsoft.Network/localNetworkGateways: Azure's description of the VPN peer (its public IP, prefixes, BGP).</summary>
public sealed record LocalNetworkGateway : TrackedResource
{
    public IpAddress? GatewayIpAddress { get; init; }

    public string? Fqdn { get; init; }

    /// <summary><c>localNetworkAddressSpace.addressPrefixes</c>: the static routes a non-BGP connection installs.</summary>
    public ImmutableArray<AddressPrefix> AddressPrefixes { get; init; } = [];

    public BgpSettings? BgpSettings { get; init; }
}
