using VNetLab.Model;

namespace VNetLab.Arm.Import.Mappers;

internal sealed class VirtualNetworkGatewayMapper : IResourceMapper
{
    public string ResourceType => ResourceTypes.VirtualNetworkGateways;

    public Resource? Map(ResourceContext context)
    {
        var p = context.Properties;
        if (p.RequiredEnum<VirtualNetworkGatewayType>("gatewayType", "virtual network gateway") is not { } gatewayType)
        {
            return null;
        }

        var sku = p.Object("sku") ?? context.Resource.Object("sku");
        return new VirtualNetworkGateway
        {
            Id = context.Id,
            Source = context.Location,
            Location = context.AzureLocation,
            GatewayType = gatewayType,
            VpnType = p.Enum<VpnType>("vpnType"),
            SkuName = sku?.String("name"),
            SkuTier = sku?.String("tier"),
            ActiveActive = p.Bool("activeActive") ?? false,
            EnableBgp = p.Bool("enableBgp") ?? false,
            AllowRemoteVnetTraffic = p.Bool("allowRemoteVnetTraffic"),
            HasVpnClientConfiguration = p.Object("vpnClientConfiguration") is not null,
            BgpSettings = BgpSettingsMapper.Map(p.Object("bgpSettings")),
            VpnGatewayGeneration = p.String("vpnGatewayGeneration"),
            IpConfigurations = [.. p.Objects("ipConfigurations").Select(c => context.Child(c, "ipConfigurations")).OfType<ResourceContext>()
                .Select(c => new GatewayIpConfiguration
                {
                    Id = c.Id,
                    Source = c.Location,
                    SubnetId = c.Properties.Reference("subnet"),
                    PublicIpAddressId = c.Properties.Reference("publicIPAddress"),
                    PrivateIpAddress = c.Properties.IpAddress("privateIPAddress"),
                })],
        };
    }
}
