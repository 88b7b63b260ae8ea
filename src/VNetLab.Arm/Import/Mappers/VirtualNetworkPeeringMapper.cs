using VNetLab.Model;

namespace VNetLab.Arm.Import.Mappers;

internal sealed class VirtualNetworkPeeringMapper : IResourceMapper
{
    public string ResourceType => ResourceTypes.VirtualNetworkPeerings;

    public Resource? Map(ResourceContext context) => MapPeering(context);

    /// <summary>Null when the peering names no remote VNet (reported as a missing field).</summary>
    public static VirtualNetworkPeering? MapPeering(ResourceContext context)
    {
        var p = context.Properties;
        var remote = p.Reference("remoteVirtualNetwork");
        if (remote is null)
        {
            if (!p.Has("remoteVirtualNetwork"))
            {
                p.Report(Diagnostics.DiagnosticCatalog.MissingRequiredField(p.Location, context.Id, "virtual network peering", "remoteVirtualNetwork"));
            }

            return null;
        }

        return new VirtualNetworkPeering
        {
            Id = context.Id,
            Source = context.Location,
            RemoteVirtualNetworkId = remote,
            AllowVirtualNetworkAccess = p.Bool("allowVirtualNetworkAccess") ?? true,
            AllowForwardedTraffic = p.Bool("allowForwardedTraffic") ?? false,
            AllowGatewayTransit = p.Bool("allowGatewayTransit") ?? false,
            UseRemoteGateways = p.Bool("useRemoteGateways") ?? false,
            PeeringState = p.Enum<PeeringState>("peeringState"),
            RemoteAddressSpace = p.Object("remoteAddressSpace")?.AddressPrefixes("addressPrefixes") ?? [],
        };
    }
}
