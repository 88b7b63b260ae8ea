using System.Collections.Immutable;
using VNetLab.Addressing;
using VNetLab.Analysis.Reachability;
using VNetLab.Analysis.Tracing;
using VNetLab.Model;

namespace VNetLab.Analysis.Policies;

/// <summary>Turns selectors into the endpoints and address sets of one estate.</summary>
public sealed class SelectorResolver
{
    private readonly Estate _estate;
    private readonly AddressSet _internet;

    // Every workload subnet's endpoints and every destination group, sorted by id: a matrix asked for one row at a
    // time (reach --from, diff, the benchmarks) would otherwise build and sort 50,000 of each per call at scale.
    private readonly Lazy<ImmutableArray<SourceEndpoint>> _allSources;
    private readonly Lazy<ImmutableArray<DestinationGroup>> _allDestinations;

    public SelectorResolver(Estate estate)
    {
        _estate = estate;
        _internet = InternetAddresses.For(estate);
        _allSources = new(() => [.. WorkloadSubnets().SelectMany(p => SubnetEndpoints(p.Vnet, p.Subnet))]);
        _allDestinations = new(() =>
        [
            .. WorkloadSubnets().Select(p => new DestinationGroup(Label(p.Vnet, p.Subnet), SubnetAddresses(p.Subnet))),
            .. SiteDestinations(),
            new DestinationGroup("internet", _internet),
        ]);
    }

    /// <summary>The Internet as a destination (<see cref="InternetAddresses"/>).</summary>
    public AddressSet Internet => _internet;

    /// <summary>
    /// The endpoints packets from <paramref name="selector"/> start at. VNets and subnets stand for the NICs in them
    /// (a subnet without NICs stands for itself, with its whole range); GatewaySubnet and AzureFirewallSubnet are
    /// left out of VNet and wildcard selections, since no workload sends from them.
    /// </summary>
    public ImmutableArray<SourceEndpoint> Sources(EndpointSelector selector) =>
        [.. SourcesOf(selector).Where(e => !selector.Excludes(e.Group) && !selector.Excludes(e.Endpoint.Name))];

    /// <summary>The destinations <paramref name="selector"/> names, one group per resource (subnets as <c>VNET/SUBNET</c>).</summary>
    public ImmutableArray<DestinationGroup> Destinations(EndpointSelector selector) =>
        [.. DestinationsOf(selector).Where(d => !selector.Excludes(d.Label))];

    private ImmutableArray<SourceEndpoint> SourcesOf(EndpointSelector selector) => selector.Kind switch
    {
        SelectorKind.VirtualNetwork => [.. WorkloadSubnets().Where(p => NamePattern.Matches(selector.Pattern, p.Vnet.Name) || Matches(selector.Pattern, p.Vnet.Id))
            .SelectMany(p => SubnetEndpoints(p.Vnet, p.Subnet))],
        SelectorKind.Subnet => [.. SubnetsMatching(selector.Pattern).SelectMany(p => SubnetEndpoints(p.Vnet, p.Subnet))],
        SelectorKind.NetworkInterface => [.. _estate.NetworkInterfaces.Where(n => NamePattern.Matches(selector.Pattern, n.Name) || Matches(selector.Pattern, n.Id))
            .OrderBy(n => n.Id).SelectMany(NicEndpoint)],
        SelectorKind.VirtualMachine => [.. _estate.VirtualMachines.Where(v => NamePattern.Matches(selector.Pattern, v.Name) || Matches(selector.Pattern, v.Id))
            .OrderBy(v => v.Id).SelectMany(v => v.NetworkInterfaceIds.Take(1)).Select(_estate.Find<NetworkInterface>).OfType<NetworkInterface>().SelectMany(NicEndpoint)],
        SelectorKind.ExternalSite => [.. SitesMatching(selector.Pattern).Select(s => new SourceEndpoint("site " + s.Name, TraceEndpoint.Of(s), SiteAddresses(s)))],
        SelectorKind.Prefix when selector.Prefix is { } prefix => [.. PrefixEndpoints(prefix)],
        SelectorKind.ApplicationSecurityGroup => [.. _estate.NetworkInterfaces
            .Where(n => n.IpConfigurations.Any(c => c.ApplicationSecurityGroupIds.Any(a => NamePattern.Matches(selector.Pattern, a.Name))))
            .OrderBy(n => n.Id).SelectMany(NicEndpoint)],
        _ => [new SourceEndpoint("internet", TraceEndpoint.Internet, _internet)],
    };

