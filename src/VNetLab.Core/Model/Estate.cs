using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace VNetLab.Model;

/// <summary>
/// An immutable snapshot of a whole network: every resource keyed by its case-insensitive id, plus the
/// indexes the engines walk (VNet of a subnet, NICs of a subnet, peerings and gateways of a VNet,
/// connections of a gateway, external sites behind a connection). It tolerates dangling references and
/// records them in <see cref="UnresolvedReferences"/>; reporting them is validation's job.
/// A change builds a new snapshot (<see cref="With"/>); nothing mutates one.
/// </summary>
public sealed partial class Estate
{
    private readonly FrozenDictionary<ResourceId, Resource> _byId;

    // The containers the engines look up by id most (a subnet's VNet, NSG and route table; a peering's remote VNet),
    // each in its own small index beside _byId: at scale _byId holds every security rule, NIC and IP configuration,
    // so a lookup there reads cache lines spread over megabytes, while these stay in the cache (Find).
    private readonly FrozenDictionary<ResourceId, Resource> _virtualNetworksById;
    private readonly FrozenDictionary<ResourceId, Resource> _subnetsById;
    private readonly FrozenDictionary<ResourceId, Resource> _networkSecurityGroupsById;
    private readonly FrozenDictionary<ResourceId, Resource> _routeTablesById;
    private readonly FrozenDictionary<ResourceId, ImmutableArray<VirtualNetworkGateway>> _gatewaysByVnet;
    private readonly FrozenDictionary<ResourceId, ImmutableArray<VirtualNetworkGatewayConnection>> _connectionsByGateway;
    private readonly FrozenDictionary<ResourceId, ImmutableArray<VirtualNetworkPeering>> _peeringsByRemote;

    // (local VNet, remote VNet) → that VNet's peering, so the other side of a peering is one lookup even for hubs with hundreds of peerings.
    private readonly FrozenDictionary<(ResourceId Local, ResourceId Remote), VirtualNetworkPeering> _peeringByEnds;
    private readonly FrozenDictionary<ResourceId, ImmutableArray<ExternalSite>> _sitesByAttachment;
    private readonly FrozenDictionary<ResourceId, ImmutableArray<Resource>> _associationsByTarget;
    private readonly FrozenDictionary<string, SubscriptionFeatures> _featuresBySubscription;

