using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using VNetLab.Addressing;
using VNetLab.Diagnostics;
using VNetLab.Model;

namespace VNetLab.Routing.Bgp;

/// <summary>
/// Works out what each virtual network gateway learns from its connections and what it advertises back
/// (shared/azure/semantics.md §2.2, §3.8–§3.10, §5.2, §5.7), then the best route per prefix among the gateways
/// a VNet uses. Runs once per compilation, before the per-VNet phase.
/// </summary>
internal sealed class GatewayRouteCompiler
{
    /// <summary>Microsoft's ASN on every ExpressRoute peering (semantics.md §5.1).</summary>
    public const long MicrosoftAsn = 12076;

    /// <summary>A VNet gateway's ASN when none is configured, BGP or not (semantics.md §5.1).</summary>
    public const long DefaultGatewayAsn = 65515;

    private const string PrivatePeeringName = "AzurePrivatePeering";

    private readonly RoutingContext _context;
    private readonly Dictionary<ResourceId, GatewayFacts> _gateways = [];
    private readonly ConcurrentDictionary<string, GatewayRouteSet?> _sets = new(StringComparer.OrdinalIgnoreCase);

    public GatewayRouteCompiler(RoutingContext context)
        : this(context, null, new HashSet<ResourceId>())
    {
    }

    /// <summary>
    /// The gateway phase for a later snapshot whose gateways, connections, circuits and sites are those of
    /// <paramref name="previous"/>'s and whose hubs <paramref name="changedHubs"/> have other transit spokes (a
    /// peering change, <see cref="RoutingCompiler.Recompile"/>). A gateway learns again only if it learned a
    /// changed hub's ranges (a shared circuit, a VNet-to-VNet connection), and advertises again only if it
    /// learned again or sits in a changed hub; every other gateway keeps what it learned and advertised.
    /// </summary>
    public GatewayRouteCompiler(RoutingContext context, GatewayRouteCompiler? previous, IReadOnlySet<ResourceId> changedHubs)
    {
        _context = context;
        var reused = new Dictionary<ResourceId, GatewayFacts>();
        foreach (var gateway in context.Estate.VirtualNetworkGateways.OrderBy(g => g.Id))
        {
            if (previous is not null && previous._gateways.TryGetValue(gateway.Id, out var old)
                && ReferenceEquals(old.Gateway, gateway) && !old.ReadsTransitOf.Overlaps(changedHubs))
            {
                reused[gateway.Id] = old;
                _gateways[gateway.Id] = GatewayFacts.Reusing(old);
            }
            else
            {
                _gateways[gateway.Id] = new GatewayFacts(gateway, NextHopsOf(gateway));
            }
        }

        foreach (var facts in _gateways.Values.Where(f => !f.KeptLearned))
        {
            facts.Learned = Learn(facts);
        }

        var advertised = new Dictionary<ResourceId, ImmutableArray<GatewayAdvertisedRoute>>();
        var bySite = new Dictionary<ResourceId, List<GatewayAdvertisedRoute>>();
        foreach (var facts in _gateways.Values)
        {
            if (reused.TryGetValue(facts.Gateway.Id, out var old) && (facts.VirtualNetworkId is not { } vnet || !changedHubs.Contains(vnet)))
            {
                facts.KeepAdvertised(old);
            }
            else
            {
                Advertise(facts);
            }

            advertised[facts.Gateway.Id] = facts.Advertised;
            foreach (var (site, routes) in facts.AdvertisedToSites)
            {
                if (!bySite.TryGetValue(site, out var list))
                {
                    list = [];
                    bySite.Add(site, list);
                }

                list.AddRange(routes);
            }
        }

        AdvertisedByGateway = advertised.ToFrozenDictionary();
        AdvertisedToSite = bySite.ToFrozenDictionary(p => p.Key, p => p.Value.OrderBy(r => r.Prefix).ThenBy(r => r.ConnectionId).ToImmutableArray());
    }

