using System.Collections.Concurrent;
using System.Collections.Immutable;
using VNetLab.Addressing;
using VNetLab.Diagnostics;
using VNetLab.Model;
using VNetLab.Routing;
using VNetLab.Routing.Bgp;
using VNetLab.Security;

namespace VNetLab.Analysis.Tracing;

/// <summary>
/// Follows one packet through an estate, hop by hop, the way Azure forwards it: outbound NSGs (NIC, then subnet),
/// the subnet's longest-prefix-match route, peerings, gateway transit, ExpressRoute circuits and IPsec tunnels to
/// external sites, virtual appliances (inbound NSG, IP forwarding, outbound NSG, then that subnet's routes), Azure
/// Firewall network rule collections with SNAT to the Internet, Internet egress, and inbound NSGs (subnet, then NIC)
/// at the destination. The reply is traced too and compared with the request (<see cref="TraceBothWays"/>).
/// </summary>
/// <remarks>
/// Every decision the tracer takes is a function of the packet's addresses, ports and protocol through the prefixes
/// and port ranges the estate names; reachability and verify rely on that to check whole equivalence classes with
/// one trace each (<see cref="VNetLab.Analysis.Reachability.PacketClasses"/>).
/// </remarks>
public sealed class Tracer
{
    // A packet crosses at most a few dozen places in any real estate; more means a loop the subnet check missed.
    private const int MaxHops = 64;

    private readonly NetworkAnalysis _analysis;
    private readonly ConcurrentDictionary<ResourceId, PrefixTrie<int[]>> _bestLearned = new();

    public Tracer(NetworkAnalysis analysis)
    {
        _analysis = analysis;
    }

    public NetworkAnalysis Analysis => _analysis;

    /// <summary>
    /// The best routes a gateway learned, by prefix (indexes into <see cref="Routing.CompiledRouting.LearnedRoutesOf"/>):
    /// a trace leaving for a site looks among thousands of on-premises prefixes, and a reach matrix traces millions.
    /// </summary>
    private PrefixTrie<int[]> BestLearnedRoutes(ResourceId gatewayId) => _bestLearned.GetOrAdd(gatewayId, id => PrefixTrie<int[]>.Create(
        _analysis.Routing.LearnedRoutesOf(id)
            .Select((route, index) => (route, index))
            .Where(p => p.route.IsBest)
            .GroupBy(p => p.route.Prefix)
            .Select(g => KeyValuePair.Create(g.Key, g.Select(p => p.index).ToArray()))));

    /// <summary>
    /// The gateway a VirtualNetworkGateway next hop from a subnet of <paramref name="fromVnet"/> leaves by: the route's
    /// own gateway, else the VNet's, else its hub's through a peering that uses remote gateways.
    /// </summary>
    internal VirtualNetworkGateway? GatewayFor(ResourceId fromVnet, NextHopResult next)
    {
        var estate = _analysis.Estate;
        if (estate.Find<VirtualNetworkGateway>(next.Route?.Origin) is { } origin)
        {
            return origin;
        }

        var own = estate.GatewaysOf(fromVnet).OrderBy(g => g.Id).FirstOrDefault();
        if (own is not null)
        {
            return own;
        }

        var hub = estate.PeeringsOf(fromVnet).FirstOrDefault(p => p.UseRemoteGateways)?.RemoteVirtualNetworkId;
        return hub is null ? null : estate.GatewaysOf(hub).OrderBy(g => g.Id).FirstOrDefault();
    }

    /// <summary>
    /// The learned route a gateway sends <paramref name="destination"/> by: among its best routes covering it, the one
    /// with the prefix the subnet's route matched, then the longest, then by connection. The reach matrix's classes
    /// (<see cref="VNetLab.Analysis.Reachability.DestinationClasses"/>) ask the same question, so both share this.
    /// </summary>
    internal GatewayLearnedRoute? LearnedRouteFor(ResourceId gatewayId, IpPrefix? matchedPrefix, IpAddress destination)
    {
        var routes = _analysis.Routing.LearnedRoutesOf(gatewayId);
        var covering = new List<int>();
        foreach (var (_, indexes) in BestLearnedRoutes(gatewayId).Matches(destination))
        {
            covering.AddRange(indexes);
        }

        // In the routes' own order, so the stable sort below breaks ties as it did over the whole list.
        covering.Sort();
        return covering.Select(i => routes[i])
            .OrderByDescending(r => matchedPrefix is { } matched && r.Prefix == matched)
            .ThenByDescending(r => r.Prefix.Length)
            .ThenBy(r => r.ConnectionId)
            .FirstOrDefault();
    }