    private Estate(ImmutableArray<Resource> roots)
    {
        Roots = roots;
        // Sized up front: a large estate has millions of resources (every security rule), and growing to that
        // size copies the table a dozen times.
        var count = 0;
        foreach (var root in Roots)
        {
            count += 1 + ChildCount(root);
        }

        var all = new Dictionary<ResourceId, Resource>(count);
        var distinct = new List<Resource>(count);

        // The small indexes are filled in the same walk, from the entries _byId keeps (the first of a duplicated id),
        // while each resource is in the cache: a walk of their own would read a large estate's millions again.
        var (vnets, subnets, nsgs, tables) = (new Dictionary<ResourceId, Resource>(), new Dictionary<ResourceId, Resource>(),
            new Dictionary<ResourceId, Resource>(), new Dictionary<ResourceId, Resource>());
        var ipConfigurationsIndexed = true;
        foreach (var root in Roots)
        {
            foreach (var resource in SelfAndChildren(root))
            {
                if (!all.TryAdd(resource.Id, resource))
                {
                    // A configuration shadowed by an earlier resource with its id (or listed twice) is missing from the
                    // association index, which a walk over the NICs would still meet.
                    ipConfigurationsIndexed &= resource is not NetworkInterfaceIpConfiguration;
                }
                else
                {
                    distinct.Add(resource);
                    var ofType = resource switch
                    {
                        VirtualNetwork => vnets,
                        Subnet => subnets,
                        NetworkSecurityGroup => nsgs,
                        RouteTable => tables,
                        _ => null,
                    };
                    ofType?.Add(resource.Id, resource);
                }
            }
        }

        _byId = all.ToFrozenDictionary();
        _virtualNetworksById = vnets.ToFrozenDictionary();
        _subnetsById = subnets.ToFrozenDictionary();
        _networkSecurityGroupsById = nsgs.ToFrozenDictionary();
        _routeTablesById = tables.ToFrozenDictionary();
        IpConfigurationsAreIndexedAsThemselves = ipConfigurationsIndexed;
        SubnetsAreIndexedAsThemselves = Roots.OfType<VirtualNetwork>().All(v => v.Subnets.All(s => ReferenceEquals(all.GetValueOrDefault(s.Id), s)));

        VirtualNetworks = OfType<VirtualNetwork>();
        NetworkSecurityGroups = OfType<NetworkSecurityGroup>();
        ApplicationSecurityGroups = OfType<ApplicationSecurityGroup>();
        RouteTables = OfType<RouteTable>();
        NetworkInterfaces = OfType<NetworkInterface>();
        PublicIpAddresses = OfType<PublicIpAddress>();
        VirtualNetworkGateways = OfType<VirtualNetworkGateway>();
        LocalNetworkGateways = OfType<LocalNetworkGateway>();
        Connections = OfType<VirtualNetworkGatewayConnection>();
        ExpressRouteCircuits = OfType<ExpressRouteCircuit>();
        RouteFilters = OfType<RouteFilter>();
        AzureFirewalls = OfType<AzureFirewall>();
        VirtualMachines = OfType<VirtualMachine>();
        ExternalSites = OfType<ExternalSite>();
        SubscriptionFeatures = OfType<SubscriptionFeatures>();
        IpConfigurationsAreUnderTheirNetworkInterfaces = NetworkInterfaces.All(
            n => n.IpConfigurations.All(c => c.Id.Parent is { } parent && parent.Equals(n.Id)));

        (_placementsByVnet, _placementsOfParentlessSubnets) = IndexPlacements(NetworkInterfaces);
        _ipConfigurationCountByVnet = CountIpConfigurations();
        _gatewaysByVnet = GroupBy(
            VirtualNetworkGateways.SelectMany(g => g.VirtualNetworkId is { } vnet ? [(vnet, g)] : Array.Empty<(ResourceId, VirtualNetworkGateway)>()),
            p => p.Item1, p => p.Item2);
        _connectionsByGateway = GroupBy(
            Connections.SelectMany(c => new[] { c.VirtualNetworkGateway1Id, c.VirtualNetworkGateway2Id }
                .OfType<ResourceId>().Select(id => (Gateway: id, Connection: c))),
            p => p.Gateway, p => p.Connection);
        _peeringsByRemote = GroupBy(VirtualNetworks.SelectMany(v => v.Peerings), p => p.RemoteVirtualNetworkId);
        _peeringByEnds = VirtualNetworks.SelectMany(v => v.Peerings)
            .GroupBy(p => (p.VirtualNetworkId, p.RemoteVirtualNetworkId))
            .ToFrozenDictionary(g => g.Key, g => g.First());
        _sitesByAttachment = GroupBy(ExternalSites.SelectMany(s => s.AttachedTo.Select(a => (Attachment: a, Site: s))),
            p => p.Attachment, p => p.Site);
        _featuresBySubscription = SubscriptionFeatures
            .GroupBy(f => f.SubscriptionId, StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);

        // One walk over every resource's references serves both the association index and the dangling references
        // (a large estate has three million resources, and each walk enumerates them all). Associations keep the
        // order of first appearance, as a GroupBy over the resources in input order gave them.
        var associations = new Dictionary<ResourceId, List<Resource>>();
        var unresolved = new List<ResourceReference>();
        foreach (var resource in distinct)
        {
            foreach (var reference in ResourceReferences.Of(resource))
            {
                if (IsAssociation(reference))
                {
                    if (!associations.TryGetValue(reference.Target, out var from))
                    {
                        associations[reference.Target] = from = [];
                    }

                    from.Add(reference.From);
                }

                if (!_byId.ContainsKey(reference.Target))
                {
                    unresolved.Add(reference);
                }
            }
        }

        _associationsByTarget = associations.ToFrozenDictionary(a => a.Key, a => a.Value.ToImmutableArray());

        // Sorted by the referencing resource (ids are unique here, so the order is total); a resource's own
        // references keep their order, as the stable sort leaves them. Only the dangling few are sorted, not the
        // millions of resources of a large estate.
        UnresolvedReferences = [.. unresolved
            .OrderBy(r => r.From.Id)
            .Select(r => new UnresolvedReference(r.From.Id, r.Property, r.Target, r.From.Source))];
    }

    /// <summary>
    /// True when every IP configuration's id is a child of the id of the NIC that lists it, as ARM makes them (an imported
    /// estate's always are): a NIC's configurations then belong to it without each one's id being read again, which on
    /// an estate larger than the cache read one more object from memory per configuration and pass.
    /// </summary>
    internal bool IpConfigurationsAreUnderTheirNetworkInterfaces { get; }

    /// <summary>
    /// True when the index finds every NIC's IP configurations as themselves (no configuration shadowed by an earlier
    /// resource with its id, none listed twice): a walk over every NIC's configurations then meets exactly the
    /// configurations the association index lists (<see cref="AssociationsOf"/>), in the same order.
    /// </summary>
    internal bool IpConfigurationsAreIndexedAsThemselves { get; }

