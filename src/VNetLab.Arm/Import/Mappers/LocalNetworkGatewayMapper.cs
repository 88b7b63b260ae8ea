using VNetLab.Model;

namespace VNetLab.Arm.Import.Mappers;

internal sealed class LocalNetworkGatewayMapper : IResourceMapper
{
    public string ResourceType => ResourceTypes.LocalNetworkGateways;

    public Resource? Map(ResourceContext context)
    {
        var p = context.Properties;
        return new LocalNetworkGateway
        {
            Id = context.Id,
            Source = context.Location,
            Location = context.AzureLocation,
            GatewayIpAddress = p.IpAddress("gatewayIpAddress"),
            Fqdn = p.String("fqdn"),
            AddressPrefixes = p.Object("localNetworkAddressSpace")?.AddressPrefixes("addressPrefixes") ?? [],
            BgpSettings = BgpSettingsMapper.Map(p.Object("bgpSettings")),
        };
    }
}
