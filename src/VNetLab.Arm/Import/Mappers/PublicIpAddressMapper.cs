using VNetLab.Model;

namespace VNetLab.Arm.Import.Mappers;

internal sealed class PublicIpAddressMapper : IResourceMapper
{
    public string ResourceType => ResourceTypes.PublicIpAddresses;

    public Resource? Map(ResourceContext context)
    {
        var p = context.Properties;
        return new PublicIpAddress
        {
            Id = context.Id,
            Source = context.Location,
            Location = context.AzureLocation,
            IpAddress = p.IpAddress("ipAddress"),
            SkuName = context.Resource.Object("sku")?.String("name"),
            PublicIpAllocationMethod = p.String("publicIPAllocationMethod"),
            Zones = context.Resource.Strings("zones"),
            IpConfigurationId = p.Reference("ipConfiguration"),
        };
    }
}