    /// <summary>The external site a packet leaving by <paramref name="learned"/> exits to, or null when the route names none and the connection has no site.</summary>
    internal ExternalSite? SiteFor(GatewayLearnedRoute learned, VirtualNetworkGatewayConnection? connection, IpAddress destination)
    {
        var estate = _analysis.Estate;
        if (estate.Find<ExternalSite>(learned.ExternalSiteId) is { } named)
        {
            return named;
        }

        if (connection is null)
        {
            return null;
        }

        var sites = estate.SitesOf(connection);
        return sites.Where(s => s.AddressSpace.Any(p => p.Contains(destination))).OrderByDescending(s => s.AddressSpace.Where(p => p.Contains(destination)).Max(p => p.Length)).FirstOrDefault()
            ?? sites.FirstOrDefault(s => s.AdvertisedPrefixes.Any(p => p.Contains(destination)))
            ?? sites.OrderBy(s => s.Id).FirstOrDefault();
    }

    /// <summary>The forward trace of <paramref name="packet"/> leaving <paramref name="source"/>.</summary>
    public Trace Trace(TraceEndpoint source, Packet packet) => new Walk(this, packet, source, null, permissive: false).Run();

    /// <summary>
    /// The forward trace with only what reachability reads: the same disposition and hops as <see cref="Trace"/>, but
    /// NSG verdicts without their rule-by-rule explanation, no routing notes and, of the steps, only those that tell
    /// filters apart (drops, IP forwarding, deliveries, NSG and firewall verdicts), so the many traces of a matrix stay cheap.
    /// </summary>
    internal Trace Outcome(TraceEndpoint source, Packet packet) => new Walk(this, packet, source, null, permissive: false, brief: true).Run();

    /// <summary>
    /// <see cref="TraceIgnoringFilters"/> with only the disposition and hops, like <see cref="Outcome"/>; neither NSGs
    /// nor firewall rules are evaluated or leave a step (the walk goes on whatever they say): its reader evaluates the
    /// filters on the path itself, and the path does not depend on the packet's source address.
    /// </summary>
    internal Trace OutcomeIgnoringFilters(TraceEndpoint source, Packet packet) => new Walk(this, packet, source, null, permissive: true, brief: true).Run();

    /// <summary>
    /// The path the packet would take if every filter let it through: NSG and firewall denies, disabled IP forwarding
    /// and refusing peerings are recorded as steps but do not stop the walk. Every deny on it, and how it ends, is
    /// something that would have to change for the packet to get through (the blockers of a failed assertion).
    /// </summary>
    public Trace TraceIgnoringFilters(TraceEndpoint source, Packet packet) => new Walk(this, packet, source, null, permissive: true).Run();

    /// <summary>The forward trace, the reply's trace when the request got somewhere that answers, and how they differ.</summary>
    public TraceResult TraceBothWays(TraceEndpoint source, Packet packet)
    {
        var forward = Trace(source, packet);
        if (forward.Disposition is not (FlowDisposition.Delivered or FlowDisposition.ExitedToExternalSite)
            || ReplySource(forward) is not { } replySource)
        {
            return new TraceResult(forward, null, [], []);
        }

        var reply = new Walk(this, packet.Reverse(), replySource, forward, permissive: false).Run();
        var reasons = Asymmetry.Compare(forward, reply);
        var findings = reasons.IsEmpty
            ? ImmutableArray<Diagnostic>.Empty
            : [DiagnosticCatalog.AsymmetricPath(source.Resource?.Id, packet.ToString(), string.Join("; ", reasons))];
        return new TraceResult(forward, reply, reasons, findings);
    }

    /// <summary>Where the reply starts: the NIC, subnet or external site the request reached.</summary>
    private TraceEndpoint? ReplySource(Trace forward)
    {
        var hop = forward.LastHop;
        if (hop is null || !hop.Steps.Any(s => s is DeliveredStep or ExitStep))
        {
            return null;
        }

        var estate = _analysis.Estate;
        return hop.Kind switch
        {
            HopKind.NetworkInterface when estate.Find<NetworkInterface>(hop.ResourceId) is { } nic => TraceEndpoint.Of(nic),
            HopKind.Subnet when estate.Find<Subnet>(hop.ResourceId) is { } subnet => TraceEndpoint.Of(subnet),
            HopKind.ExternalSite when estate.Find<ExternalSite>(hop.ResourceId) is { } site => TraceEndpoint.Of(site),
            _ => null,
        };
    }

    /// <summary>One trace in progress: the hops so far, the notes, and what the packet has been through.</summary>
    private sealed class Walk
    {
        private readonly Tracer _tracer;
        private readonly NetworkAnalysis _analysis;
        private readonly Estate _estate;
        private readonly Packet _packet;
        private readonly TraceEndpoint _source;
        private readonly Trace? _request;
        private readonly bool _permissive;

