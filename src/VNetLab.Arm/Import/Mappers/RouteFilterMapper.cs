using VNetLab.Model;

namespace VNetLab.Arm.Import.Mappers;

internal sealed class RouteFilterMapper : IResourceMapper
{
    public string ResourceType => ResourceTypes.RouteFilters;

    public Resource? Map(ResourceContext context) => new RouteFilter
    {
        Id = context.Id,
        Source = context.Location,
        Location = context.AzureLocation,
        Rules = [.. context.Properties.Objects("rules").Select(c => context.Child(c, "routeFilterRules")).OfType<ResourceContext>()
            .Select(RouteFilterRuleMapper.MapRule)],
    };
}

internal sealed class RouteFilterRuleMapper : IResourceMapper
{
    public string ResourceType => ResourceTypes.RouteFilterRules;

    public Resource? Map(ResourceContext context) => MapRule(context);

    public static RouteFilterRule MapRule(ResourceContext context)
    {
        var p = context.Properties;
        return new RouteFilterRule
        {
            Id = context.Id,
            Source = context.Location,
            Access = p.String("access") ?? "Allow",
            RouteFilterRuleType = p.String("routeFilterRuleType") ?? "Community",
            Communities = p.Strings("communities"),
        };
    }
}