    private ImmutableArray<DestinationGroup> DestinationsOf(EndpointSelector selector) => selector.Kind switch
    {
        // A VNet as a destination is where its workloads can be: its subnets' ranges, not unallocated address space
        // (Azure has nowhere to deliver that), nor GatewaySubnet and AzureFirewallSubnet.
        SelectorKind.VirtualNetwork => [.. _estate.VirtualNetworks.Where(v => NamePattern.Matches(selector.Pattern, v.Name) || Matches(selector.Pattern, v.Id))
            .OrderBy(v => v.Id).Select(v => new DestinationGroup(v.Name, v.Subnets.Where(s => !s.IsGatewaySubnet && !s.IsAzureFirewallSubnet)
                .Aggregate(AddressSet.Empty, (set, subnet) => set.Union(SubnetAddresses(subnet)))))],
        SelectorKind.Subnet => [.. SubnetsMatching(selector.Pattern).Select(p => new DestinationGroup(Label(p.Vnet, p.Subnet), SubnetAddresses(p.Subnet)))],
        SelectorKind.NetworkInterface => [.. _estate.NetworkInterfaces.Where(n => NamePattern.Matches(selector.Pattern, n.Name) || Matches(selector.Pattern, n.Id))
            .OrderBy(n => n.Id).Select(n => new DestinationGroup(n.Name, NicAddresses(n)))],
        SelectorKind.VirtualMachine => [.. _estate.VirtualMachines.Where(v => NamePattern.Matches(selector.Pattern, v.Name) || Matches(selector.Pattern, v.Id))
            .OrderBy(v => v.Id).Select(v => new DestinationGroup(v.Name, v.NetworkInterfaceIds.Select(_estate.Find<NetworkInterface>).OfType<NetworkInterface>()
                .Aggregate(AddressSet.Empty, (set, nic) => set.Union(NicAddresses(nic)))))],
        SelectorKind.ExternalSite => [.. SitesMatching(selector.Pattern).Select(s => new DestinationGroup("site " + s.Name, SiteAddresses(s)))],
        SelectorKind.Prefix when selector.Prefix is { } prefix => [new DestinationGroup(prefix.ToString(), AddressSet.FromPrefix(prefix))],
        SelectorKind.ApplicationSecurityGroup => [.. _estate.ApplicationSecurityGroups.Where(a => NamePattern.Matches(selector.Pattern, a.Name))
            .OrderBy(a => a.Id).Select(a => new DestinationGroup("asg " + a.Name, _estate.NetworkInterfaces
                .SelectMany(n => n.IpConfigurations)
                .Where(c => c.ApplicationSecurityGroupIds.Contains(a.Id) && c.PrivateIpAddress is not null)
                .Aggregate(AddressSet.Empty, (set, c) => set.Union(AddressSet.FromAddress(c.PrivateIpAddress.GetValueOrDefault())))))],
        _ => [new DestinationGroup("internet", _internet)],
    };

    /// <summary>Every workload subnet as <c>VNET/SUBNET</c>, every non-Internet site, and the Internet: the default rows and columns of the reach matrix.</summary>
    public ImmutableArray<DestinationGroup> AllDestinations() => _allDestinations.Value;

    /// <summary>The non-Internet sites as destinations, as <see cref="AllDestinations"/> lists them.</summary>
    internal IEnumerable<DestinationGroup> SiteDestinations() =>
        _estate.ExternalSites.Where(s => s.Role is not (ExternalSiteRole.Internet or ExternalSiteRole.InternetProxy)).OrderBy(s => s.Id)
            .Select(s => new DestinationGroup("site " + s.Name, SiteAddresses(s)));

    /// <summary>Every endpoint of every workload subnet.</summary>
    public ImmutableArray<SourceEndpoint> AllSources() => _allSources.Value;

    public static string Label(VirtualNetwork vnet, Subnet subnet) => vnet.Name + "/" + subnet.Name;

    private IEnumerable<(VirtualNetwork Vnet, Subnet Subnet)> WorkloadSubnets() =>
        _estate.AllSubnets.Where(p => !p.Subnet.IsGatewaySubnet && !p.Subnet.IsAzureFirewallSubnet)
            .OrderBy(p => p.VirtualNetwork.Id).ThenBy(p => p.Subnet.Id)
            .Select(p => (p.VirtualNetwork, p.Subnet));