    /// <summary>
    /// True when the index finds every subnet of every VNet as that very subnet (no id listed twice, no subnet shadowed by
    /// another resource with its id): a VNet's subnets can then stand for the index without each being looked up.
    /// </summary>
    internal bool SubnetsAreIndexedAsThemselves { get; }

    /// <summary>An estate with nothing in it.</summary>
    public static Estate Empty { get; } = new([]);

    /// <summary>
    /// Builds a snapshot from top-level resources (children inline). When two resources share an id the
    /// first is kept: the importer reports duplicates before it gets here.
    /// </summary>
    public static Estate Create(IEnumerable<Resource> resources)
    {
        var seen = new HashSet<ResourceId>();
        var roots = ImmutableArray.CreateBuilder<Resource>();
        foreach (var resource in resources)
        {
            if (seen.Add(resource.Id))
            {
                roots.Add(resource);
            }
        }

        return new Estate(roots.ToImmutable());
    }

    /// <summary>The top-level resources, in input order.</summary>
    public ImmutableArray<Resource> Roots
    {
        get
        {
            EstateReadLog.Note(typeof(Resource));
            return field;
        }
    }

    public ImmutableArray<VirtualNetwork> VirtualNetworks
    {
        get
        {
            EstateReadLog.Note(typeof(VirtualNetwork));
            return field;
        }
    }

    public ImmutableArray<NetworkSecurityGroup> NetworkSecurityGroups
    {
        get
        {
            EstateReadLog.Note(typeof(NetworkSecurityGroup));
            return field;
        }
    }

    public ImmutableArray<ApplicationSecurityGroup> ApplicationSecurityGroups
    {
        get
        {
            EstateReadLog.Note(typeof(ApplicationSecurityGroup));
            return field;
        }
    }

    public ImmutableArray<RouteTable> RouteTables
    {
        get
        {
            EstateReadLog.Note(typeof(RouteTable));
            return field;
        }
    }

    public ImmutableArray<NetworkInterface> NetworkInterfaces
    {
        get
        {
            EstateReadLog.Note(typeof(NetworkInterface));
            return field;
        }
    }

    public ImmutableArray<PublicIpAddress> PublicIpAddresses
    {
        get
        {
            EstateReadLog.Note(typeof(PublicIpAddress));
            return field;
        }
    }

    public ImmutableArray<VirtualNetworkGateway> VirtualNetworkGateways
    {
        get
        {
            EstateReadLog.Note(typeof(VirtualNetworkGateway));
            return field;
        }
    }

    public ImmutableArray<LocalNetworkGateway> LocalNetworkGateways
    {
        get
        {
            EstateReadLog.Note(typeof(LocalNetworkGateway));
            return field;
        }
    }

    public ImmutableArray<VirtualNetworkGatewayConnection> Connections
    {
        get
        {
            EstateReadLog.Note(typeof(VirtualNetworkGatewayConnection));
            return field;
        }
    }

    public ImmutableArray<ExpressRouteCircuit> ExpressRouteCircuits
    {
        get
        {
            EstateReadLog.Note(typeof(ExpressRouteCircuit));
            return field;
        }
    }

    public ImmutableArray<RouteFilter> RouteFilters
    {
        get
        {
            EstateReadLog.Note(typeof(RouteFilter));
            return field;
        }
    }

    public ImmutableArray<AzureFirewall> AzureFirewalls
    {
        get
        {
            EstateReadLog.Note(typeof(AzureFirewall));
            return field;
        }
    }

    public ImmutableArray<VirtualMachine> VirtualMachines
    {
        get
        {
            EstateReadLog.Note(typeof(VirtualMachine));
            return field;
        }
    }

    public ImmutableArray<ExternalSite> ExternalSites
    {
        get
        {
            EstateReadLog.Note(typeof(ExternalSite));
            return field;
        }
    }

    public ImmutableArray<SubscriptionFeatures> SubscriptionFeatures
    {
        get
        {
            EstateReadLog.Note(typeof(SubscriptionFeatures));
            return field;
        }
    }

    /// <summary>References to ids the estate does not hold, sorted by the referencing resource.</summary>
    public ImmutableArray<UnresolvedReference> UnresolvedReferences
    {
        get
        {
            EstateReadLog.Note(typeof(Resource));
            return field;
        }
    }

    /// <summary>
    /// Every resource, children included, in input order (parents before their children). Never in hash order:
    /// answers built from it must not depend on how a dictionary happens to lay out its keys.
    /// </summary>
    public IEnumerable<Resource> AllResources => Roots.SelectMany(SelfAndChildren).Where(r => ReferenceEquals(_byId.GetValueOrDefault(r.Id), r));