    /// <summary>The notes raised while learning and advertising (before any VNet asks for its routes).</summary>
    public IEnumerable<Diagnostic> SetupNotes => _gateways.Values.SelectMany(g => g.LearnNotes.Concat(g.AdvertiseNotes));

    /// <summary>
    /// The VNets whose gateways learned other routes, or carry other notes, here than in <paramref name="previous"/>
    /// (compiled for an earlier snapshot with the same gateways): the hubs whose gateway route sets changed, for
    /// <see cref="RoutingCompiler.Recompile"/>. What a gateway advertises is not compared; it is read from here.
    /// </summary>
    public HashSet<ResourceId> VirtualNetworksWithOtherRoutesThan(GatewayRouteCompiler previous)
    {
        var result = new HashSet<ResourceId>();
        foreach (var (id, facts) in _gateways)
        {
            if (facts.VirtualNetworkId is not { } vnet)
            {
                continue;
            }

            if (!previous._gateways.TryGetValue(id, out var old) || old.VirtualNetworkId != vnet
                || (facts.Learned != old.Learned && !facts.Learned.SequenceEqual(old.Learned, SameLearnedRoute.Instance))
                || !facts.Notes.SequenceEqual(old.Notes, DiagnosticIdentity.Comparer))
            {
                result.Add(vnet);
            }
        }

        foreach (var (id, old) in previous._gateways)
        {
            if (!_gateways.ContainsKey(id) && old.VirtualNetworkId is { } vnet)
            {
                result.Add(vnet);
            }
        }

        return result;
    }

    /// <summary>Gateway → what it offers on each of its connections.</summary>
    public FrozenDictionary<ResourceId, ImmutableArray<GatewayAdvertisedRoute>> AdvertisedByGateway { get; }

    /// <summary>External site → the Azure prefixes offered to it, over every connection it sits behind.</summary>
    public FrozenDictionary<ResourceId, ImmutableArray<GatewayAdvertisedRoute>> AdvertisedToSite { get; }

    /// <summary>Gateway → every route it learned, with the best ones flagged (selection among its VNet's gateways).</summary>
    public FrozenDictionary<ResourceId, ImmutableArray<GatewayLearnedRoute>> LearnedByGateway() => LearnedByGateway(null);

    /// <summary>
    /// As <see cref="LearnedByGateway()"/>, taking from <paramref name="previous"/> (the earlier compiler's answer)
    /// the entries of every VNet all of whose gateways kept what they learned.
    /// </summary>
    public FrozenDictionary<ResourceId, ImmutableArray<GatewayLearnedRoute>> LearnedByGateway(
        FrozenDictionary<ResourceId, ImmutableArray<GatewayLearnedRoute>>? previous)
    {
        var result = new Dictionary<ResourceId, ImmutableArray<GatewayLearnedRoute>>();
        foreach (var hubGateways in _gateways.Values.Where(g => g.VirtualNetworkId is not null).GroupBy(g => g.VirtualNetworkId))
        {
            if (previous is not null && hubGateways.All(g => g.KeptLearned && previous.ContainsKey(g.Gateway.Id)))
            {
                foreach (var gateway in hubGateways)
                {
                    result[gateway.Gateway.Id] = previous[gateway.Gateway.Id];
                }

                continue;
            }

            var best = SelectBest(hubGateways.SelectMany(g => g.Learned)).SelectMany(b => b).ToHashSet(ReferenceEqualityComparer.Instance);
            foreach (var gateway in hubGateways)
            {
                result[gateway.Gateway.Id] = [.. gateway.Learned.Select(r => best.Contains(r) ? r with { IsBest = true } : r)];
            }
        }

        foreach (var gateway in _gateways.Values.Where(g => g.VirtualNetworkId is null))
        {
            result[gateway.Gateway.Id] = gateway.Learned;
        }

        return result.ToFrozenDictionary();
    }

