using VNetLab.Model;

namespace VNetLab.Arm.Import.Mappers;

/// <summary>Only what links a VM to its NICs (CONTRACT.md).</summary>
internal sealed class VirtualMachineMapper : IResourceMapper
{
    public string ResourceType => ResourceTypes.VirtualMachines;

    public Resource? Map(ResourceContext context) => new VirtualMachine
    {
        Id = context.Id,
        Source = context.Location,
        Location = context.AzureLocation,
        NetworkInterfaceIds = context.Properties.Object("networkProfile")?.References("networkInterfaces") ?? [],
    };
}