        // Only the disposition and hops are wanted: NSG verdicts are not explained and routing notes not gathered.
        private readonly bool _brief;
        private readonly WalkScratch _scratch = WalkScratch.Take();
        private readonly List<Hop> _hops;
        private readonly List<Step> _steps;
        private readonly List<Diagnostic> _notes;
        private readonly HashSet<ResourceId> _routedAt;
        private HopKind _kind;
        private ResourceId? _at;
        private bool _open;

        // The packet left its own VNet through an appliance or firewall: peerings must allow forwarded traffic.
        private bool _forwarded;

        // The public address an Azure Firewall translates the source to if the packet leaves for the Internet.
        private IpAddress? _snat;

        public Walk(Tracer tracer, Packet packet, TraceEndpoint source, Trace? request, bool permissive, bool brief = false)
        {
            _permissive = permissive;
            _brief = brief;
            _tracer = tracer;
            _analysis = tracer._analysis;
            _estate = _analysis.Estate;
            _packet = packet;
            _source = source;
            _request = request;
            _hops = _scratch.Hops;
            _steps = _scratch.Steps;
            _notes = _scratch.Notes;
            _routedAt = _scratch.RoutedAt;
        }

        private bool IsReply => _request is not null;

        // A brief walk ignoring filters goes on whatever an NSG or a firewall says and records no verdict for its reader
        // (the reach matrix reads the filters on the path off the hops and evaluates them itself, PathFilters): nothing to
        // evaluate. Its path then depends on the packet's destination and the sender's subnet only, never on the source
        // address, so the matrix can share it between the subnets of one route table (PermissivePaths).
        private bool IgnoresFilters => _brief && _permissive && !IsReply;

        // A brief walk's reader looks at its disposition, its hops and the steps that tell filters apart (drops, IP
        // forwarding, deliveries, firewall verdicts): the routing steps, with their descriptions, are not made.
        private bool RecordsRouting => !_brief;

        private IpAddress Destination => _packet.Destination;

        public Trace Run()
        {
            var disposition = Start();
            Close();
            if (!_brief)
            {
                AddRoutingNotes(disposition);
            }

            // Most walks of a matrix raise no note: no iterator for them.
            var trace = new Trace(_packet, _source, disposition, [.. _hops],
                _notes.Count == 0 ? [] : [.. _notes.DistinctBy(n => (n.Code, n.ResourceId, n.Message))]);
            WalkScratch.Return(_scratch);
            return trace;
        }

        /// <summary>
        /// The routing engine's assumptions (VNL90xx) about anything this trace went through: its gateways, VNets,
        /// peerings, route tables and routes. A trace resting on an assumption says so.
        /// </summary>
        private void AddRoutingNotes(FlowDisposition disposition)
        {
            var touched = new HashSet<ResourceId>();
            foreach (var hop in _hops)
            {
                if (hop.ResourceId is { } id)
                {
                    touched.Add(id);
                    if (hop.Kind == HopKind.Subnet && id.Parent is { } vnet)
                    {
                        touched.Add(vnet);
                    }
                }

                foreach (var step in hop.Steps)
                {
                    if (step.DecidedBy is { } decidedBy)
                    {
                        touched.Add(decidedBy);
                    }

                    if (step is RouteLookupStep { RouteTableId: { } table, RouteName: { } route })
                    {
                        touched.Add(table.Child("routes", route));
                    }
                }
            }

            // The platform None routes' version only matters when one of them dropped the packet.
            var droppedByPlatformNone = disposition == FlowDisposition.DroppedByNoneRoute
                && _hops.SelectMany(h => h.Steps).OfType<RouteLookupStep>().LastOrDefault() is { Source: EffectiveRouteSource.Default, NextHopType: NextHopType.None };
            foreach (var subnet in _routedAt)
            {
                _notes.AddRange(_analysis.Routing.NotesFor(subnet)
                    .Where(n => n.ResourceId is { } id ? touched.Contains(id) : droppedByPlatformNone));
            }
        }