    /// <summary>
    /// The gateway routes a VNet receives: from its own gateways and from the hubs whose gateways it uses
    /// (Azure allows only one of these; an invalid estate with several gets their union). Null when none.
    /// </summary>
    public GatewayRouteSet? SetFor(ResourceId vnetId)
    {
        var sources = new List<ResourceId>();
        if (_gateways.Values.Any(g => g.VirtualNetworkId == vnetId))
        {
            sources.Add(vnetId);
        }

        sources.AddRange(_context.RemoteGatewayHubsOf.GetValueOrDefault(vnetId, []));
        if (sources.Count == 0)
        {
            return null;
        }

        var key = string.Join('|', sources.Distinct().Order());
        return _sets.GetOrAdd(key, _ => Build(sources));
    }

    private GatewayRouteSet? Build(List<ResourceId> hubs)
    {
        var gateways = _gateways.Values.Where(g => g.VirtualNetworkId is { } v && hubs.Contains(v)).ToList();
        var routes = ImmutableArray.CreateBuilder<EffectiveRoute>();
        var contributing = new HashSet<ResourceId>();
        foreach (var tied in SelectBest(gateways.SelectMany(g => g.Learned)))
        {
            var best = tied[0];
            var nextHops = tied.SelectMany(t => t.NextHopIpAddresses).Distinct().ToImmutableArray();
            contributing.UnionWith(tied.Select(t => t.GatewayId));
            var route = new EffectiveRoute
            {
                Source = EffectiveRouteSource.VirtualNetworkGateway,
                State = EffectiveRouteState.Active,
                AddressPrefixes = [best.Prefix],
                NextHopIpAddresses = nextHops,
                NextHopType = NextHopType.VirtualNetworkGateway,
                Origin = best.GatewayId,
                Reason = EffectiveRouteReason.OnlyRouteForPrefix,
                Explanation = Explain(best),
            };
            if (_context.Options.GatewayNextHopShape == GatewayNextHopShape.OneEntryPerAddress && nextHops.Length > 1)
            {
                routes.AddRange(nextHops.Select(address => route with { NextHopIpAddresses = [address] }));
            }
            else
            {
                routes.Add(route);
            }
        }

        if (routes.Count == 0)
        {
            return null;
        }

        var notes = gateways.Where(g => contributing.Contains(g.Gateway.Id)).SelectMany(g => g.Notes).Select(_context.Note).ToImmutableArray();
        return new GatewayRouteSet(routes.ToImmutable(), notes);
    }

    /// <summary>
    /// Best path per prefix (semantics.md §3.9): ExpressRoute over VPN, then the higher connection weight, then
    /// the shorter AS path. Routes still equal after that are kept together (ECMP: their next hops merge).
    /// </summary>
    private static IEnumerable<List<GatewayLearnedRoute>> SelectBest(IEnumerable<GatewayLearnedRoute> learned)
    {
        foreach (var group in learned.GroupBy(r => r.Prefix).OrderBy(g => g.Key))
        {
            var ordered = group
                .OrderByDescending(r => r.IsExpressRoute)
                .ThenByDescending(r => r.Weight)
                .ThenBy(r => r.AsPath.Length)
                .ThenBy(r => r.GatewayId)
                .ThenBy(r => r.ConnectionId)
                .ToList();
            var first = ordered[0];
            yield return [.. ordered.TakeWhile(r => r.IsExpressRoute == first.IsExpressRoute && r.Weight == first.Weight && r.AsPath.Length == first.AsPath.Length)];
        }
    }

    private ImmutableArray<GatewayLearnedRoute> Learn(GatewayFacts facts)
    {
        var gateway = facts.Gateway;
        var learned = new List<GatewayLearnedRoute>();
        foreach (var connection in _context.Estate.ConnectionsOf(gateway.Id).OrderBy(c => c.Id))
        {
            switch (connection.ConnectionType)
            {
                case VirtualNetworkGatewayConnectionType.IPsec:
                    LearnFromVpnPeer(facts, connection, learned);
                    break;
                case VirtualNetworkGatewayConnectionType.ExpressRoute:
                    LearnFromCircuit(facts, connection, learned);
                    break;
                case VirtualNetworkGatewayConnectionType.Vnet2Vnet:
                    LearnFromRemoteGateway(facts, connection, learned);
                    break;
                default:
                    break;
            }
        }

        return [.. learned];
    }

