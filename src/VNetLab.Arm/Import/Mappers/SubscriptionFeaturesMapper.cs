using VNetLab.Model;

namespace VNetLab.Arm.Import.Mappers;

/// <summary>The twin's own <c>VNetLab/subscriptionFeatures</c>, named by the subscription id (CONTRACT.md).</summary>
internal sealed class SubscriptionFeaturesMapper : IResourceMapper
{
    public string ResourceType => ResourceTypes.SubscriptionFeatures;

    public Resource? Map(ResourceContext context) => new SubscriptionFeatures
    {
        Id = context.Id,
        Source = context.Location,
        Office365RouteFilters = context.Properties.Bool("office365RouteFilters"),
    };
}
