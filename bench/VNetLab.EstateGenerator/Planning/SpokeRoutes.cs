using System.Collections.Immutable;

namespace VNetLab.EstateGenerator.Planning;

/// <summary>
/// The routes of a spoke's route table: the default route to the hub firewall first, then on-premises
/// prefixes and other hubs' spoke ranges through the firewall, and a few Internet exceptions such as
/// Windows activation (KMS), which a default route to an appliance would otherwise break (semantics.md 3.6).
/// A pure function of the seed and the spoke. Prefixes are distinct, as Azure requires (constraints.md 6.1),
/// except where the planted RouteConflict violation repeats one.
/// </summary>
internal static class SpokeRoutes
{
    /// <summary>Azure's KMS endpoints (kms.core.windows.net, azkms.core.windows.net): the usual Internet exceptions.</summary>
    private static readonly Ipv4Prefix[] _kms =
    [
        Ipv4Prefix.Parse("23.102.135.246/32"),
        Ipv4Prefix.Parse("20.118.99.224/32"),
        Ipv4Prefix.Parse("40.83.235.53/32"),
    ];

    /// <summary>Partner SaaS ranges reached directly (a documentation range, split into /28s).</summary>
    private static readonly Ipv4Prefix _partners = Ipv4Prefix.Parse("203.0.113.0/24");

    /// <summary>Last resort when the other sources are used up: host routes in the benchmarking range.</summary>
    private static readonly Ipv4Prefix _spare = Ipv4Prefix.Parse("198.18.0.0/15");

    public static ImmutableArray<RoutePlan> Build(EstatePlan plan, SpokePlan spoke)
    {
        if (!spoke.HasRouteTable)
        {
            return [];
        }

        var random = new DeterministicRandom(plan.Options.Seed, RandomStream.SpokeRoutes, spoke.Index);
        var firewall = spoke.Hub.FirewallPrivateAddress;
        var routes = new List<RoutePlan> { new("default-via-firewall", new Ipv4Prefix(0, 0), "VirtualAppliance", firewall) };
        var taken = new HashSet<Ipv4Prefix> { routes[0].Prefix };
        var spare = 0u;
        var collisions = 0;
        while (routes.Count < plan.Options.Udrs)
        {
            var draw = random.NextDouble();
            RoutePlan? route = null;
            if (draw < 0.60)
            {
                var prefix = random.Pick(plan.OnPremisesPrefixes);
                route = new RoutePlan($"onprem-{Label(prefix)}", prefix, "VirtualAppliance", firewall);
            }
            else if (draw < 0.85 && plan.Hubs.Length > 1)
            {
                var hub = random.Pick(plan.Hubs);
                if (hub.Index != spoke.Hub.Index && hub.SpokeAggregates.Length > 0)
                {
                    var prefix = random.Pick(hub.SpokeAggregates);
                    route = new RoutePlan($"spokes-{hub.Name}-{Label(prefix)}", prefix, "VirtualAppliance", firewall);
                }
            }
            else
            {
                var prefix = random.Chance(0.3) ? random.Pick(_kms) : _partners.Subdivide(28, random.Next(16));
                route = new RoutePlan($"internet-{Label(prefix)}", prefix, "Internet", null);
            }

            // Collisions are retried; only when the sources are used up do host routes that cannot collide fill the table.
            if (route is null || !taken.Add(route.Prefix))
            {
                if (++collisions >= 64)
                {
                    var host = new Ipv4Prefix(_spare.Address(spare++), 32);
                    taken.Add(host);
                    routes.Add(new RoutePlan($"test-{Label(host)}", host, "Internet", null));
                }

                continue;
            }

            collisions = 0;
            routes.Add(route);
        }

        if (spoke.HasDuplicateRoutePrefix && routes.Count >= 2)
        {
            routes[^1] = routes[^1] with { Prefix = routes[0].Prefix };
        }

        return [.. routes];
    }

    /// <summary>Route names may hold letters, digits, '.', '-' and '_': <c>10.1.2.0-24</c>.</summary>
    private static string Label(Ipv4Prefix prefix) => prefix.ToString().Replace('/', '-');
}