    /// <summary>
    /// A site-to-site connection: the local network gateway's address prefixes are static routes, with or without
    /// BGP; with BGP on both ends, also the host route to the peer and whatever the sites behind it advertise
    /// (semantics.md §2.2, §5.2).
    /// </summary>
    private void LearnFromVpnPeer(GatewayFacts facts, VirtualNetworkGatewayConnection connection, List<GatewayLearnedRoute> learned)
    {
        var local = _context.Estate.Find<LocalNetworkGateway>(connection.LocalNetworkGateway2Id);
        if (local is null)
        {
            return;
        }

        foreach (var prefix in local.AddressPrefixes.Select(a => a.Prefix).Distinct())
        {
            learned.Add(Route(facts, connection, prefix, GatewayRouteOrigin.Network, GatewayRouteKind.LocalNetworkGatewayPrefix, []) with
            {
                LocalNetworkGatewayId = local.Id,
            });
        }

        var sites = SitesBehind(connection);
        var runsBgp = connection.EnableBgp && facts.Gateway.EnableBgp && local.BgpSettings is not null;
        if (!runsBgp)
        {
            foreach (var site in sites.Where(s => !s.AdvertisedPrefixes.IsEmpty))
            {
                facts.Notes.Add(NoteDuringSetup(facts.LearnNotes, DiagnosticCatalog.AdvertisementIgnoredWithoutBgp(site.Id, connection.Id, site.AdvertisedPrefixes.Length)));
            }

            return;
        }

        var bgp = local.BgpSettings;
        foreach (var peer in bgp?.BgpPeeringAddresses ?? [])
        {
            learned.Add(Route(facts, connection, IpPrefix.Host(peer), GatewayRouteOrigin.Network, GatewayRouteKind.BgpPeerAddress, []) with
            {
                LocalNetworkGatewayId = local.Id,
            });
        }

        foreach (var site in sites)
        {
            var asn = site.Asn ?? bgp?.Asn;
            ImmutableArray<long> path = asn is { } a ? [a] : [];
            foreach (var prefix in site.AdvertisedPrefixes.Distinct())
            {
                learned.Add(Route(facts, connection, prefix, GatewayRouteOrigin.EBgp, GatewayRouteKind.ExternalSiteAdvertisement, path) with
                {
                    ExternalSiteId = site.Id,
                });
            }
        }
    }

