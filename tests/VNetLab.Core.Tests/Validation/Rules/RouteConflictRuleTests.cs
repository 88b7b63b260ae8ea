using FsCheck;
using FsCheck.Fluent;
using VNetLab.Addressing;
using VNetLab.Core.Tests.Addressing;
using VNetLab.Model;
using VNetLab.Validation.Rules.RouteTables;

namespace VNetLab.Core.Tests.Validation.Rules;

/// <summary>Two routes conflict when their keys are equal: the key compares as the text the rule once built per route.</summary>
public sealed class RouteConflictRuleTests
{
    // Prefixes, tags in several spellings, and texts that are (or almost are) a prefix's text; each route takes one as
    // its text and, independently, a parsed prefix or none, so keys of every kind meet.
    private static readonly string[] _texts =
    [
        "10.0.0.0/8", " 10.0.0.0/8 ", "10.1.0.0/8", "10.0.0.0/16", "fd00::/8", "FD00::/8", "fd00::0/8", "Internet", "INTERNET ",
        "internet", "AzureCloud.WestEurope", "azurecloud.westeurope", "10.0.0.0 /8", "", "  ",
    ];

    private static readonly Gen<Route> _route =
        from text in Gen.Elements(_texts)
        from prefix in Gen.Elements<string?>(null, "10.0.0.0/8", "10.1.0.0/8", "10.0.0.0/16", "fd00::/8")
        select new Route
        {
            Id = EstateBuilder.Id("routeTables", "rt").Child("routes", "r"),
            AddressPrefix = text,
            Prefix = prefix is null ? null : IpPrefix.Parse(prefix),
            NextHopType = RouteNextHopType.Internet,
        };

    [Fact]
    public void Property_KeysAreEqualExactlyWhenTheirTextsAre() =>
        PropertyCheck.Holds(Gen.Zip(_route, _route), static t =>
        {
            var (a, b) = t;
            var sameText = Text(a) == Text(b);
            var (keyA, keyB) = (RouteConflictRule.RouteKey.Of(a), RouteConflictRule.RouteKey.Of(b));
            return keyA.Equals(keyB) == sameText && (!sameText || keyA.GetHashCode() == keyB.GetHashCode());
        }, runs: 2000);

    [Fact]
    public void Key_OfATagSpelledAsAPrefix_IsThatPrefix()
    {
        var tag = new Route { Id = EstateBuilder.Id("routeTables", "rt").Child("routes", "a"), AddressPrefix = " 10.0.0.0/8", NextHopType = RouteNextHopType.None };
        var cidr = tag with { AddressPrefix = "10.0.0.0/8", Prefix = IpPrefix.Parse("10.0.0.0/8") };

        Assert.Equal(new RouteConflictRule.RouteKey(IpPrefix.Parse("10.0.0.0/8"), null), RouteConflictRule.RouteKey.Of(tag));
        Assert.Equal(RouteConflictRule.RouteKey.Of(cidr), RouteConflictRule.RouteKey.Of(tag));
    }

    private static string Text(Route route) => route.Prefix?.ToString() ?? route.AddressPrefix.Trim().ToUpperInvariant();
}
