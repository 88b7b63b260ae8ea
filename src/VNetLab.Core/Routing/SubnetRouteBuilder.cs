using System.Collections.Immutable;
using VNetLab.Addressing;
using VNetLab.Diagnostics;
using VNetLab.Model;
using VNetLab.Routing.Bgp;

namespace VNetLab.Routing;

/// <summary>
/// Builds one subnet's effective route table from the rules of shared/azure/semantics.md §6: system routes
/// (steps 1–3), gateway routes (4), user routes (5) and equal-prefix selection (6). Gateway routes stay in the
/// shared <see cref="GatewayRouteSet"/>; this builder decides only how they interact with the subnet's own routes.
/// </summary>
internal sealed class SubnetRouteBuilder
{
    private const int GroupVnetLocal = 0;
    private const int GroupPeering = 1;
    private const int GroupServiceEndpoint = 2;
    private const int GroupInternet = 3;
    private const int GroupNone = 4;
    private const int GroupUser = 5;

    private readonly RoutingContext _context;
    private readonly VirtualNetworkFacts _facts;
    private readonly GatewayRouteSet? _gateways;
    private readonly GatewayRouteSet? _gatewaysBeforePropagation;
    private readonly RouteTable? _routeTable;
    private readonly bool _propagationDisabled;
    private readonly List<Candidate> _candidates = [];
    private readonly List<SuppressedRoute> _suppressed = [];
    private readonly List<Diagnostic> _notes = [];

    public SubnetRouteBuilder(RoutingContext context, VirtualNetworkFacts facts, GatewayRouteSet? gateways, RouteTable? routeTable)
    {
        _context = context;
        _facts = facts;
        _routeTable = routeTable;
        _propagationDisabled = routeTable?.DisableBgpRoutePropagation ?? false;
        _gatewaysBeforePropagation = gateways;
        _gateways = _propagationDisabled ? null : gateways;
    }

    /// <summary>Notes that apply to every subnet sharing this table.</summary>
    public IReadOnlyList<Diagnostic> Notes => _notes;

    /// <summary>Builds the table of a subnet (its service endpoints are the only subnet-specific input).</summary>
    public EffectiveRouteTable Build(Subnet subnet)
    {
        AddVnetLocalRoutes();
        AddPeeringRoutes();
        AddServiceEndpointRoutes(subnet);
        AddUserRoutes();
        AddInternetRoutes();
        AddNoneRoutes();
        var (routes, insertAt, lookup, overridden) = Select();
        return new EffectiveRouteTable(_facts, routes, insertAt, lookup, [.. _suppressed], _gateways, _gatewaysBeforePropagation,
            _propagationDisabled, overridden);
    }

    private bool GatewayInstalls(IpPrefix prefix) =>
        _gateways is not null && _gateways.Lookup.TryGetExact(prefix, out _) && !_facts.TryFindCoveringRange(prefix, out _);

    /// <summary>§2.1: one VnetLocal route per address range of the VNet (none per subnet).</summary>
    private void AddVnetLocalRoutes()
    {
        foreach (var range in _facts.Ranges)
        {
            Add(new Candidate(EffectiveRouteSource.Default, NextHopType.VnetLocal, [range], GroupVnetLocal, 30)
            {
                Origin = _facts.Id,
                Explanation = $"address range of VNet {_facts.VirtualNetwork.Name}",
            });
        }
    }

    /// <summary>§2.2: one route per address range of each connected, directly peered VNet; global across regions.</summary>
    private void AddPeeringRoutes()
    {
        foreach (var peering in _facts.Peerings)
        {
            foreach (var range in peering.RemoteRanges)
            {
                Add(new Candidate(EffectiveRouteSource.Default, peering.NextHopType, [range], GroupPeering, 31)
                {
                    Origin = peering.Peering.Id,
                    Explanation = $"address range of VNet {peering.RemoteVirtualNetworkId.Name} peered through {peering.Peering.Name}"
                        + (peering.IsGlobal ? " (another region)" : string.Empty),
                });
            }
        }
    }