    private IEnumerable<(VirtualNetwork Vnet, Subnet Subnet)> SubnetsMatching(string pattern)
    {
        var slash = pattern.IndexOf('/', StringComparison.Ordinal);
        var candidates = slash > 0 && !pattern.StartsWith("/subscriptions/", StringComparison.OrdinalIgnoreCase)
            ? _estate.AllSubnets.Where(p => NamePattern.Matches(pattern[..slash], p.VirtualNetwork.Name) && NamePattern.Matches(pattern[(slash + 1)..], p.Subnet.Name))
            : _estate.AllSubnets.Where(p => Matches(pattern, p.Subnet.Id)
                || (NamePattern.Matches(pattern, p.Subnet.Name) && (pattern != "*" || (!p.Subnet.IsGatewaySubnet && !p.Subnet.IsAzureFirewallSubnet))));
        return candidates.OrderBy(p => p.VirtualNetwork.Id).ThenBy(p => p.Subnet.Id).Select(p => (p.VirtualNetwork, p.Subnet));
    }

    private IEnumerable<ExternalSite> SitesMatching(string pattern) =>
        _estate.ExternalSites.Where(s => NamePattern.Matches(pattern, s.Name) || Matches(pattern, s.Id)).OrderBy(s => s.Id);

    private IEnumerable<SourceEndpoint> SubnetEndpoints(VirtualNetwork vnet, Subnet subnet)
    {
        var label = Label(vnet, subnet);
        var nics = _estate.NetworkInterfacesIn(subnet.Id).OrderBy(n => n.Id).ToList();
        if (nics.Count == 0)
        {
            return [new SourceEndpoint(label, TraceEndpoint.Of(subnet), SubnetAddresses(subnet))];
        }

        return nics.Select(n => new SourceEndpoint(label, TraceEndpoint.Of(n), NicAddresses(n)));
    }

    private IEnumerable<SourceEndpoint> NicEndpoint(NetworkInterface nic)
    {
        var subnet = _estate.SubnetOf(nic);
        var vnet = subnet is null ? null : _estate.VirtualNetworkOf(subnet.Id);
        yield return new SourceEndpoint(subnet is not null && vnet is not null ? Label(vnet, subnet) : nic.Name, TraceEndpoint.Of(nic), NicAddresses(nic));
    }

    private IEnumerable<SourceEndpoint> PrefixEndpoints(IpPrefix prefix)
    {
        var range = AddressSet.FromPrefix(prefix);
        foreach (var (vnet, subnet) in WorkloadSubnets())
        {
            var inside = SubnetAddresses(subnet).Intersect(range);
            if (inside.IsEmpty)
            {
                continue;
            }

            var nics = _estate.NetworkInterfacesIn(subnet.Id).Where(n => NicAddresses(n).Overlaps(range)).OrderBy(n => n.Id).ToList();
            if (nics.Count > 0)
            {
                foreach (var nic in nics)
                {
                    yield return new SourceEndpoint(Label(vnet, subnet), TraceEndpoint.Of(nic), NicAddresses(nic).Intersect(range));
                }
            }
            else
            {
                yield return new SourceEndpoint(Label(vnet, subnet), TraceEndpoint.Of(subnet), inside);
            }
        }

        foreach (var site in _estate.ExternalSites.OrderBy(s => s.Id))
        {
            var inside = SiteAddresses(site).Intersect(range);
            if (!inside.IsEmpty)
            {
                yield return new SourceEndpoint("site " + site.Name, TraceEndpoint.Of(site), inside);
            }
        }
    }

    /// <summary>The traced source address of a NIC is its primary IP configuration's: Azure sends from it unless the OS picks another.</summary>
    private static AddressSet NicAddresses(NetworkInterface nic) =>
        nic.PrimaryIpConfiguration?.PrivateIpAddress is { IsV4: true } address ? AddressSet.FromAddress(address) : AddressSet.Empty;

    private static AddressSet SubnetAddresses(Subnet subnet) => AddressSet.FromPrefixes(subnet.AddressPrefixes.Select(p => p.Prefix));

    private AddressSet SiteAddresses(ExternalSite site)
    {
        // A proxy or Internet site's 0.0.0.0/0 stands for the Internet, not for Azure's own ranges.
        var space = AddressSet.FromPrefixes(site.AddressSpace);
        return site.Role is ExternalSiteRole.Internet or ExternalSiteRole.InternetProxy ? space.Intersect(_internet) : space;
    }

    private static bool Matches(string pattern, ResourceId id) => string.Equals(pattern, id.Value, StringComparison.OrdinalIgnoreCase);
}
