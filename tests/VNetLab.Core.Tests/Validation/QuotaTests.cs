using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using VNetLab.Core.Tests.Addressing;
using VNetLab.Model;
using VNetLab.Validation;
using VNetLab.Validation.Facts;

namespace VNetLab.Core.Tests.Validation;

/// <summary>
/// The quota count, keyed once per spelling and hinting the resources ahead, against the GroupBy it replaced. Up to 20
/// resources, so that lists both shorter and longer than the hints' reach (eight ahead) are counted.
/// </summary>
public sealed class QuotaTests
{
    private static readonly Gen<NetworkSecurityGroup[]> _nsgs =
        Gen.Choose(0, 20).SelectMany(n => Gen.ArrayOf(
            from subscription in Gen.Elements("sub-a", "SUB-A", "sub-b")
            from location in Gen.Elements<string?>(null, "westeurope", "West Europe", "WESTEUROPE", "eastus", "")
            from name in Gen.Choose(0, 1000)
            select new NetworkSecurityGroup { Id = EstateBuilder.Id("networkSecurityGroups", $"nsg-{name}", subscription), Location = location },
            n));

    [Fact]
    public void Property_FirstBeyondEqualsTheGroupByItReplaced() =>
        PropertyCheck.Holds(Gen.Zip(_nsgs, Gen.Choose(0, 4)), static t =>
        {
            var (nsgs, limit) = t;
            var expected = nsgs
                .GroupBy(r => (Subscription: r.Id.Subscription.ToUpperInvariant(), Region: Regions.Normalize(r.Location ?? "")))
                .Where(g => g.Count() > limit)
                .Select(g => (g.ElementAt(limit), g.Count(), g.First().Location ?? "(region not given)"));
            return Quota.FirstBeyondPerSubscriptionRegion(nsgs.ToImmutableArray(), limit).SequenceEqual(expected);
        }, runs: 1000);
}