        private FlowDisposition Start()
        {
            var resource = _source.Resource;
            switch (_source.Kind)
            {
                case TraceEndpointKind.NetworkInterface when resource is NetworkInterface nic:
                    return FromNetworkInterface(nic);
                case TraceEndpointKind.Subnet when resource is Subnet subnet:
                    Begin(HopKind.Subnet, subnet.Id);
                    return SubnetNsgAllows(subnet, SecurityRuleDirection.Outbound)
                        ? RouteFrom(subnet)
                        : FlowDisposition.DeniedByNsgOutbound;
                case TraceEndpointKind.ExternalSite when resource is ExternalSite site:
                    return FromExternalSite(site);
                default:
                    Begin(HopKind.Internet, null);
                    _notes.Add(DiagnosticCatalog.TraceFromInternetNotModelled(Destination.ToString()));
                    Add(new DropStep("inbound traffic from the Internet is not modelled", null));
                    return FlowDisposition.Unresolved;
            }
        }

        private FlowDisposition FromNetworkInterface(NetworkInterface nic)
        {
            Begin(HopKind.NetworkInterface, nic.Id);
            if (!NicNsgAllows(nic, SecurityRuleDirection.Outbound))
            {
                return FlowDisposition.DeniedByNsgOutbound;
            }

            if (_estate.SubnetOf(nic) is not { } subnet)
            {
                _notes.Add(DiagnosticCatalog.TraceNoAddress(nic.Id, "NIC " + nic.Name));
                Add(new DropStep("the NIC is in no subnet of the estate", nic.Id));
                return FlowDisposition.Unresolved;
            }

            return RouteFrom(subnet);
        }

        private FlowDisposition FromExternalSite(ExternalSite site)
        {
            Begin(HopKind.ExternalSite, site.Id);

            // The site sends the packet over a connection on which Azure advertises a prefix holding the destination.
            var candidates = _analysis.Routing.RoutesAdvertisedTo(site.Id).Where(r => r.Prefix.Contains(Destination)).ToList();
            if (candidates.Count == 0)
            {
                Add(new DropStep($"{site.Name} learns no route to {Destination} from Azure", site.Id));
                return FlowDisposition.DroppedByNoneRoute;
            }

            var longest = candidates.Max(r => r.Prefix.Length);
            var best = candidates.Where(r => r.Prefix.Length == longest)
                .OrderBy(r => IsExpressRoute(r.ConnectionId) ? 0 : 1)
                .ThenBy(r => r.AsPath.Length)
                .ThenBy(r => r.ConnectionId)
                .ToList();
            var chosen = best[0];
            if (best.Select(r => r.ConnectionId).Distinct().Count() > 1)
            {
                _notes.Add(DiagnosticCatalog.TraceSiteReturnConnectionAssumed(site.Id, chosen.Prefix.ToString(),
                    best.Select(r => r.ConnectionId).Distinct().Count(), chosen.ConnectionId));
            }

            var connection = _estate.Find<VirtualNetworkGatewayConnection>(chosen.ConnectionId);
            AddEdge(chosen.ConnectionId, connection);
            if (_estate.Find<VirtualNetworkGateway>(chosen.GatewayId) is not { } gateway)
            {
                Add(new DropStep("the connection's gateway is not in the estate", chosen.ConnectionId));
                _notes.Add(DiagnosticCatalog.TraceResourceMissing(chosen.ConnectionId, "gateway " + chosen.GatewayId.Name));
                return FlowDisposition.Unresolved;
            }

            return EnterThroughGateway(gateway, chosen.ConnectionId, $"{site.Name} sends {chosen.Prefix} traffic over it");
        }

        private FlowDisposition EnterThroughGateway(VirtualNetworkGateway gateway, ResourceId? connectionId, string detail)
        {
            Begin(HopKind.VirtualNetworkGateway, gateway.Id);
            if (RecordsRouting)
            {
                Add(new GatewayTransitStep(gateway.Id, null, connectionId, detail));
            }

            // Traffic arriving at a gateway is routed by its GatewaySubnet's table (semantics.md §3.8: UDRs there steer it).
            var gatewaySubnet = gateway.IpConfigurations.Select(c => _estate.Find<Subnet>(c.SubnetId)).FirstOrDefault(s => s is not null);
            if (gatewaySubnet is null)
            {
                Add(new DropStep("the gateway's subnet is not in the estate", gateway.Id));
                _notes.Add(DiagnosticCatalog.TraceResourceMissing(gateway.Id, "the GatewaySubnet of " + gateway.Name));
                return FlowDisposition.Unresolved;
            }

            return RouteFrom(gatewaySubnet);
        }

