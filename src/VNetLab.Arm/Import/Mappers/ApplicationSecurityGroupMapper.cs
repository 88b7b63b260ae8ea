using VNetLab.Model;

namespace VNetLab.Arm.Import.Mappers;

internal sealed class ApplicationSecurityGroupMapper : IResourceMapper
{
    public string ResourceType => ResourceTypes.ApplicationSecurityGroups;

    public Resource? Map(ResourceContext context) =>
        new ApplicationSecurityGroup { Id = context.Id, Source = context.Location, Location = context.AzureLocation };
}
