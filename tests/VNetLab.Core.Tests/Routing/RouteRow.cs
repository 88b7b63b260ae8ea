using VNetLab.Routing;

namespace VNetLab.Core.Tests.Routing;

/// <summary>
/// An effective route reduced to what Azure prints (source, state, prefixes, next hop type and IPs, name),
/// so tables can be compared with Azure's output as sets of rows.
/// </summary>
internal readonly record struct RouteRow(string Source, string State, string Prefixes, string NextHopType, string NextHops, string? Name = null)
{
    public static RouteRow Of(EffectiveRoute route) => new(
        route.Source.ToString(),
        route.State.ToString(),
        string.Join(',', route.AddressPrefixes),
        route.NextHopType.ToString(),
        string.Join(',', route.NextHopIpAddresses),
        route.Name);

    public override string ToString() => $"{Source} {State} {Prefixes} {NextHopType} [{NextHops}]" + (Name is null ? string.Empty : $" {Name}");
}

internal static class RouteRows
{
    public static HashSet<RouteRow> Rows(this IEnumerable<EffectiveRoute> routes) => [.. routes.Select(RouteRow.Of)];

    /// <summary>Asserts the two tables hold the same rows in any order, printing both differences on failure.</summary>
    public static void AssertSameRows(IEnumerable<RouteRow> expected, IEnumerable<EffectiveRoute> actual)
    {
        var want = expected.ToHashSet();
        var have = actual.Rows();
        var missing = want.Except(have).ToList();
        var extra = have.Except(want).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            "missing:\n  " + string.Join("\n  ", missing) + "\nunexpected:\n  " + string.Join("\n  ", extra));
    }
}
