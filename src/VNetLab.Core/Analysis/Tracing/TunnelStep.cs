using VNetLab.Model;

namespace VNetLab.Analysis.Tracing;

/// <summary>The packet went through an IPsec tunnel: the connection and the local network gateway at its far end.</summary>
public sealed record TunnelStep(ResourceId ConnectionId, ResourceId? LocalNetworkGatewayId) : Step
{
    public override string Kind => "Tunnel";

    public override ResourceId? DecidedBy => ConnectionId;

    public override string Describe() =>
        $"IPsec tunnel {ConnectionId.Name}{(LocalNetworkGatewayId is { } l ? " to " + l.Name : string.Empty)}";
}