    /// <summary>§2.2: a service endpoint adds one route holding all the service's prefixes, only to its own subnet, and nothing overrides it.</summary>
    private void AddServiceEndpointRoutes(Subnet subnet)
    {
        foreach (var endpoint in subnet.ServiceEndpoints.OrderBy(e => e.Service, StringComparer.OrdinalIgnoreCase))
        {
            var (tags, prefixes, _) = Resolve(_context, _facts, endpoint);
            Add(new Candidate(EffectiveRouteSource.Default, NextHopType.VirtualNetworkServiceEndpoint, prefixes, GroupServiceEndpoint, 0)
            {
                Tags = tags,
                SortName = endpoint.Service,
                Explanation = $"service endpoint {endpoint.Service} ({string.Join(", ", tags)}); routes to a service endpoint cannot be overridden",
            });
        }
    }

    /// <summary>The notes about a subnet's service endpoints whose prefixes are unknown (they name the subnet, so they are not shared).</summary>
    public static IEnumerable<Diagnostic> ServiceEndpointNotes(RoutingContext context, VirtualNetworkFacts facts, Subnet subnet)
    {
        foreach (var endpoint in subnet.ServiceEndpoints.OrderBy(e => e.Service, StringComparer.OrdinalIgnoreCase))
        {
            var (_, _, missing) = Resolve(context, facts, endpoint);
            if (missing.Length > 0)
            {
                var reason = context.ServiceTags is null
                    ? "no service tags file was given"
                    : $"the service tags file has no {string.Join(", ", missing)}";
                yield return context.Note(DiagnosticCatalog.ServiceEndpointPrefixesUnknown(subnet.Id, endpoint.Service, reason));
            }
        }
    }

    private static (ImmutableArray<string> Tags, ImmutableArray<IpPrefix> Prefixes, ImmutableArray<string> Missing) Resolve(
        RoutingContext context, VirtualNetworkFacts facts, ServiceEndpoint endpoint)
    {
        var tags = ImmutableArray.CreateBuilder<string>();
        var prefixes = new SortedSet<IpPrefix>();
        var missing = ImmutableArray.CreateBuilder<string>();
        foreach (var tag in ServiceEndpointTags.TagsFor(endpoint.Service, endpoint.Locations, facts.VirtualNetwork.Location))
        {
            if (context.TryGetServiceTag(tag, out var spelling, out var tagPrefixes))
            {
                prefixes.UnionWith(tagPrefixes);
                tags.Add(spelling);
            }
            else
            {
                missing.Add(tag);
                tags.Add(tag);
            }
        }

        return (tags.ToImmutable(), [.. prefixes], missing.ToImmutable());
    }

