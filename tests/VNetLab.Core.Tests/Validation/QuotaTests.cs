using FsCheck;
using FsCheck.Fluent;
using VNetLab.Core.Tests.Addressing;
using VNetLab.Model;
using VNetLab.Validation;
using VNetLab.Validation.Facts;

namespace VNetLab.Core.Tests.Validation;

/// <summary>The quota count, keyed once per spelling, against the GroupBy it replaced.</summary>
public sealed class QuotaTests
{
    private static readonly Gen<NetworkSecurityGroup[]> _nsgs =
        Gen.Choose(0, 12).SelectMany(n => Gen.ArrayOf(
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
            return Quota.FirstBeyondPerSubscriptionRegion(nsgs, limit).SequenceEqual(expected);
        }, runs: 1000);
}
