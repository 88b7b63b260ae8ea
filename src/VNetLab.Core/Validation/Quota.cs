using VNetLab.Model;
using VNetLab.Validation.Facts;

namespace VNetLab.Validation;

/// <summary>Counting helpers for per-subscription, per-region quotas.</summary>
internal static class Quota
{
    /// <summary>
    /// For each (subscription, region) group holding more than <paramref name="limit"/> resources, the first
    /// resource beyond the limit (the one Azure refuses to create), the group's size and its region as given.
    /// Resources without a region are grouped together. Groups come in the order of their first resource, as GroupBy
    /// gives them.
    /// </summary>
    public static IEnumerable<(T Resource, int Count, string Region)> FirstBeyondPerSubscriptionRegion<T>(IEnumerable<T> resources, int limit)
        where T : TrackedResource
    {
        // The group key (upper-case subscription, normalized region) is a function of the subscription and location
        // as written, and an estate writes a few of each: it is made once per spelling met, not once per resource, which
        // made three strings and a grouping entry per VNet, NSG, route table and ASG of the estate.
        var groupOfSpelling = new Dictionary<(string Subscription, string? Location), int>();
        var groupOfKey = new Dictionary<(string Subscription, string Region), int>();
        var groups = new List<(T First, T? Beyond, int Count)>();
        foreach (var resource in resources)
        {
            var spelling = (resource.Id.Subscription, resource.Location);
            if (!groupOfSpelling.TryGetValue(spelling, out var group))
            {
                var key = (spelling.Subscription.ToUpperInvariant(), Regions.Normalize(spelling.Location ?? ""));
                if (!groupOfKey.TryGetValue(key, out group))
                {
                    group = groups.Count;
                    groups.Add((resource, null, 0));
                    groupOfKey[key] = group;
                }

                groupOfSpelling[spelling] = group;
            }

            var (first, beyond, count) = groups[group];
            groups[group] = (first, count == limit ? resource : beyond, count + 1);
        }

        foreach (var (first, beyond, count) in groups)
        {
            if (count > limit && beyond is not null)
            {
                yield return (beyond, count, first.Location ?? "(region not given)");
            }
        }
    }
}