    public int Count
    {
        get
        {
            EstateReadLog.Note(typeof(Resource));
            return _byId.Count;
        }
    }

    // Not logged: whether an id exists changes only when a top-level resource is added or removed (or a child
    // with its parent), and a revalidation re-runs every rule then.
    public bool Contains(ResourceId id) => _byId.ContainsKey(id);

    /// <summary>The resource with this id if it exists and is a <typeparamref name="T"/>.</summary>
    public T? Find<T>(ResourceId? id) where T : Resource
    {
        var found = id is not null && IndexFor<T>().TryGetValue(id, out var resource) ? resource as T : null;
        EstateReadLog.Note(found?.GetType() ?? typeof(T));
        return found;
    }

    // The index that answers Find<T>: the type's own when it has one (the same entries as _byId's of that type, and the
    // four types are sealed, so the same answers), else _byId.
    private FrozenDictionary<ResourceId, Resource> IndexFor<T>() where T : Resource =>
        typeof(T) == typeof(VirtualNetwork) ? _virtualNetworksById
        : typeof(T) == typeof(Subnet) ? _subnetsById
        : typeof(T) == typeof(NetworkSecurityGroup) ? _networkSecurityGroupsById
        : typeof(T) == typeof(RouteTable) ? _routeTablesById
        : _byId;

    public bool TryGet<T>(ResourceId? id, [MaybeNullWhen(false)] out T resource) where T : Resource
    {
        resource = Find<T>(id);
        return resource is not null;
    }

    /// <summary>A new snapshot with <paramref name="changed"/> resources replacing those with the same id (or added).</summary>
    public Estate With(params IEnumerable<Resource> changed)
    {
        var replacements = changed.ToDictionary(r => r.Id);
        var roots = Roots.Select(r => replacements.Remove(r.Id, out var replacement) ? replacement : r).Concat(replacements.Values);
        return Create(roots);
    }

    /// <summary>A new snapshot without the top-level resources whose ids are given.</summary>
    public Estate Without(params IEnumerable<ResourceId> removed)
    {
        var gone = removed.ToHashSet();
        return Create(Roots.Where(r => !gone.Contains(r.Id)));
    }

    private ImmutableArray<T> OfType<T>() where T : Resource => [.. Roots.OfType<T>()];

    private static FrozenDictionary<ResourceId, ImmutableArray<T>> GroupBy<T>(IEnumerable<T> items, Func<T, ResourceId> key) =>
        GroupBy(items, key, x => x);

    private static FrozenDictionary<ResourceId, ImmutableArray<TValue>> GroupBy<T, TValue>(IEnumerable<T> items, Func<T, ResourceId> key, Func<T, TValue> value) =>
        items.GroupBy(key).ToFrozenDictionary(g => g.Key, g => g.Select(value).ToImmutableArray());

    private static bool IsAssociation(ResourceReference reference) =>
        reference.Property.Contains("networkSecurityGroup", StringComparison.Ordinal)
        || reference.Property.Contains("routeTable", StringComparison.Ordinal)
        || reference.Property.Contains("ApplicationSecurityGroups", StringComparison.OrdinalIgnoreCase);

    private static int ChildCount(Resource resource) => resource switch
    {
        VirtualNetwork v => v.Subnets.Length + v.Peerings.Length,
        NetworkSecurityGroup n => n.SecurityRules.Length + n.DefaultSecurityRules.Length,
        RouteTable t => t.Routes.Length,
        NetworkInterface n => n.IpConfigurations.Length,
        VirtualNetworkGateway g => g.IpConfigurations.Length,
        ExpressRouteCircuit c => c.Peerings.Length + c.Authorizations.Length,
        RouteFilter f => f.Rules.Length,
        AzureFirewall f => f.IpConfigurations.Length + f.NetworkRuleCollections.Length,
        _ => 0,
    };

    private static IEnumerable<Resource> SelfAndChildren(Resource resource)
    {
        yield return resource;
        IEnumerable<Resource> children = resource switch
        {
            VirtualNetwork v => v.Subnets.Cast<Resource>().Concat(v.Peerings),
            NetworkSecurityGroup n => n.SecurityRules.Cast<Resource>().Concat(n.DefaultSecurityRules),
            RouteTable t => t.Routes,
            NetworkInterface n => n.IpConfigurations,
            VirtualNetworkGateway g => g.IpConfigurations,
            ExpressRouteCircuit c => c.Peerings.Cast<Resource>().Concat(c.Authorizations),
            RouteFilter f => f.Rules,
            AzureFirewall f => f.IpConfigurations.Cast<Resource>().Concat(f.NetworkRuleCollections),
            _ => [],
        };
        foreach (var child in children)
        {
            yield return child;
        }
    }
}