        private FlowDisposition RouteFrom(Subnet subnet)
        {
            if (!_routedAt.Add(subnet.Id) || _hops.Count >= MaxHops)
            {
                Begin(HopKind.Subnet, subnet.Id);
                Add(new DropStep($"the packet is back at {subnet.Name}, whose routes it already followed", subnet.Id));
                return FlowDisposition.Loop;
            }

            Begin(HopKind.Subnet, subnet.Id);

            var next = _analysis.NextHop(subnet.Id, Destination);
            var route = next.Route;
            if (RecordsRouting)
            {
                Add(new RouteLookupStep(subnet.Id, Destination, next.RouteTableId, route?.Name, next.MatchedPrefix, route?.Source,
                    next.NextHopType, next.NextHopIpAddress));
            }

            switch (next.NextHopType)
            {
                case NextHopType.None:
                    Add(new DropStep(route is null ? "no route covers the destination"
                        : route.NextHopUnreachable ? $"the virtual appliance {next.NextHopIpAddress} is outside the VNet and its direct peerings"
                        : "the route's next hop is None", next.RouteTableId ?? subnet.Id));
                    return FlowDisposition.DroppedByNoneRoute;
                case NextHopType.Internet:
                    Begin(HopKind.Internet, null);
                    if (RecordsRouting)
                    {
                        Add(new ExitStep(null, _snat));
                    }

                    return FlowDisposition.ExitedToInternet;
                case NextHopType.VnetLocal:
                case NextHopType.VNetPeering:
                case NextHopType.VNetGlobalPeering:
                    return Arrive(subnet);
                case NextHopType.VirtualNetworkGateway:
                    return LeaveThroughGateway(subnet, next);
                case NextHopType.VirtualAppliance:
                    return ToAppliance(subnet, next);
                default:
                    _notes.Add(DiagnosticCatalog.TraceServiceEndpointNotFollowed(subnet.Id, Destination.ToString(), next.MatchedPrefix?.ToString() ?? "?"));
                    Add(new DropStep("service endpoint traffic is not followed into the Azure service", subnet.Id));
                    return FlowDisposition.Unresolved;
            }
        }

        /// <summary>The packet is for an address of this VNet or a peered one: cross the peering if needed, then deliver.</summary>
        private FlowDisposition Arrive(Subnet from)
        {
            var target = _analysis.Addresses.SubnetAt(Destination);
            var targetVnet = target?.VirtualNetworkId ?? _analysis.Addresses.VirtualNetworkAt(Destination)?.Id;
            if (targetVnet is not null && targetVnet != from.VirtualNetworkId && !CrossPeering(from.VirtualNetworkId, targetVnet))
            {
                return FlowDisposition.DeniedByPeering;
            }

            return Deliver(target, targetVnet, from);
        }

        private FlowDisposition Deliver(Subnet? target, ResourceId? targetVnet, Subnet from)
        {
            if (_analysis.Addresses.NetworkInterfaceAt(Destination) is { } nic)
            {
                Begin(HopKind.NetworkInterface, nic.Id);
                if (!NicNsgAllows(nic, SecurityRuleDirection.Inbound))
                {
                    return FlowDisposition.DeniedByNsgInbound;
                }

                Add(new DeliveredStep(nic.Id, Destination));
                return FlowDisposition.Delivered;
            }

            if (_analysis.Addresses.FirewallAt(Destination) is { } firewall)
            {
                Begin(HopKind.AzureFirewall, firewall.Id);
                Add(new DeliveredStep(firewall.Id, Destination));
                return FlowDisposition.Delivered;
            }

            if (target is not null)
            {
                Begin(HopKind.Subnet, target.Id);
                if (!SubnetNsgAllows(target, SecurityRuleDirection.Inbound))
                {
                    return FlowDisposition.DeniedByNsgInbound;
                }

                Add(new DeliveredStep(target.Id, Destination));
                return FlowDisposition.Delivered;
            }

            _notes.Add(targetVnet is not null
                ? DiagnosticCatalog.TraceAddressInNoSubnet(targetVnet, Destination.ToString())
                : DiagnosticCatalog.TraceDestinationNotInEstate(from.Id, "peering", Destination.ToString()));

            Add(new DropStep($"no subnet in the estate holds {Destination}", targetVnet));
            return FlowDisposition.Unresolved;
        }

        /// <summary>Crosses the peering from <paramref name="fromVnet"/> to <paramref name="toVnet"/>; false (with a drop step) when it refuses the packet.</summary>
        private bool CrossPeering(ResourceId fromVnet, ResourceId toVnet)
        {
            var local = _estate.PeeringsOf(fromVnet).FirstOrDefault(p => p.RemoteVirtualNetworkId == toVnet);
            if (local is null)
            {
                Add(new DropStep($"{fromVnet.Name} has no peering to {toVnet.Name}", fromVnet));
                return false;
            }

            var remote = _estate.RemotePeeringOf(local);
            if (RecordsRouting)
            {
                Add(new PeeringTransitStep(local.Id, toVnet, _forwarded));
            }

            if (!local.AllowVirtualNetworkAccess || remote is { AllowVirtualNetworkAccess: false })
            {
                var off = !local.AllowVirtualNetworkAccess ? local : remote;
                Add(new DropStep($"peering {off?.Name} has allowVirtualNetworkAccess false", off?.Id));
                return _permissive;
            }

            // Forwarded traffic (not from the sending VNet) enters only if the receiving side allows it (semantics.md §3.8).
            if (_forwarded && remote is { AllowForwardedTraffic: false })
            {
                Add(new DropStep($"peering {remote.Name} does not allow forwarded traffic", remote.Id));
                return _permissive;
            }

            return true;
        }

