using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
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
    // Fewer subnets than this are sorted on one core.
    private const int ParallelSortSubnets = 4096;

    public static CompiledRouting Compile(Estate estate, RoutingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(estate);
        options ??= RoutingOptions.Default;
        var context = new RoutingContext(estate, options);
        var gateways = new GatewayRouteCompiler(context);

        Diagnostic? noneSetNote = null;
        if (HasSubnets(estate))
        {
            var set = options.PlatformNoneRoutes;
            noneSetNote = context.Note(DiagnosticCatalog.PlatformNoneRoutesAssumed(set.Name, set.Prefixes.Length, set.Source));
        }

        // What was raised before the per-VNet phase, kept so a recompile can rebuild the note list without it.
        var globalNotes = context.Notes;
        var results = new ConcurrentBag<SubnetRouting>();
        var raised = new ConcurrentDictionary<ResourceId, ImmutableArray<Diagnostic>>();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism ?? -1 };
        Parallel.ForEach(context.Facts.Values, parallel, facts =>
        {
            var (routings, notes) = CompileVirtualNetwork(context, gateways, facts, noneSetNote);
            foreach (var routing in routings)
            {
                results.Add(routing);
            }

            raised[facts.Id] = notes;
        });

        var subnets = SortedBySubnet(results, parallel);

        // Sized up front: a subnet's id, a NIC's and each IP configuration's map to their subnet's routing (450,000 at
        // scale), and growing to that one resize at a time was part of the compile's serial tail.
        var entries = subnets.Length;
        foreach (var nic in estate.NetworkInterfaces)
        {
            entries += 1 + nic.IpConfigurations.Length;
        }

        var byId = new Dictionary<ResourceId, SubnetRouting>(entries);
        foreach (var routing in subnets)
        {
            byId[routing.SubnetId] = routing;
        }

        foreach (var nic in estate.NetworkInterfaces)
        {
            AddNetworkInterface(byId, nic);
        }

        var state = new IncrementalRoutingState(context, gateways, noneSetNote, globalNotes, raised.ToDictionary());
        return new CompiledRouting(estate, options, subnets, byId, gateways.LearnedByGateway(),
            gateways.AdvertisedByGateway, gateways.AdvertisedToSite, context.Notes, state);
    }

    /// <summary>
    /// <paramref name="results"/> by subnet id. Each comparison writes both ids' text, and sorting 50,000 of them was a
    /// serial tenth of the compile at scale: the two halves are sorted one per core, then merged. Equal ids (invalid)
    /// came from the bag in no set order before as now.
    /// </summary>
    private static ImmutableArray<SubnetRouting> SortedBySubnet(ConcurrentBag<SubnetRouting> results, ParallelOptions parallel)
    {
        var all = results.ToArray();
        var comparer = Comparer<SubnetRouting>.Create(static (a, b) => a.SubnetId.CompareTo(b.SubnetId));
        if (all.Length < ParallelSortSubnets)
        {
            Array.Sort(all, comparer);
            return ImmutableCollectionsMarshal.AsImmutableArray(all);
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(HalvesSort.Sorted(all, comparer, parallel));
    }

    /// <summary>
    /// The routing of <paramref name="after"/>, reusing <paramref name="before"/>'s work: equal to
    /// <c>Compile(after, before.Options)</c>, but when the snapshots differ only in route tables, in the subnets
    /// or peerings of existing VNets, or in resources routing does not read (NSGs, ASGs, VMs, NICs), only the VNets
    /// a change can reach are recompiled: those whose subnets use a changed route table or that changed
    /// themselves, and for a peering the VNets whose facts or gateway transit it changes and those using a
    /// gateway whose learned routes it changes; every other subnet keeps its table. Any other change (address
    /// space, gateway, connection, circuit, site, public IP, a VNet added or removed) compiles everything.
    /// </summary>
    public static CompiledRouting Recompile(CompiledRouting before, Estate after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        if (ReferenceEquals(before.Estate, after))
        {
            return before;
        }

        var state = before.Incremental;
        if (HasSubnets(after) != (state.NoneSetNote is not null)
            || !TryFindAffected(before.Estate, after, out var vnetIds, out var nicIds, out var peeringChanged))
        {
            return Compile(after, before.Options);
        }

        RoutingContext context;
        var gateways = state.Gateways;
        var globalNotes = state.GlobalNotes;
        var learned = before.Learned;
        var advertised = before.Advertised;
        var advertisedToSite = before.AdvertisedToSite;
        if (peeringChanged.Count == 0)
        {
            context = new RoutingContext(state.Context, after);
        }
        else
        {
            // A peering reaches the two VNets it joins (their peering routes and the notes about its state) and,
            // through gateway transit, the hubs whose spokes changed: what their gateways advertise, hence what
            // the gateways learning from them (VNet-to-VNet, a shared circuit) learn, hence every VNet using
            // those. The context works out the first two; the gateway phase is rerun only when transit changed,
            // and then only the VNets using a gateway whose learned routes changed are recompiled.
            context = new RoutingContext(state.Context, before.Estate, after, peeringChanged);
            vnetIds.UnionWith(context.ChangedFacts);
            if (context.ChangedTransitSpokes.Count > 0 || context.ChangedTransitHubs.Count > 0)
            {
                gateways = new GatewayRouteCompiler(context, state.Gateways, context.ChangedTransitHubs);
                vnetIds.UnionWith(context.ChangedTransitSpokes);
                foreach (var hub in gateways.VirtualNetworksWithOtherRoutesThan(state.Gateways))
                {
                    vnetIds.Add(hub);
                    vnetIds.UnionWith(context.TransitSpokesOf.GetValueOrDefault(hub, []));
                }

                learned = gateways.LearnedByGateway(before.Learned);
                advertised = gateways.AdvertisedByGateway;
                advertisedToSite = gateways.AdvertisedToSite;
            }

            globalNotes = GlobalNotesOf(context, gateways, state.NoneSetNote);
        }

        var replaced = new Dictionary<ResourceId, SubnetRouting>();
        var removed = new HashSet<ResourceId>();
        var raised = new Dictionary<ResourceId, ImmutableArray<Diagnostic>>(state.RaisedByVirtualNetwork);
        foreach (var vnetId in vnetIds.Order())
        {
            var previous = before.Estate.Find<VirtualNetwork>(vnetId);
            var current = after.Find<VirtualNetwork>(vnetId);
            if (previous is null || current is null || !context.Facts.TryGetValue(vnetId, out var facts))
            {
                return Compile(after, before.Options);
            }

            if (!ReferenceEquals(facts.VirtualNetwork, current))
            {
                // The VNet changed only in its subnets or peerings' allowForwardedTraffic (TryFindAffected checked),
                // so its facts did not; its peerings are taken from the new snapshot so that no route refers to a
                // superseded record.
                var peerings = current.Peerings.ToDictionary(p => p.Id);
                facts = new VirtualNetworkFacts(current, facts.Ranges,
                    [.. facts.Peerings.Select(p => p with { Peering = peerings[p.Peering.Id] })], facts.Notes);
            }

            var (routings, notes) = CompileVirtualNetwork(context, gateways, facts, state.NoneSetNote);
            raised[vnetId] = notes;
            foreach (var subnet in previous.Subnets)
            {
                removed.Add(subnet.Id);
                nicIds.UnionWith(before.Estate.IpConfigurationsIn(subnet.Id).Select(c => c.NetworkInterfaceId));
            }

            foreach (var routing in routings)
            {
                replaced[routing.SubnetId] = routing;
                removed.Remove(routing.SubnetId);
                nicIds.UnionWith(after.IpConfigurationsIn(routing.SubnetId).Select(c => c.NetworkInterfaceId));
            }
        }

        var subnets = ImmutableArray.CreateBuilder<SubnetRouting>(before.Subnets.Length + replaced.Count);
        var placed = new HashSet<ResourceId>();
        foreach (var routing in before.Subnets)
        {
            if (replaced.TryGetValue(routing.SubnetId, out var replacement))
            {
                subnets.Add(replacement);
                placed.Add(routing.SubnetId);
            }
            else if (!removed.Contains(routing.SubnetId))
            {
                subnets.Add(routing);
            }
        }

        if (placed.Count < replaced.Count)
        {
            subnets.AddRange(replaced.Where(p => !placed.Contains(p.Key)).Select(p => p.Value));
            subnets.Sort((x, y) => x.SubnetId.CompareTo(y.SubnetId));
        }

        var byId = new Dictionary<ResourceId, SubnetRouting>(before.ById);
        foreach (var subnetId in removed)
        {
            byId.Remove(subnetId);
        }

        foreach (var (subnetId, routing) in replaced)
        {
            byId[subnetId] = routing;
        }

        // A NIC's entries follow its subnets: drop what the old NIC mapped, then map the new one.
        foreach (var nicId in nicIds)
        {
            if (before.Estate.Find<NetworkInterface>(nicId) is { } oldNic)
            {
                byId.Remove(oldNic.Id);
                foreach (var ipConfiguration in oldNic.IpConfigurations)
                {
                    byId.Remove(ipConfiguration.Id);
                }
            }
        }

        foreach (var nicId in nicIds)
        {
            if (after.Find<NetworkInterface>(nicId) is { } nic)
            {
                AddNetworkInterface(byId, nic);
            }
        }

        var all = new HashSet<Diagnostic>(globalNotes, DiagnosticIdentity.Comparer);
        foreach (var notes in raised.Values)
        {
            all.UnionWith(notes);
        }

        // The context of a subnet-only change shares the earlier facts, which still hold the earlier VNet records:
        // keep the earlier context for the next recompile, as every VNet record it reads there is compared anew.
        var kept = peeringChanged.Count == 0 ? state.Context : context;
        var next = new IncrementalRoutingState(kept, gateways, state.NoneSetNote, globalNotes, raised);
        return new CompiledRouting(after, before.Options, subnets.ToImmutable(), byId, learned, advertised,
            advertisedToSite, RoutingContext.Order(all), next);
    }

    /// <summary>
    /// What <see cref="Compile"/> raises before the per-VNet phase, rebuilt from its parts: the none-set note,
    /// every VNet's peering notes and the gateway phase's notes.
    /// </summary>
    private static ImmutableArray<Diagnostic> GlobalNotesOf(RoutingContext context, GatewayRouteCompiler gateways, Diagnostic? noneSetNote)
    {
        var notes = new HashSet<Diagnostic>(DiagnosticIdentity.Comparer);
        if (noneSetNote is not null)
        {
            notes.Add(noneSetNote);
        }

        foreach (var facts in context.Facts.Values)
        {
            notes.UnionWith(facts.Notes);
        }

        notes.UnionWith(gateways.SetupNotes);
        return [.. notes];
    }

    private static bool HasSubnets(Estate estate) => estate.VirtualNetworks.Any(v => !v.Subnets.IsEmpty);

    /// <summary>
    /// The VNets to recompile, the NICs to remap, and the VNets whose peerings changed (beyond
    /// <c>allowForwardedTraffic</c>: their reach is worked out from the context) between two snapshots; false when
    /// a change's reach is not bounded here, and everything is compiled. Those are: a VNet added or removed, or
    /// its address space, location or DNS servers changed (its ranges and region are in every peer's routes and
    /// in the advertisements of every gateway it transits, and in the VNet-to-VNet and circuit routes learned
    /// from those); and any change to a gateway, connection, circuit, local network gateway, site, public IP,
    /// route filter or firewall, which BGP carries to every VNet using the gateways concerned and beyond.
    /// </summary>
    private static bool TryFindAffected(Estate before, Estate after, out HashSet<ResourceId> vnetIds, out HashSet<ResourceId> nicIds,
        out HashSet<ResourceId> peeringChanged)
    {
        vnetIds = [];
        nicIds = [];
        peeringChanged = [];
        foreach (var (id, previous, current) in EstateChanges.Between(before, after))
        {
            if (previous is not null && current is not null && previous.GetType() != current.GetType())
            {
                return false;
            }

            switch (previous ?? current)
            {
                case VirtualNetwork when previous is VirtualNetwork oldVnet && current is VirtualNetwork newVnet
                    && DiffersOnlyInSubnetsOrForwarding(oldVnet, newVnet):
                    vnetIds.Add(id);
                    break;
                case VirtualNetwork when previous is VirtualNetwork oldVnet && current is VirtualNetwork newVnet
                    && (oldVnet with { Subnets = newVnet.Subnets, Peerings = newVnet.Peerings }).Equals(newVnet):
                    vnetIds.Add(id);
                    peeringChanged.Add(id);
                    break;
                case RouteTable:
                    // Only subnets take a route table; a NIC naming one (an invalid estate) only adds a VNet to recompile.
                    vnetIds.UnionWith(EstateChanges.VirtualNetworksAssociatedWith(before, id));
                    vnetIds.UnionWith(EstateChanges.VirtualNetworksAssociatedWith(after, id));
                    break;
                case NetworkInterface:
                    nicIds.Add(id);
                    break;
                case NetworkSecurityGroup or ApplicationSecurityGroup or VirtualMachine:
                    break;
                default:
                    return false;
            }
        }

        return true;
    }

    /// <summary>
    /// True when two snapshots of a VNet differ at most in their subnets and in their peerings'
    /// <c>allowForwardedTraffic</c>. That flag decides whether a peering passes traffic that did not start in the
    /// remote VNet (a check the tracer makes on the data path, semantics.md §3.8), not which routes exist, so the
    /// VNet's facts and every other VNet's routes stay as they are; the VNet is recompiled for its own subnets.
    /// Any other peering change (access, gateway transit, state, remote space) can move routes in the remote VNet
    /// and, through gateway transit, beyond: <see cref="Recompile"/> finds how far from the context.
    /// </summary>
    private static bool DiffersOnlyInSubnetsOrForwarding(VirtualNetwork previous, VirtualNetwork current)
    {
        if (previous.Peerings.Length != current.Peerings.Length
            || !(previous with { Subnets = current.Subnets, Peerings = current.Peerings }).Equals(current))
        {
            return false;
        }

        for (var i = 0; i < previous.Peerings.Length; i++)
        {
            var after = current.Peerings[i];
            if (!(previous.Peerings[i] with { AllowForwardedTraffic = after.AllowForwardedTraffic }).Equals(after))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A NIC's routes are those of its primary IP configuration's subnet; IP forwarding changes nothing here.</summary>
    private static void AddNetworkInterface(Dictionary<ResourceId, SubnetRouting> byId, NetworkInterface nic)
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

    /// <summary>One VNet's subnets, and every note raised while compiling them (for <see cref="Recompile"/>).</summary>
    private static (List<SubnetRouting> Routings, ImmutableArray<Diagnostic> Raised) CompileVirtualNetwork(RoutingContext context,
        GatewayRouteCompiler gateways, VirtualNetworkFacts facts, Diagnostic? noneSetNote)
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
        var raised = new List<Diagnostic>(gatewayNotes);
        foreach (var subnet in facts.VirtualNetwork.Subnets)
        {
            var routeTable = context.Estate.Find<RouteTable>(subnet.RouteTableId);
            var key = (routeTable?.Id.ToString() ?? string.Empty) + "|" + string.Join(';', subnet.ServiceEndpoints
                .Select(e => e.Service + ":" + string.Join(',', e.Locations.Order(StringComparer.OrdinalIgnoreCase)))
                .Order(StringComparer.OrdinalIgnoreCase));
            var subnetNotes = SubnetRouteBuilder.ServiceEndpointNotes(context, facts, subnet).ToList();
            raised.AddRange(subnetNotes);
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
                raised.AddRange(builder.Notes);
                compiled = (table, Sorted(notes));
                tables.Add(key, compiled);
            }

            var all = subnetNotes.Count == 0 ? compiled.Notes : Sorted(compiled.Notes.Concat(subnetNotes));
            result.Add(new SubnetRouting(subnet.Id, compiled.Table, all));
        }

        return (result, [.. raised.Distinct(DiagnosticIdentity.Comparer)]);
    }

    private static ImmutableArray<Diagnostic> Sorted(IEnumerable<Diagnostic> notes) => [.. notes
        .Distinct(DiagnosticIdentity.Comparer)
        .OrderBy(d => d.Code, StringComparer.Ordinal)
        .ThenBy(d => d.ResourceId?.ToString() ?? string.Empty, StringComparer.OrdinalIgnoreCase)
        .ThenBy(d => d.Message, StringComparer.Ordinal)];
}
