using System.Collections.Immutable;
using VNetLab.Diagnostics;
using VNetLab.Routing;
using VNetLab.Routing.Bgp;

namespace VNetLab.EstateGenerator.Tests;

/// <summary>
/// What the incremental routing tests hold a recompile to: everything a full compile of the same estate gives
/// (every subnet's routes, suppressed routes and notes, every NIC's subnet, the estate notes, the gateways' learned
/// and advertised routes and what each site is sent), compared by value.
/// </summary>
internal static class RoutingEquivalence
{
    public static void AssertSame(CompiledRouting expected, CompiledRouting actual)
    {
        Assert.Equal(expected.Subnets.Select(s => s.SubnetId), actual.Subnets.Select(s => s.SubnetId));
        foreach (var subnet in expected.Subnets)
        {
            Assert.Equal([.. subnet.Table.GetRoutes()], actual.EffectiveRoutesOf(subnet.SubnetId).ToArray());
            Assert.Equal([.. subnet.Table.GetSuppressedRoutes().Select(r => (r.Route, r.Reason, r.Explanation))],
                actual.RouteTableOf(subnet.SubnetId)?.GetSuppressedRoutes().Select(r => (r.Route, r.Reason, r.Explanation)).ToArray() ?? []);
            Assert.Equal(subnet.Table.DisableBgpRoutePropagation, actual.RouteTableOf(subnet.SubnetId)?.DisableBgpRoutePropagation);
            Assert.Equal(Render(subnet.Notes), Render(actual.NotesFor(subnet.SubnetId)));
        }

        foreach (var nic in expected.Estate.NetworkInterfaces)
        {
            foreach (var id in nic.IpConfigurations.Select(c => c.Id).Prepend(nic.Id))
            {
                Assert.Equal(expected.TryGetSubnetRouting(id, out var wanted), actual.TryGetSubnetRouting(id, out var got));
                Assert.Equal(wanted?.SubnetId, got?.SubnetId);
            }
        }

        Assert.Equal(Render(expected.Notes), Render(actual.Notes));
        Assert.Equal(expected.DistinctTableCount, actual.DistinctTableCount);
        foreach (var gateway in expected.Estate.VirtualNetworkGateways)
        {
            Assert.Equal(expected.LearnedRoutesOf(gateway.Id).Select(Describe), actual.LearnedRoutesOf(gateway.Id).Select(Describe));
            Assert.Equal(expected.AdvertisedRoutesOf(gateway.Id).Select(r => r.ToString()), actual.AdvertisedRoutesOf(gateway.Id).Select(r => r.ToString()));
        }

        foreach (var site in expected.Estate.ExternalSites)
        {
            Assert.Equal(expected.RoutesAdvertisedTo(site.Id).Select(r => r.ToString()), actual.RoutesAdvertisedTo(site.Id).Select(r => r.ToString()));
        }
    }

    public static string Describe(GatewayLearnedRoute route) =>
        $"{route} {route.SourceVirtualNetworkId} {route.ExternalSiteId} {string.Join(',', route.NextHopIpAddresses)}";

    public static List<string> Render(ImmutableArray<Diagnostic> notes) =>
        [.. notes.Select(d => $"{d.Code} {d.Severity} {d.ResourceId} {d.Location} {d.Message} {d.Fix}")];

    public static T Pick<T>(IEnumerable<T> items, Random random)
    {
        var list = items.ToList();
        return list[random.Next(list.Count)];
    }
}