        private FlowDisposition LeaveThroughGateway(Subnet from, NextHopResult next)
        {
            var gateway = _tracer.GatewayFor(from.VirtualNetworkId, next);
            if (gateway?.VirtualNetworkId is not { } gatewayVnet)
            {
                Add(new DropStep("no virtual network gateway serves this VNet", from.Id));
                return FlowDisposition.DroppedByNoneRoute;
            }

            if (gatewayVnet != from.VirtualNetworkId)
            {
                // Gateway transit: the spoke uses its hub's gateway through the peering (semantics.md §3.8).
                var peering = _estate.PeeringsOf(from.VirtualNetworkId).FirstOrDefault(p => p.RemoteVirtualNetworkId == gatewayVnet);
                if (peering is not null && RecordsRouting)
                {
                    Add(new PeeringTransitStep(peering.Id, gatewayVnet, _forwarded));
                }
            }

            Begin(HopKind.VirtualNetworkGateway, gateway.Id);
            var learned = _tracer.LearnedRouteFor(gateway.Id, next.MatchedPrefix, Destination);
            if (learned is null)
            {
                _notes.Add(DiagnosticCatalog.TraceGatewayRouteUnknown(gateway.Id, Destination.ToString()));
                Add(new GatewayTransitStep(gateway.Id, null, null, "no learned route covers the destination"));
                return FlowDisposition.Unresolved;
            }

            if (RecordsRouting)
            {
                Add(new GatewayTransitStep(gateway.Id, learned.Prefix, learned.ConnectionId, Describe(learned)));
            }

            var connection = _estate.Find<VirtualNetworkGatewayConnection>(learned.ConnectionId);
            AddEdge(learned.ConnectionId, connection);
            if (learned.Kind == GatewayRouteKind.RemoteVirtualNetwork && learned.SourceVirtualNetworkId is { } remoteVnet)
            {
                var remoteGateway = _estate.GatewaysOf(remoteVnet)
                    .OrderBy(g => g.GatewayType == VirtualNetworkGatewayType.ExpressRoute == learned.IsExpressRoute ? 0 : 1)
                    .ThenBy(g => g.Id)
                    .FirstOrDefault();
                if (remoteGateway is null)
                {
                    Add(new DropStep($"{remoteVnet.Name} has no gateway to receive the packet", remoteVnet));
                    _notes.Add(DiagnosticCatalog.TraceResourceMissing(gateway.Id, "the gateway of " + remoteVnet.Name));
                    return FlowDisposition.Unresolved;
                }

                return EnterThroughGateway(remoteGateway, null, $"arrives from {gateway.Name}");
            }

            var site = _tracer.SiteFor(learned, connection, Destination);
            if (site is not null)
            {
                Begin(HopKind.ExternalSite, site.Id);
                if (RecordsRouting)
                {
                    Add(new ExitStep(site.Id, null));
                }

                return FlowDisposition.ExitedToExternalSite;
            }

            var lng = learned.LocalNetworkGatewayId ?? connection?.LocalNetworkGateway2Id;
            Begin(HopKind.LocalNetworkGateway, lng ?? learned.ConnectionId);
            if (RecordsRouting)
            {
                Add(new ExitStep(lng, null));
            }

            return FlowDisposition.ExitedToExternalSite;
        }

        private void AddEdge(ResourceId connectionId, VirtualNetworkGatewayConnection? connection)
        {
            if (!RecordsRouting)
            {
                return;
            }

            if (connection?.ConnectionType == VirtualNetworkGatewayConnectionType.ExpressRoute)
            {
                Add(new ExpressRouteCircuitStep(connectionId, connection.PeerId));
            }
            else
            {
                Add(new TunnelStep(connectionId, connection?.LocalNetworkGateway2Id));
            }
        }

        private bool IsExpressRoute(ResourceId connectionId) =>
            _estate.Find<VirtualNetworkGatewayConnection>(connectionId)?.ConnectionType == VirtualNetworkGatewayConnectionType.ExpressRoute;