    /// <summary>
    /// An ExpressRoute connection: what the sites behind the circuit's private peering advertise, with AS path
    /// 12076 then the site's ASN; and the ranges of the other VNets linked to the same circuit (semantics.md §5.7).
    /// </summary>
    private void LearnFromCircuit(GatewayFacts facts, VirtualNetworkGatewayConnection connection, List<GatewayLearnedRoute> learned)
    {
        if (connection.PeerId is not { } circuitId)
        {
            return;
        }

        var circuit = _context.Estate.Find<ExpressRouteCircuit>(circuitId);
        var privatePeering = circuit?.Peerings.FirstOrDefault(p => string.Equals(p.PeeringType, PrivatePeeringName, StringComparison.OrdinalIgnoreCase));
        if (circuit is not null && !circuit.Peerings.IsEmpty && privatePeering is null)
        {
            // Only private peering carries routes to and from VNets; a circuit with only Microsoft peering teaches the gateway nothing.
            return;
        }

        foreach (var site in SitesBehind(connection))
        {
            var asn = site.Asn ?? privatePeering?.PeerAsn;
            ImmutableArray<long> path = asn is { } a ? [MicrosoftAsn, a] : [MicrosoftAsn];
            foreach (var prefix in site.AdvertisedPrefixes.Distinct())
            {
                learned.Add(Route(facts, connection, prefix, GatewayRouteOrigin.EBgp, GatewayRouteKind.ExternalSiteAdvertisement, path) with
                {
                    ExternalSiteId = site.Id,
                });
            }
        }

        foreach (var other in _context.Estate.Connections
            .Where(c => c.ConnectionType == VirtualNetworkGatewayConnectionType.ExpressRoute && c.PeerId == circuitId && c.Id != connection.Id)
            .OrderBy(c => c.Id))
        {
            if (other.VirtualNetworkGateway1Id is not { } otherGatewayId || otherGatewayId == facts.Gateway.Id
                || !_gateways.TryGetValue(otherGatewayId, out var otherGateway)
                || otherGateway.VirtualNetworkId is not { } otherVnet || otherVnet == facts.VirtualNetworkId)
            {
                continue;
            }

            var mine = facts.Gateway.AllowRemoteVnetTraffic;
            var theirs = otherGateway.Gateway.AllowRemoteVnetTraffic;
            if (mine == false || theirs == false)
            {
                continue;
            }

            if (mine is null || theirs is null)
            {
                facts.Notes.Add(NoteDuringSetup(facts.LearnNotes, DiagnosticCatalog.RemoteVnetTrafficAssumed(facts.Gateway.Id, otherGatewayId, circuitId, otherVnet)));
            }

            facts.ReadsTransitOf.Add(otherVnet);
            foreach (var prefix in _context.RangesWithTransitSpokes(otherVnet).Distinct())
            {
                learned.Add(Route(facts, connection, prefix, GatewayRouteOrigin.EBgp, GatewayRouteKind.RemoteVirtualNetwork, [MicrosoftAsn]) with
                {
                    SourceVirtualNetworkId = otherVnet,
                });
            }
        }
    }

    /// <summary>A VNet-to-VNet connection: the other gateway's VNet and the spokes using it.</summary>
    private void LearnFromRemoteGateway(GatewayFacts facts, VirtualNetworkGatewayConnection connection, List<GatewayLearnedRoute> learned)
    {
        var otherId = connection.VirtualNetworkGateway1Id == facts.Gateway.Id ? connection.VirtualNetworkGateway2Id : connection.VirtualNetworkGateway1Id;
        if (otherId is null || !_gateways.TryGetValue(otherId, out var other) || other.VirtualNetworkId is not { } otherVnet)
        {
            return;
        }

        var runsBgp = connection.EnableBgp && facts.Gateway.EnableBgp && other.Gateway.EnableBgp;
        ImmutableArray<long> path = runsBgp ? [other.Gateway.BgpSettings?.Asn ?? DefaultGatewayAsn] : [];
        facts.ReadsTransitOf.Add(otherVnet);
        foreach (var prefix in _context.RangesWithTransitSpokes(otherVnet).Distinct())
        {
            learned.Add(Route(facts, connection, prefix, runsBgp ? GatewayRouteOrigin.EBgp : GatewayRouteOrigin.Network,
                GatewayRouteKind.RemoteVirtualNetwork, path) with
            {
                SourceVirtualNetworkId = otherVnet,
            });
        }
    }

