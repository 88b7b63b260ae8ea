using VNetLab.Model;

namespace VNetLab.Arm.Import.Mappers;

internal sealed class VirtualNetworkMapper : IResourceMapper
{
    public string ResourceType => ResourceTypes.VirtualNetworks;

    public Resource? Map(ResourceContext context)
    {
        var p = context.Properties;
        return new VirtualNetwork
        {
            Id = context.Id,
            Source = context.Location,
            Location = context.AzureLocation,
            AddressSpace = p.Object("addressSpace")?.AddressPrefixes("addressPrefixes") ?? [],
            DnsServers = p.Object("dhcpOptions")?.Strings("dnsServers") ?? [],
            Subnets = [.. p.Objects("subnets").Select(s => context.Child(s, "subnets")).OfType<ResourceContext>().Select(SubnetMapper.MapSubnet)],
            Peerings = [.. p.Objects("virtualNetworkPeerings").Select(s => context.Child(s, "virtualNetworkPeerings")).OfType<ResourceContext>()
                .Select(VirtualNetworkPeeringMapper.MapPeering).OfType<VirtualNetworkPeering>()],
        };
    }
}