        private static string Describe(GatewayLearnedRoute route) => route.Kind switch
        {
            GatewayRouteKind.ExternalSiteAdvertisement => "advertised by BGP" + (route.AsPath.IsEmpty ? string.Empty : ", AS path " + string.Join(' ', route.AsPath)),
            GatewayRouteKind.LocalNetworkGatewayPrefix => "local network gateway address space",
            GatewayRouteKind.BgpPeerAddress => "BGP peer address",
            _ => "remote VNet range",
        };

        private FlowDisposition ToAppliance(Subnet from, NextHopResult next)
        {
            if (next.NextHopIpAddress is not { } applianceIp)
            {
                Add(new DropStep("the VirtualAppliance route has no next hop address", next.RouteTableId));
                return FlowDisposition.DroppedByNoneRoute;
            }

            var nic = _analysis.Addresses.NetworkInterfaceAt(applianceIp);
            var firewall = nic is null ? _analysis.Addresses.FirewallAt(applianceIp) : null;
            var applianceSubnet = nic is not null ? _estate.SubnetOf(nic)
                : firewall?.IpConfigurations.Select(c => _estate.Find<Subnet>(c.SubnetId)).FirstOrDefault(s => s is not null);
            if (applianceSubnet is null)
            {
                _notes.Add(DiagnosticCatalog.TraceNextHopNotInEstate(from.Id, next.MatchedPrefix?.ToString() ?? "?", applianceIp.ToString()));
                Add(new DropStep($"no NIC or firewall in the estate holds {applianceIp}", next.RouteTableId ?? from.Id));
                return FlowDisposition.Unresolved;
            }

            if (applianceSubnet.VirtualNetworkId != from.VirtualNetworkId && !CrossPeering(from.VirtualNetworkId, applianceSubnet.VirtualNetworkId))
            {
                return FlowDisposition.DeniedByPeering;
            }

            return nic is not null ? ThroughNetworkVirtualAppliance(nic, applianceSubnet) : ThroughFirewall(firewall, applianceSubnet);
        }

        private FlowDisposition ThroughNetworkVirtualAppliance(NetworkInterface nic, Subnet subnet)
        {
            Begin(HopKind.NetworkInterface, nic.Id);
            if (!NicNsgAllows(nic, SecurityRuleDirection.Inbound))
            {
                return FlowDisposition.DeniedByNsgInbound;
            }

            // A NIC only forwards packets not addressed to it when IP forwarding is on (semantics.md §3.12).
            Add(new IpForwardingStep(nic.Id, nic.EnableIpForwarding));
            if (!nic.EnableIpForwarding && !_permissive)
            {
                return FlowDisposition.NoIpForwarding;
            }

            if (!NicNsgAllows(nic, SecurityRuleDirection.Outbound))
            {
                return FlowDisposition.DeniedByNsgOutbound;
            }

            _forwarded = true;
            return RouteFrom(subnet);
        }

        private FlowDisposition ThroughFirewall(AzureFirewall? firewall, Subnet subnet)
        {
            if (firewall is null)
            {
                _notes.Add(DiagnosticCatalog.TraceResourceMissing(subnet.Id, "the firewall of " + subnet.Name));
                return FlowDisposition.Unresolved;
            }

            Begin(HopKind.AzureFirewall, firewall.Id);
            var statefulReply = IsReply && _request is { } request && request.Hops.Any(h => h.Kind == HopKind.AzureFirewall && h.ResourceId == firewall.Id);
            if (statefulReply)
            {
                Add(new FirewallRuleStep(firewall.Id, null, "reply to an allowed flow", null, SecurityRuleAccess.Allow));
            }
            else if (firewall.NetworkRuleCollections.IsEmpty && firewall.FirewallPolicyId is not null)
            {
                _notes.Add(DiagnosticCatalog.TraceFirewallPolicyNotModelled(firewall.Id));
                Add(new DropStep("the firewall's Firewall Policy is not evaluated", firewall.FirewallPolicyId));
                return FlowDisposition.Unresolved;
            }
            else if (!IgnoresFilters)
            {
                var verdict = FirewallRules.Evaluate(firewall, _packet, _notes);
                Add(verdict);
                if (verdict.Action == SecurityRuleAccess.Deny && !_permissive)
                {
                    return FlowDisposition.DeniedByFirewall;
                }
            }

            _forwarded = true;
            if (RecordsRouting)
            {
                // Only the exit step to the Internet shows the translated source.
                _snat = firewall.IpConfigurations
                    .Select(c => _estate.Find<PublicIpAddress>(c.PublicIpAddressId)?.IpAddress)
                    .FirstOrDefault(a => a is not null);
            }

            return RouteFrom(subnet);
        }

