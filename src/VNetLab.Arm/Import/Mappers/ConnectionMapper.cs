using VNetLab.Model;

namespace VNetLab.Arm.Import.Mappers;

internal sealed class ConnectionMapper : IResourceMapper
{
    public string ResourceType => ResourceTypes.Connections;

    public Resource? Map(ResourceContext context)
    {
        var p = context.Properties;
        if (p.RequiredEnum<VirtualNetworkGatewayConnectionType>("connectionType", "connection") is not { } connectionType)
        {
            return null;
        }

        // The shared key itself is a secret: keep only that it exists and its length (for the documented limit).
        var sharedKey = p.String("sharedKey");
        return new VirtualNetworkGatewayConnection
        {
            Id = context.Id,
            Source = context.Location,
            Location = context.AzureLocation,
            ConnectionType = connectionType,
            VirtualNetworkGateway1Id = p.Reference("virtualNetworkGateway1"),
            VirtualNetworkGateway2Id = p.Reference("virtualNetworkGateway2"),
            LocalNetworkGateway2Id = p.Reference("localNetworkGateway2"),
            PeerId = p.Reference("peer"),
            EnableBgp = p.Bool("enableBgp") ?? false,
            HasSharedKey = sharedKey is not null,
            SharedKeyLength = sharedKey?.Length,
            ConnectionProtocol = p.String("connectionProtocol"),
            RoutingWeight = p.Int("routingWeight") ?? 0,
            UsePolicyBasedTrafficSelectors = p.Bool("usePolicyBasedTrafficSelectors") ?? false,
            HasAuthorizationKey = p.String("authorizationKey") is not null,
            ExpressRouteGatewayBypass = p.Bool("expressRouteGatewayBypass") ?? false,
        };
    }
}
