using VNetLab.Model;
using VNetLab.Validation.Facts;

namespace VNetLab.Validation;

/// <summary>Counting helpers for per-subscription, per-region quotas.</summary>
internal static class Quota
{
    /// <summary>
    /// For each (subscription, region) group holding more than <paramref name="limit"/> resources, the first
    /// resource beyond the limit (the one Azure refuses to create), the group's size and its region as given.
    /// Resources without a region are grouped together.
    /// </summary>
    public static IEnumerable<(T Resource, int Count, string Region)> FirstBeyondPerSubscriptionRegion<T>(IEnumerable<T> resources, int limit)
        where T : TrackedResource =>
        resources
            .GroupBy(r => (Subscription: r.Id.Subscription.ToUpperInvariant(), Region: Regions.Normalize(r.Location ?? "")))
            .Where(g => g.Count() > limit)
            .Select(g => (g.ElementAt(limit), g.Count(), g.First().Location ?? "(region not given)"));
}