        private bool NicNsgAllows(NetworkInterface nic, SecurityRuleDirection direction)
        {
            if (IgnoresFilters)
            {
                return true;
            }

            var security = _analysis.Security.For(nic);
            if (IsReply)
            {
                var stateful = security.EvaluateStateful(direction, _packet);
                var nsgId = stateful.NetworkSecurityGroup?.Id;
                var associatedTo = nsgId is null || nsgId == nic.NetworkSecurityGroupId ? nic.Id : _estate.SubnetOf(nic)?.Id ?? nic.Id;
                Add(new NsgEvaluationStep(nsgId, associatedTo, stateful.RuleName, stateful.Access, direction, Decision(stateful.Decision)));
                return stateful.IsAllowed || _permissive;
            }

            if (_brief)
            {
                // Explain's verdict is exactly this one; the explanation only adds steps and notes.
                return security.Evaluate(direction, _packet).IsAllowed || _permissive;
            }

            var explanation = security.Explain(direction, _packet);
            if (explanation.Steps.IsEmpty)
            {
                Add(new NsgEvaluationStep(null, nic.Id, null, explanation.Verdict.Access, direction, Decision(explanation.Verdict.Decision)));
            }

            foreach (var step in explanation.Steps)
            {
                var rule = step.DecidingRule;
                Add(new NsgEvaluationStep(step.Association.NetworkSecurityGroup.Id, step.Association.AssociatedResourceId, rule?.Name,
                    rule?.Access ?? SecurityRuleAccess.Allow, direction, rule is null ? Decision(FlowDecision.PlatformTraffic) : Decision(FlowDecision.Rule)));
            }

            _notes.AddRange(explanation.Notes);
            return explanation.Verdict.IsAllowed || _permissive;
        }

        /// <summary>A subnet endpoint with no NIC holding the address: only the subnet's NSG applies.</summary>
        private bool SubnetNsgAllows(Subnet subnet, SecurityRuleDirection direction)
        {
            if (IgnoresFilters)
            {
                return true;
            }

            if (_analysis.Security.SubnetNetworkSecurityGroup(subnet) is not { } compiled)
            {
                Add(new NsgEvaluationStep(null, subnet.Id, null, SecurityRuleAccess.Allow, direction, Decision(FlowDecision.NoNetworkSecurityGroup)));
                return true;
            }

            var (rule, access, decision) = FirstMatch(compiled, direction, _packet);
            if (access == SecurityRuleAccess.Deny && IsReply)
            {
                // NSGs are stateful (semantics.md §4.4): the reply of a flow allowed the other way passes.
                var original = FirstMatch(compiled, NetworkInterfaceSecurity.Opposite(direction), _packet.Reverse());
                if (original.Access == SecurityRuleAccess.Allow)
                {
                    (rule, access, decision) = (original.Rule, SecurityRuleAccess.Allow, FlowDecision.ReturnTraffic);
                }
            }

            Add(new NsgEvaluationStep(compiled.Id, subnet.Id, rule?.Name, access, direction, Decision(decision)));
            return access == SecurityRuleAccess.Allow || _permissive;
        }

        private static (CompiledSecurityRule? Rule, SecurityRuleAccess Access, FlowDecision Decision) FirstMatch(
            CompiledNetworkSecurityGroup nsg, SecurityRuleDirection direction, Packet packet)
        {
            var platform = PlatformAddresses.Contains(packet.Source) || PlatformAddresses.Contains(packet.Destination);
            var index = platform ? nsg.IndexOfFirstPlatformMatch(direction, packet) : nsg.IndexOfFirstMatch(direction, packet);
            if (index < 0)
            {
                return (null, SecurityRuleAccess.Allow, platform ? FlowDecision.PlatformTraffic : FlowDecision.NoNetworkSecurityGroup);
            }

            var rule = nsg.Rules(direction)[index];
            return (rule, rule.Access, FlowDecision.Rule);
        }

        private static string Decision(FlowDecision decision) => decision switch
        {
            FlowDecision.Rule => "rule",
            FlowDecision.NoNetworkSecurityGroup => "no NSG",
            FlowDecision.PlatformTraffic => "platform traffic",
            _ => "reply to an allowed flow",
        };

        private void Begin(HopKind kind, ResourceId? at)
        {
            if (_open && _kind == kind && _at == at)
            {
                return;
            }

            Close();
            _kind = kind;
            _at = at;
            _open = true;
        }

        private void Add(Step step) => _steps.Add(step);

        private void Close()
        {
            if (_open)
            {
                _hops.Add(new Hop(_kind, _at, [.. _steps]));
                _steps.Clear();
                _open = false;
            }
        }
    }
}
