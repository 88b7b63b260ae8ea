namespace VNetLab.Model;

/// <summary>
/// VNetLab/subscriptionFeatures: facts about a subscription that the platform checks but no network
/// resource carries, such as approval for Office 365 route filters (seed 001). Named by the subscription id.
/// </summary>
public sealed record SubscriptionFeatures : Resource
{
    public string SubscriptionId => Name;

    /// <summary>Whether Microsoft has authorized the subscription to create route filters for Office 365 communities; null when not stated.</summary>
    public bool? Office365RouteFilters { get; init; }
}
