using System.Collections.Immutable;

namespace VNetLab.Model;

/// <summary>Microsoft.Network/virtualNetworks/virtualNetworkPeerings: one direction of a peering.</summary>
public sealed record VirtualNetworkPeering : Resource
{
    public required ResourceId RemoteVirtualNetworkId { get; init; }

    public bool AllowVirtualNetworkAccess { get; init; } = true;

    public bool AllowForwardedTraffic { get; init; }

    public bool AllowGatewayTransit { get; init; }

    public bool UseRemoteGateways { get; init; }

    /// <summary><c>Initiated</c>, <c>Connected</c> or <c>Disconnected</c>; null when the input did not say (a design, not an export).</summary>
    public PeeringState? PeeringState { get; init; }

    /// <summary><c>properties.remoteAddressSpace</c> as Azure last synchronised it (exports carry it).</summary>
    public ImmutableArray<AddressPrefix> RemoteAddressSpace { get; init; } = [];

    /// <summary>The VNet this peering belongs to (the parent segment of its id).</summary>
    public ResourceId VirtualNetworkId => Id.Parent ?? Id;
}

/// <summary>Azure's <c>peeringState</c> values.</summary>
public enum PeeringState
{
    Initiated,
    Connected,
    Disconnected,
}