    /// <summary>
    /// What a gateway offers each of its connections (semantics.md §3.8, §5.2): its VNet and transit spokes; a VPN
    /// gateway adds the other local network gateways' prefixes and the routes learned over its other BGP sessions,
    /// except default routes and prefixes overlapping a VNet range. ExpressRoute and VPN do not transit to each other.
    /// </summary>
    private void Advertise(GatewayFacts facts)
    {
        if (facts.VirtualNetworkId is not { } vnet)
        {
            return;
        }

        var own = _context.RangesWithTransitSpokes(vnet).Distinct().ToImmutableArray();
        var isExpressRoute = facts.Gateway.GatewayType == VirtualNetworkGatewayType.ExpressRoute;
        var asn = facts.Gateway.BgpSettings?.Asn ?? DefaultGatewayAsn;
        var result = ImmutableArray.CreateBuilder<GatewayAdvertisedRoute>();
        foreach (var connection in _context.Estate.ConnectionsOf(facts.Gateway.Id).OrderBy(c => c.Id))
        {
            if (connection.ConnectionType is not (VirtualNetworkGatewayConnectionType.IPsec or VirtualNetworkGatewayConnectionType.ExpressRoute))
            {
                continue;
            }

            var viaBgp = isExpressRoute || (connection.EnableBgp && facts.Gateway.EnableBgp
                && (connection.ConnectionType != VirtualNetworkGatewayConnectionType.IPsec
                    || _context.Estate.Find<LocalNetworkGateway>(connection.LocalNetworkGateway2Id)?.BgpSettings is not null));
            var offered = new List<GatewayAdvertisedRoute>();
            ImmutableArray<long> ownPath = isExpressRoute ? [MicrosoftAsn] : [asn];
            offered.AddRange(own.Select(p => Advertised(facts, connection, p, ownPath, viaBgp)));
            if (!isExpressRoute)
            {
                foreach (var route in facts.Learned.Where(r => r.ConnectionId != connection.Id))
                {
                    var transit = route.Kind == GatewayRouteKind.LocalNetworkGatewayPrefix
                        || (route.Origin == GatewayRouteOrigin.EBgp && route.Prefix.Length > 0 && !own.Any(p => p.Overlaps(route.Prefix)));
                    if (transit && viaBgp)
                    {
                        offered.Add(Advertised(facts, connection, route.Prefix, [asn, .. route.AsPath], viaBgp));
                    }
                }
            }

            var distinct = offered.GroupBy(r => r.Prefix).Select(g => g.OrderBy(r => r.AsPath.Length).First()).OrderBy(r => r.Prefix).ToList();
            if (!viaBgp)
            {
                NoteDuringSetup(facts.AdvertiseNotes, DiagnosticCatalog.StaticVpnAdvertisementAssumed(connection.Id, facts.Gateway.Id, distinct.Count));
            }

            result.AddRange(distinct);
            foreach (var site in SitesBehind(connection))
            {
                facts.AdvertisedToSites.Add((site.Id, distinct));
            }
        }

        facts.Advertised = result.ToImmutable();
    }

    /// <summary>
    /// The external sites a connection reaches: attached to the connection, its local network gateway, its circuit
    /// or the circuit's private peering (sites behind Microsoft peering exchange no routes with VNets).
    /// </summary>
    private ImmutableArray<ExternalSite> SitesBehind(VirtualNetworkGatewayConnection connection)
    {
        var estate = _context.Estate;
        if (connection.ConnectionType != VirtualNetworkGatewayConnectionType.ExpressRoute || connection.PeerId is not { } circuitId)
        {
            return [.. estate.SitesOf(connection).OrderBy(s => s.Id)];
        }

        return [.. estate.SitesAttachedTo(connection.Id)
            .Concat(estate.SitesAttachedTo(circuitId))
            .Concat(estate.SitesAttachedTo(circuitId.Child("peerings", PrivatePeeringName)))
            .Distinct()
            .OrderBy(s => s.Id)];
    }

