using VNetLab.Model;

namespace VNetLab.Arm.Import.Mappers;

internal sealed class NetworkInterfaceMapper : IResourceMapper
{
    public string ResourceType => ResourceTypes.NetworkInterfaces;

    public Resource? Map(ResourceContext context)
    {
        var p = context.Properties;
        return new NetworkInterface
        {
            Id = context.Id,
            Source = context.Location,
            Location = context.AzureLocation,
            EnableIpForwarding = p.Bool("enableIPForwarding") ?? false,
            NetworkSecurityGroupId = p.Reference("networkSecurityGroup"),
            VirtualMachineId = p.Reference("virtualMachine"),
            IpConfigurations = [.. p.Objects("ipConfigurations").Select(c => context.Child(c, "ipConfigurations")).OfType<ResourceContext>()
                .Select(MapIpConfiguration)],
        };
    }

    private static NetworkInterfaceIpConfiguration MapIpConfiguration(ResourceContext context)
    {
        var p = context.Properties;
        return new NetworkInterfaceIpConfiguration
        {
            Id = context.Id,
            Source = context.Location,
            PrivateIpAddress = p.IpAddress("privateIPAddress"),
            PrivateIpAllocationMethod = p.String("privateIPAllocationMethod"),
            SubnetId = p.Reference("subnet"),
            PublicIpAddressId = p.Reference("publicIPAddress"),
            Primary = p.Bool("primary") ?? false,
            ApplicationSecurityGroupIds = p.References("applicationSecurityGroups"),
        };
    }
}
