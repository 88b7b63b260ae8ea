using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Collections.Immutable;
using VNetLab.Diagnostics;
using VNetLab.Model;
using VNetLab.Routing.Bgp;

namespace VNetLab.Routing;

/// <summary>
/// Compiles an estate's routing once (shared/azure/semantics.md §6): gateway routes per hub first, then every
/// VNet's subnets in parallel, one table per distinct route set. Pure: the same estate and options give the
/// same result.
/// </summary>
public static class RoutingCompiler
{
    public static CompiledRouting Compile(Estate estate, RoutingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(estate);
        options ??= RoutingOptions.Default;
        var context = new RoutingContext(estate, options);
        var gateways = new GatewayRouteCompiler(context);

        Diagnostic? noneSetNote = null;
        if (estate.VirtualNetworks.Any(v => !v.Subnets.IsEmpty))
        {
            var set = options.PlatformNoneRoutes;
            noneSetNote = context.Note(DiagnosticCatalog.PlatformNoneRoutesAssumed(set.Name, set.Prefixes.Length, set.Source));
        }

        var results = new ConcurrentBag<SubnetRouting>();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism ?? -1 };
        Parallel.ForEach(context.Facts.Values, parallel, facts =>
        {
            foreach (var routing in CompileVirtualNetwork(context, gateways, facts, noneSetNote))
            {
                results.Add(routing);
            }
        });

        var subnets = results.OrderBy(r => r.SubnetId).ToImmutableArray();
        var byId = new Dictionary<ResourceId, SubnetRouting>();
        foreach (var routing in subnets)
        {
            byId[routing.SubnetId] = routing;
        }

        // A NIC's routes are those of its primary IP configuration's subnet; IP forwarding changes nothing here.
        foreach (var nic in estate.NetworkInterfaces)
        {
            if (nic.PrimaryIpConfiguration?.SubnetId is { } subnetId && byId.TryGetValue(subnetId, out var routing))
            {
                byId.TryAdd(nic.Id, routing);
            }

            foreach (var ipConfiguration in nic.IpConfigurations)
            {
                if (ipConfiguration.SubnetId is { } configSubnet && byId.TryGetValue(configSubnet, out var configRouting))
                {
                    byId.TryAdd(ipConfiguration.Id, configRouting);
                }
            }
        }

        return new CompiledRouting(estate, options, subnets, byId.ToFrozenDictionary(), gateways.LearnedByGateway(),
            gateways.AdvertisedByGateway, gateways.AdvertisedToSite, context.Notes);
    }

    private static List<SubnetRouting> CompileVirtualNetwork(RoutingContext context, GatewayRouteCompiler gateways, VirtualNetworkFacts facts,
        Diagnostic? noneSetNote)
    {
        var set = gateways.SetFor(facts.Id);
        var gatewayNotes = new List<Diagnostic>();
        if (set is not null)
        {
            gatewayNotes.AddRange(set.Notes);
            if (set.SplitDefaultGatewayId is { } splitGateway)
            {
                gatewayNotes.Add(context.Note(DiagnosticCatalog.SplitDefaultRouteKeepsInternetRoute(facts.Id, splitGateway)));
            }

            foreach (var (range, peer) in facts.Exclusions)
            {
                if (peer is null)
                {
                    continue;
                }

                var (start, end) = set.RoutesInside(range);
                for (var i = start; i < end; i++)
                {
                    var prefix = set.Routes[i].AddressPrefixes[0];
                    if (prefix != range)
                    {
                        gatewayNotes.Add(context.Note(DiagnosticCatalog.GatewayRouteInsidePeeredRange(facts.Id, prefix, range, peer.RemoteVirtualNetworkId)));
                    }
                }
            }
        }

        // Subnets with the same route table and service endpoints see the same routes: compile them once.
        var tables = new Dictionary<string, (EffectiveRouteTable Table, ImmutableArray<Diagnostic> Notes)>(StringComparer.OrdinalIgnoreCase);
        var result = new List<SubnetRouting>(facts.VirtualNetwork.Subnets.Length);
        foreach (var subnet in facts.VirtualNetwork.Subnets)
        {
            var routeTable = context.Estate.Find<RouteTable>(subnet.RouteTableId);
            var key = (routeTable?.Id.ToString() ?? string.Empty) + "|" + string.Join(';', subnet.ServiceEndpoints
                .Select(e => e.Service + ":" + string.Join(',', e.Locations.Order(StringComparer.OrdinalIgnoreCase)))
                .Order(StringComparer.OrdinalIgnoreCase));
            var subnetNotes = SubnetRouteBuilder.ServiceEndpointNotes(context, facts, subnet).ToList();
            if (!tables.TryGetValue(key, out var compiled))
            {
                var builder = new SubnetRouteBuilder(context, facts, set, routeTable);
                var table = builder.Build(subnet);
                var notes = new List<Diagnostic>();
                if (noneSetNote is not null)
                {
                    notes.Add(noneSetNote);
                }

                notes.AddRange(facts.Notes);

                if (!table.DisableBgpRoutePropagation)
                {
                    notes.AddRange(gatewayNotes);
                }

                notes.AddRange(builder.Notes);
                compiled = (table, Sorted(notes));
                tables.Add(key, compiled);
            }

            var all = subnetNotes.Count == 0 ? compiled.Notes : Sorted(compiled.Notes.Concat(subnetNotes));
            result.Add(new SubnetRouting(subnet.Id, compiled.Table, all));
        }

        return result;
    }

    private static ImmutableArray<Diagnostic> Sorted(IEnumerable<Diagnostic> notes) => [.. notes
        .Distinct(DiagnosticIdentity.Comparer)
        .OrderBy(d => d.Code, StringComparer.Ordinal)
        .ThenBy(d => d.ResourceId?.ToString() ?? string.Empty, StringComparer.OrdinalIgnoreCase)
        .ThenBy(d => d.Message, StringComparer.Ordinal)];
}