    /// <summary>
    /// The next hop addresses effective routes show for a gateway's routes (semantics.md §3.10, §7.4): the public IP
    /// of an active-standby VPN gateway, the instance addresses of an active-active one, and the circuit's edge
    /// routers for ExpressRoute, which the configuration cannot tell.
    /// </summary>
    private (ImmutableArray<IpAddress> Addresses, ImmutableArray<Diagnostic> Notes) NextHopsOf(VirtualNetworkGateway gateway)
    {
        if (gateway.GatewayType == VirtualNetworkGatewayType.ExpressRoute)
        {
            return ([], [DiagnosticCatalog.ExpressRouteNextHopUnknown(gateway.Id)]);
        }

        if (gateway.ActiveActive)
        {
            var shape = DiagnosticCatalog.GatewayNextHopShapeAssumed(gateway.Id, _context.Options.GatewayNextHopShape == GatewayNextHopShape.OneEntryPerAddress);
            var instances = gateway.BgpSettings?.BgpPeeringAddresses ?? [];
            if (instances.Length < 2)
            {
                instances = [.. gateway.IpConfigurations.Select(c => c.PrivateIpAddress).OfType<IpAddress>()];
            }

            return instances.Length >= 2
                ? (instances, [shape])
                : ([], [shape, DiagnosticCatalog.GatewayNextHopUnknown(gateway.Id,
                    "an active-active gateway's routes point to its instance addresses, and bgpSettings.bgpPeeringAddress does not list two",
                    "give bgpSettings.bgpPeeringAddress as the two instance addresses, comma-separated")]);
        }

        var publicIp = gateway.IpConfigurations
            .Select(c => _context.Estate.Find<PublicIpAddress>(c.PublicIpAddressId)?.IpAddress)
            .FirstOrDefault(a => a is not null);
        return publicIp is { } address
            ? ([address], [])
            : ([], [DiagnosticCatalog.GatewayNextHopUnknown(gateway.Id,
                "an active-standby gateway's routes point to its public IP address, which the estate does not give",
                "include the gateway's public IP address resource with its ipAddress")]);
    }

    private Diagnostic NoteDuringSetup(List<Diagnostic> sink, Diagnostic note)
    {
        var recorded = _context.Note(note);
        sink.Add(recorded);
        return recorded;
    }

    private static GatewayLearnedRoute Route(GatewayFacts facts, VirtualNetworkGatewayConnection connection, IpPrefix prefix,
        GatewayRouteOrigin origin, GatewayRouteKind kind, ImmutableArray<long> asPath) => new()
        {
            Prefix = prefix,
            GatewayId = facts.Gateway.Id,
            IsExpressRoute = facts.Gateway.GatewayType == VirtualNetworkGatewayType.ExpressRoute,
            Origin = origin,
            Kind = kind,
            ConnectionId = connection.Id,
            AsPath = asPath,
            Weight = connection.RoutingWeight,
            NextHopIpAddresses = facts.NextHops,
        };

    private static GatewayAdvertisedRoute Advertised(GatewayFacts facts, VirtualNetworkGatewayConnection connection, IpPrefix prefix,
        ImmutableArray<long> asPath, bool viaBgp) => new()
        {
            Prefix = prefix,
            GatewayId = facts.Gateway.Id,
            ConnectionId = connection.Id,
            AsPath = viaBgp ? asPath : [],
            ViaBgp = viaBgp,
        };

    private static string Explain(GatewayLearnedRoute route)
    {
        var path = route.AsPath.IsEmpty ? string.Empty
            : ", AS path " + string.Join(' ', route.AsPath.Select(a => a.ToString(CultureInfo.InvariantCulture)));
        return route.Kind switch
        {
            GatewayRouteKind.LocalNetworkGatewayPrefix =>
                $"address prefix of local network gateway {route.LocalNetworkGatewayId?.Name} (connection {route.ConnectionId.Name} of {route.GatewayId.Name})",
            GatewayRouteKind.BgpPeerAddress =>
                $"host route to the BGP peer of local network gateway {route.LocalNetworkGatewayId?.Name} (connection {route.ConnectionId.Name} of {route.GatewayId.Name})",
            GatewayRouteKind.ExternalSiteAdvertisement =>
                $"advertised by {route.ExternalSiteId?.Name} over {route.ConnectionId.Name}{path}; learned by {route.GatewayId.Name}",
            _ => $"address range of VNet {route.SourceVirtualNetworkId?.Name} over {route.ConnectionId.Name}{path}; learned by {route.GatewayId.Name}",
        };
    }

