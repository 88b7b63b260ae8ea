namespace VNetLab.Model;

/// <summary>Microsoft.Network/connections: a gateway's IPsec tunnel, VNet-to-VNet link or ExpressRoute circuit link.</summary>
public sealed record VirtualNetworkGatewayConnection : TrackedResource
{
    public required VirtualNetworkGatewayConnectionType ConnectionType { get; init; }

    public ResourceId? VirtualNetworkGateway1Id { get; init; }

    public ResourceId? VirtualNetworkGateway2Id { get; init; }

    public ResourceId? LocalNetworkGateway2Id { get; init; }

    /// <summary>For ExpressRoute connections, the circuit (<c>peer.id</c>).</summary>
    public ResourceId? PeerId { get; init; }

    public bool EnableBgp { get; init; }

    /// <summary>True when a shared key was given (its value is not kept).</summary>
    public bool HasSharedKey { get; init; }

    /// <summary>Length of the shared key, for the documented length limit.</summary>
    public int? SharedKeyLength { get; init; }

    /// <summary><c>IKEv2</c> or <c>IKEv1</c>, as given.</summary>
    public string? ConnectionProtocol { get; init; }

    public int RoutingWeight { get; init; }

    public bool UsePolicyBasedTrafficSelectors { get; init; }

    public bool HasAuthorizationKey { get; init; }

    /// <summary>ExpressRoute FastPath (<c>expressRouteGatewayBypass</c>).</summary>
    public bool ExpressRouteGatewayBypass { get; init; }
}

public enum VirtualNetworkGatewayConnectionType
{
    IPsec,
    Vnet2Vnet,
    ExpressRoute,
    VPNClient,
}