    /// <summary>§3.5, §3.11, §3.12: the subnet's user-defined routes, service tags expanded.</summary>
    private void AddUserRoutes()
    {
        if (_routeTable is null)
        {
            return;
        }

        foreach (var route in _routeTable.Routes.OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase))
        {
            ImmutableArray<IpPrefix> prefixes;
            ImmutableArray<string> tags = [];
            var rank = 10;
            if (route.Prefix is { } prefix)
            {
                prefixes = [prefix];
            }
            else if (IsServiceTag(route.AddressPrefix))
            {
                if (!_context.TryGetServiceTag(route.AddressPrefix.Trim(), out var tag, out var tagPrefixes))
                {
                    var reason = _context.ServiceTags is null ? "no service tags file was given" : "the service tags file does not contain it";
                    _notes.Add(_context.Note(DiagnosticCatalog.ServiceTagRouteUnresolved(route.Id, tag, reason)));
                    _suppressed.Add(new SuppressedRoute(
                        UserRoute(route, [], [tag]), RouteSuppressionReason.ServiceTagNotResolved, $"service tag {tag}: {reason}"));
                    continue;
                }

                prefixes = [.. tagPrefixes.Distinct().Order()];
                tags = [tag];
                rank += TagRank(tag);
            }
            else
            {
                // Not a CIDR and not a tag: validation reports it; Azure would have refused the route.
                continue;
            }

            var type = ToNextHopType(route.NextHopType);
            ImmutableArray<IpAddress> nextHops = type == NextHopType.VirtualAppliance && route.NextHopIpAddress is { } address ? [address] : [];
            var unreachable = type == NextHopType.VirtualAppliance && (route.NextHopIpAddress is not { } ip || !_facts.HasDirectConnectivity(ip));
            var explanation = $"route {route.Name} of route table {_routeTable.Name}";
            if (unreachable)
            {
                explanation += route.NextHopIpAddress is { } hop
                    ? $"; next hop {hop} is not in the VNet or a directly peered VNet, so Network Watcher answers None"
                    : "; the route has no next hop IP address";
                if (route.NextHopIpAddress is { } unreachableHop)
                {
                    _notes.Add(_context.Note(DiagnosticCatalog.UnreachableApplianceRouteState(route.Id, prefixes.FirstOrDefault(), unreachableHop, _facts.Id)));
                }
            }

            Add(new Candidate(EffectiveRouteSource.User, type, prefixes, GroupUser, rank)
            {
                Name = route.Name,
                RouteTableId = _routeTable.Id,
                Origin = route.Id,
                NextHops = nextHops,
                Tags = tags,
                Unreachable = unreachable,
                Explanation = explanation,
            });
        }
    }

    /// <summary>
    /// §2.1 and §3.6: Default 0.0.0.0/0 Internet, absent (not Invalid) when a gateway installs 0.0.0.0/0. An
    /// IPv6 range gets the same for ::/0.
    /// </summary>
    private void AddInternetRoutes()
    {
        AddInternetRoute(IpFamily.V4);
        if (_facts.Ranges.Any(r => r.Family == IpFamily.V6))
        {
            _notes.Add(_context.Note(DiagnosticCatalog.Ipv6DefaultRouteAssumed(_facts.Id)));
            AddInternetRoute(IpFamily.V6);
        }
    }

    private void AddInternetRoute(IpFamily family)
    {
        var candidate = new Candidate(EffectiveRouteSource.Default, NextHopType.Internet, [IpPrefix.Default(family)], GroupInternet, 32)
        {
            Explanation = "system default route to the Internet",
        };
        if (_gateways?.HasDefaultRoute(family) == true)
        {
            _suppressed.Add(new SuppressedRoute(candidate.ToRoute(false), RouteSuppressionReason.RemovedByGatewayDefaultRoute,
                $"a gateway installs {IpPrefix.Default(family)}, which removes the system default route"));
            return;
        }

        Add(candidate);
    }

    /// <summary>
    /// §2.1, §3.2, §7.2: the platform None routes, minus those replaced by a VNet or peered range, by a User
    /// route with the same prefix, by a gateway route with the same prefix, or removed wholesale by a gateway
    /// 0.0.0.0/0 or a User 0.0.0.0/0 to an appliance or gateway.
    /// </summary>
    private void AddNoneRoutes()
    {
        var set = _context.Options.PlatformNoneRoutes;
        var userDefault = _candidates.FirstOrDefault(c => c.Source == EffectiveRouteSource.User && c.Prefixes.Contains(IpPrefix.Default(IpFamily.V4)));
        var removedByUserDefault = false;
        if (userDefault is not null && _routeTable is not null)
        {
            switch (userDefault.NextHopType)
            {
                case NextHopType.VirtualAppliance:
                    removedByUserDefault = true;
                    break;
                case NextHopType.VirtualNetworkGateway:
                    removedByUserDefault = true;
                    _notes.Add(_context.Note(DiagnosticCatalog.UserDefaultRouteNoneRowsAssumed(_routeTable.Id, "VirtualNetworkGateway", true)));
                    break;
                case NextHopType.Internet or NextHopType.VnetLocal:
                    _notes.Add(_context.Note(DiagnosticCatalog.UserDefaultRouteNoneRowsAssumed(_routeTable.Id, userDefault.NextHopType.ToString(), false)));
                    break;
                default:
                    // 0.0.0.0/0 → None keeps the None rows (captured, semantics.md 7.2).
                    break;
            }
        }

        foreach (var prefix in set.Prefixes)
        {
            var candidate = new Candidate(EffectiveRouteSource.Default, NextHopType.None, [prefix], GroupNone, 33)
            {
                Explanation = $"platform None route ('{set.Name}' set): traffic is dropped",
            };
            var route = candidate.ToRoute(_propagationDisabled);
            if (_facts.TryFindCoveringRange(prefix, out var covering))
            {
                if (covering.Peer is { } peer)
                {
                    _notes.Add(_context.Note(DiagnosticCatalog.NoneRouteReplacedByPeeredRange(_facts.Id, prefix, covering.Range, peer.RemoteVirtualNetworkId)));
                    _suppressed.Add(new SuppressedRoute(route, RouteSuppressionReason.ReplacedByPeeredRange,
                        $"{covering.Range} of peered VNet {peer.RemoteVirtualNetworkId.Name} replaces it"));
                }
                else
                {
                    _suppressed.Add(new SuppressedRoute(route, RouteSuppressionReason.ReplacedByVirtualNetworkRange,
                        $"the VNet's address range {covering.Range} replaces it"));
                }
            }
            else if (_gateways?.HasDefaultRoute(prefix.Family) == true)
            {
                _suppressed.Add(new SuppressedRoute(route, RouteSuppressionReason.RemovedByGatewayDefaultRoute,
                    "a gateway installs 0.0.0.0/0, which removes the platform None routes"));
            }
            else if (removedByUserDefault && prefix.IsV4)
            {
                _suppressed.Add(new SuppressedRoute(route, RouteSuppressionReason.RemovedByUserDefaultRoute,
                    $"User route {userDefault?.Name} sends 0.0.0.0/0 to {userDefault?.NextHopType}, which removes the platform None routes"));
            }
            else if (_candidates.FirstOrDefault(c => c.Source == EffectiveRouteSource.User && c.Prefixes.Contains(prefix)) is { } user)
            {
                _suppressed.Add(new SuppressedRoute(route, RouteSuppressionReason.ReplacedByUserRoute,
                    $"User route {user.Name} has the same prefix"));
            }
            else if (GatewayInstalls(prefix))
            {
                _notes.Add(_context.Note(DiagnosticCatalog.NoneRouteReplacedByGatewayRoute(_facts.Id, prefix)));
                _suppressed.Add(new SuppressedRoute(route, RouteSuppressionReason.ReplacedByGatewayRoute,
                    "a gateway route has the same prefix"));
            }
            else
            {
                Add(candidate);
            }
        }
    }

    /// <summary>
    /// §3.2 and §6 step 6: for every prefix held by several routes, the highest precedence wins (service endpoint,
    /// then User — explicit prefix before service tags — then gateway, then system) and the others are Invalid.
    /// </summary>
    private (ImmutableArray<EffectiveRoute> Routes, int InsertAt, PrefixTrie<int> Lookup, IReadOnlyDictionary<int, EffectiveRoute> Overridden) Select()
    {
        var holders = new Dictionary<IpPrefix, List<Candidate>>();
        foreach (var candidate in _candidates)
        {
            foreach (var prefix in candidate.Prefixes)
            {
                if (!holders.TryGetValue(prefix, out var list))
                {
                    list = [];
                    holders.Add(prefix, list);
                }

                list.Add(candidate);
            }
        }

        foreach (var (prefix, list) in holders)
        {
            var winner = list.OrderBy(c => c.Rank).ThenBy(c => c.Order).First();
            winner.WinsAt.Add(prefix);
            foreach (var loser in list.Where(c => !ReferenceEquals(c, winner)))
            {
                winner.Beaten.Add(loser);
                loser.LostTo ??= winner;
            }
        }

        // Gateway routes with the prefix of a winning User or service endpoint route become Invalid for this subnet.
        var overriddenPrefixes = new Dictionary<IpPrefix, Candidate>();
        foreach (var candidate in _candidates.Where(c => c.Source == EffectiveRouteSource.User || c.NextHopType == NextHopType.VirtualNetworkServiceEndpoint))
        {
            foreach (var prefix in candidate.WinsAt.Where(GatewayInstalls))
            {
                overriddenPrefixes.TryAdd(prefix, candidate);
                candidate.BeatsGateway = true;
            }
        }

        var ordered = _candidates.OrderBy(c => c.Group)
            .ThenBy(c => c.Prefixes.IsEmpty ? default : c.Prefixes[0])
            .ThenBy(c => c.SortName ?? c.Name ?? string.Empty, StringComparer.OrdinalIgnoreCase)
            .ThenBy(c => c.Order)
            .ToList();
        var routes = ImmutableArray.CreateBuilder<EffectiveRoute>(ordered.Count);
        var lookup = new List<KeyValuePair<IpPrefix, int>>();

        // Gateway routes are listed after the VnetLocal, peering and service endpoint groups.
        var insertAt = ordered.Count(c => c.Group <= GroupServiceEndpoint);
        foreach (var candidate in ordered)
        {
            var route = candidate.ToRoute(_propagationDisabled);
            foreach (var prefix in candidate.WinsAt)
            {
                lookup.Add(new(prefix, routes.Count));
            }

            routes.Add(route);
        }

        var overridden = new Dictionary<int, EffectiveRoute>();
        if (_gateways is not null)
        {
            foreach (var (prefix, winner) in overriddenPrefixes)
            {
                if (!_gateways.Lookup.TryGetExact(prefix, out var index))
                {
                    continue;
                }

                var (reason, by) = winner.Source == EffectiveRouteSource.User
                    ? (EffectiveRouteReason.OverriddenByUserRoute, $"User route {winner.Name}")
                    : (EffectiveRouteReason.OverriddenByServiceEndpoint, "a service endpoint route");
                for (var i = index; i < _gateways.Routes.Length && _gateways.Routes[i].AddressPrefixes[0] == prefix; i++)
                {
                    overridden[i] = _gateways.Routes[i] with
                    {
                        State = EffectiveRouteState.Invalid,
                        Reason = reason,
                        Explanation = $"overridden by {by} with the same prefix ({_gateways.Routes[i].Explanation})",
                    };
                }
            }
        }

        return (routes.ToImmutable(), insertAt, PrefixTrie<int>.Create(lookup), overridden);
    }

    private void Add(Candidate candidate)
    {
        candidate.Order = _candidates.Count;
        _candidates.Add(candidate);
    }

    private EffectiveRoute UserRoute(Route route, ImmutableArray<IpPrefix> prefixes, ImmutableArray<string> tags) =>
        new Candidate(EffectiveRouteSource.User, ToNextHopType(route.NextHopType), prefixes, GroupUser, 10)
        {
            Name = route.Name,
            RouteTableId = _routeTable?.Id,
            Origin = route.Id,
            Tags = tags,
            NextHops = route.NextHopIpAddress is { } address ? [address] : [],
            Explanation = $"route {route.Name} of route table {_routeTable?.Name}",
        }.ToRoute(_propagationDisabled);

    private static bool IsServiceTag(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length > 0 && !trimmed.Contains('/', StringComparison.Ordinal) && !IpAddress.TryParse(trimmed, out _)
            && trimmed.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_');
    }

    /// <summary>
    /// §3.5: among User routes with the same prefix an explicit prefix wins, then regional tags, then top-level
    /// tags, then AzureCloud regional tags, then AzureCloud.
    /// </summary>
    private static int TagRank(string tag)
    {
        var isAzureCloud = tag.StartsWith("AzureCloud", StringComparison.OrdinalIgnoreCase);
        var isRegional = tag.Contains('.', StringComparison.Ordinal);
        return (isAzureCloud, isRegional) switch
        {
            (false, true) => 1,
            (false, false) => 2,
            (true, true) => 3,
            (true, false) => 4,
        };
    }

    private static NextHopType ToNextHopType(RouteNextHopType type) => type switch
    {
        RouteNextHopType.VirtualNetworkGateway => NextHopType.VirtualNetworkGateway,
        RouteNextHopType.VnetLocal => NextHopType.VnetLocal,
        RouteNextHopType.Internet => NextHopType.Internet,
        RouteNextHopType.VirtualAppliance => NextHopType.VirtualAppliance,
        _ => NextHopType.None,
    };

    /// <summary>A route while selection is under way: its precedence, the prefixes it wins and whom it beat or lost to.</summary>
    private sealed class Candidate(EffectiveRouteSource source, NextHopType nextHopType, ImmutableArray<IpPrefix> prefixes, int group, int rank)
    {
        public EffectiveRouteSource Source { get; } = source;

        public NextHopType NextHopType { get; } = nextHopType;

        public ImmutableArray<IpPrefix> Prefixes { get; } = prefixes;

        /// <summary>Output group: VnetLocal, peering, service endpoints, (gateway routes), Internet, None, User.</summary>
        public int Group { get; } = group;

        /// <summary>Equal-prefix precedence, lower wins.</summary>
        public int Rank { get; } = rank;

        public int Order { get; set; }

        public string? Name { get; init; }

        public string? SortName { get; init; }

        public ResourceId? RouteTableId { get; init; }

        public ResourceId? Origin { get; init; }

        public ImmutableArray<IpAddress> NextHops { get; init; } = [];

        public ImmutableArray<string> Tags { get; init; } = [];

        public bool Unreachable { get; init; }

        public required string Explanation { get; init; }

        public List<IpPrefix> WinsAt { get; } = [];

        public List<Candidate> Beaten { get; } = [];

        public Candidate? LostTo { get; set; }

        public bool BeatsGateway { get; set; }

        /// <summary>
        /// Active when it wins at least one of its prefixes (a route with no known prefix, such as a service
        /// endpoint without a tags file, stays Active and matches nothing).
        /// </summary>
        public EffectiveRoute ToRoute(bool disableBgpRoutePropagation)
        {
            var active = Prefixes.IsEmpty || WinsAt.Count > 0;
            var (reason, explanation) = active ? ActiveReason() : InvalidReason();
            return new EffectiveRoute
            {
                Name = Name,
                DisableBgpRoutePropagation = disableBgpRoutePropagation,
                Source = Source,
                State = active ? EffectiveRouteState.Active : EffectiveRouteState.Invalid,
                AddressPrefixes = Prefixes,
                NextHopIpAddresses = NextHops,
                NextHopType = NextHopType,
                RouteTableId = Source == EffectiveRouteSource.User ? RouteTableId : null,
                Origin = Origin,
                DestinationServiceTags = Tags,
                Reason = reason,
                Explanation = explanation,
                NextHopUnreachable = Unreachable,
            };
        }

        private (EffectiveRouteReason, string) ActiveReason()
        {
            if (Beaten.Count == 0 && !BeatsGateway)
            {
                return (EffectiveRouteReason.OnlyRouteForPrefix, Explanation);
            }

            var over = Beaten.Select(b => b.Source.ToString()).Concat(BeatsGateway ? [nameof(EffectiveRouteSource.VirtualNetworkGateway)] : [])
                .Distinct().Order(StringComparer.Ordinal);
            var text = $"{Explanation}; takes precedence over the {string.Join(" and ", over)} route(s) with the same prefix";
            return NextHopType == NextHopType.VirtualNetworkServiceEndpoint
                ? (EffectiveRouteReason.ServiceEndpointNotOverridable, text)
                : (EffectiveRouteReason.PrecedenceOverEqualPrefix, text);
        }

        private (EffectiveRouteReason, string) InvalidReason()
        {
            var winner = LostTo ?? this;
            var reason = winner switch
            {
                { NextHopType: NextHopType.VirtualNetworkServiceEndpoint } => EffectiveRouteReason.OverriddenByServiceEndpoint,
                { Source: EffectiveRouteSource.User } when Source == EffectiveRouteSource.User => EffectiveRouteReason.OverriddenByPreferredUserRoute,
                { Source: EffectiveRouteSource.User } => EffectiveRouteReason.OverriddenByUserRoute,
                _ => EffectiveRouteReason.OverriddenBySystemRoute,
            };
            var by = winner.Source == EffectiveRouteSource.User
                ? $"User route {winner.Name}"
                : winner.NextHopType == NextHopType.VirtualNetworkServiceEndpoint ? "a service endpoint route" : $"the {winner.NextHopType} system route";
            return (reason, $"overridden by {by} with the same prefix ({Explanation})");
        }
    }
}