    /// <summary>A gateway with what every one of its routes shares, what it learned and what it advertises.</summary>
    private sealed class GatewayFacts
    {
        public GatewayFacts(VirtualNetworkGateway gateway, (ImmutableArray<IpAddress> Addresses, ImmutableArray<Diagnostic> Notes) nextHops)
        {
            Gateway = gateway;
            VirtualNetworkId = gateway.VirtualNetworkId;
            NextHops = nextHops.Addresses;
            Notes = [.. nextHops.Notes];
        }

        public VirtualNetworkGateway Gateway { get; }

        /// <summary>The gateway's VNet, read once (the model derives it from the GatewaySubnet id on each call).</summary>
        public ResourceId? VirtualNetworkId { get; }

        public ImmutableArray<IpAddress> NextHops { get; }

        /// <summary>Notes every subnet using this gateway's routes carries: next hop addresses, and assumptions made while learning.</summary>
        public List<Diagnostic> Notes { get; }

        /// <summary>Filled once every gateway is known (a VNet-to-VNet route needs the other side).</summary>
        public ImmutableArray<GatewayLearnedRoute> Learned { get; set; } = [];

        /// <summary>The VNets whose ranges and transit spokes it learned (over a shared circuit or VNet-to-VNet).</summary>
        public HashSet<ResourceId> ReadsTransitOf { get; private init; } = [];

        /// <summary>The notes raised while it learned.</summary>
        public List<Diagnostic> LearnNotes { get; private init; } = [];

        /// <summary>The notes raised while it advertised.</summary>
        public List<Diagnostic> AdvertiseNotes { get; private set; } = [];

        public ImmutableArray<GatewayAdvertisedRoute> Advertised { get; set; } = [];

        /// <summary>(site, routes offered to it over one connection), in connection order.</summary>
        public List<(ResourceId Site, List<GatewayAdvertisedRoute> Routes)> AdvertisedToSites { get; private set; } = [];

        /// <summary>True when it kept what an earlier compiler's facts learned.</summary>
        public bool KeptLearned { get; private init; }

        /// <summary>Facts for the same gateway that keep what <paramref name="old"/> learned (its notes about learning included).</summary>
        public static GatewayFacts Reusing(GatewayFacts old)
        {
            var facts = new GatewayFacts(old.Gateway, (old.NextHops, []))
            {
                KeptLearned = true,
                ReadsTransitOf = old.ReadsTransitOf,
                LearnNotes = old.LearnNotes,
            };
            facts.Notes.AddRange(old.Notes);
            facts.Learned = old.Learned;
            return facts;
        }

        /// <summary>Keeps what <paramref name="old"/> advertised, and the notes it raised doing so.</summary>
        public void KeepAdvertised(GatewayFacts old)
        {
            Advertised = old.Advertised;
            AdvertisedToSites = old.AdvertisedToSites;
            AdvertiseNotes = old.AdvertiseNotes;
        }
    }

    /// <summary>
    /// Learned routes compared by value: the record's own equality compares its two arrays by reference, so those are
    /// compared element by element and every other member by the record's equality (a member added later is compared
    /// too, rather than silently ignored by a hand-kept list).
    /// </summary>
    private sealed class SameLearnedRoute : IEqualityComparer<GatewayLearnedRoute>
    {
        public static SameLearnedRoute Instance { get; } = new();

        public bool Equals(GatewayLearnedRoute? x, GatewayLearnedRoute? y) =>
            ReferenceEquals(x, y) || (x is not null && y is not null
                && x.AsPath.SequenceEqual(y.AsPath) && x.NextHopIpAddresses.SequenceEqual(y.NextHopIpAddresses)
                && (x with { AsPath = y.AsPath, NextHopIpAddresses = y.NextHopIpAddresses }).Equals(y));

        public int GetHashCode(GatewayLearnedRoute obj) => HashCode.Combine(obj.Prefix, obj.GatewayId, obj.ConnectionId);
    }
}
