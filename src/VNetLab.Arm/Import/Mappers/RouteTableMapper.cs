using VNetLab.Model;

namespace VNetLab.Arm.Import.Mappers;

internal sealed class RouteTableMapper : IResourceMapper
{
    public string ResourceType => ResourceTypes.RouteTables;

    public Resource? Map(ResourceContext context)
    {
        var p = context.Properties;
        return new RouteTable
        {
            Id = context.Id,
            Source = context.Location,
            Location = context.AzureLocation,
            DisableBgpRoutePropagation = p.Bool("disableBgpRoutePropagation") ?? false,
            Routes = [.. p.Objects("routes").Select(r => context.Child(r, "routes")).OfType<ResourceContext>()
                .Select(RouteMapper.MapRoute).OfType<Route>()],
        };
    }
}
