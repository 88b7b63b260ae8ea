using System.Collections.Immutable;
using VNetLab.Model;
using VNetLab.Model.Memory;
using VNetLab.Validation.Facts;

namespace VNetLab.Validation;

/// <summary>Counting helpers for per-subscription, per-region quotas.</summary>
internal static class Quota
{
    // How many resources ahead of the one counted a hint asks for the next ones (HintAhead).
    private const int HintDistance = 8;

    /// <summary>
    /// For each (subscription, region) group holding more than <paramref name="limit"/> resources, the first
    /// resource beyond the limit (the one Azure refuses to create), the group's size and its region as given.
    /// Resources without a region are grouped together. Groups come in the order of their first resource, as GroupBy
    /// gives them.
    /// </summary>
    public static IEnumerable<(T Resource, int Count, string Region)> FirstBeyondPerSubscriptionRegion<T>(ImmutableArray<T> resources, int limit)
        where T : TrackedResource
    {
        // The group key (upper-case subscription, normalized region) is a function of the subscription and location
        // as written, and an estate writes a few of each: it is made once per spelling met, not once per resource, which
        // made three strings and a grouping entry per VNet, NSG, route table and ASG of the estate.
        var groupOfSpelling = new Dictionary<(string Subscription, string? Location), int>();
        var groupOfKey = new Dictionary<(string Subscription, string Region), int>();
        var groups = new List<(T First, T? Beyond, int Count)>();
        for (var at = 0; at < resources.Length; at++)
        {
            HintAhead(resources, at);
            var resource = resources[at];
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

    // Each count reads a resource, its id and its location, and at scale the resources of a type sit far apart in
    // memory (a VNet's subnets, rules and NICs lie between two VNets), so each would wait for memory in turn. The
    // resource eight ahead is asked for, and the id and location of the one four ahead, whose own line that request
    // brought in meanwhile: by its turn, all three are in the cache.
    private static void HintAhead<T>(ImmutableArray<T> resources, int at) where T : TrackedResource
    {
        if (at + HintDistance < resources.Length)
        {
            MemoryHint.Load(resources[at + HintDistance]);
        }

        if (at + (HintDistance / 2) < resources.Length)
        {
            var next = resources[at + (HintDistance / 2)];
            MemoryHint.Load(next.Id);
            MemoryHint.Load(next.Location);
        }
    }
}
