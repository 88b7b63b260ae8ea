using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using VNetLab.Addressing;
using VNetLab.Model;

namespace VNetLab.Analysis;

/// <summary>
/// Who holds an address in an estate: NIC IP configurations, Azure Firewall private IPs, subnets, VNets and
/// external sites (longest prefix first). Built once per estate.
/// </summary>
public sealed class EstateAddresses
{
    private readonly FrozenDictionary<IpAddress, NetworkInterface> _nics;
    private readonly FrozenDictionary<IpAddress, AzureFirewall> _firewalls;
    private readonly PrefixTrie<Subnet> _subnets;
    private readonly PrefixTrie<VirtualNetwork> _vnets;
    private readonly PrefixTrie<ExternalSite> _sites;

    // Sorted once on first read: the reach matrix's set-up and its pruning both read it (200,000 addresses at scale).
    // Its IPv4 part is taken from _v4Hosts, sorted once for both.
    private readonly Lazy<ImmutableArray<IpAddress>> _hostAddresses;

    // Sorted once on first read, for the reach matrix's pruning, which walks them by address range: built from the two
    // holder dictionaries directly, where the pruning's set-up looked each of 200,000 sorted addresses up in both.
    private readonly Lazy<V4Hosts> _v4Hosts;

    internal EstateAddresses(Estate estate)
    {
        _nics = Holders(estate.NetworkInterfaces, nic => nic.IpConfigurations.Select(c => c.PrivateIpAddress));
        _firewalls = Holders(estate.AzureFirewalls, firewall => firewall.IpConfigurations.Select(c => c.PrivateIpAddress));
        _subnets = Trie(estate.AllSubnets.SelectMany(p => p.Subnet.AddressPrefixes.Select(a => (a.Prefix, p.Subnet))));
        _vnets = Trie(estate.VirtualNetworks.SelectMany(v => v.AddressSpace.Select(a => (a.Prefix, v))));
        _sites = Trie(estate.ExternalSites.OrderBy(s => s.Id).SelectMany(s => s.AddressSpace.Select(p => (p, s))));
        _hostAddresses = new(SortedHostAddresses);
        _v4Hosts = new(SortedV4Hosts);
    }

    /// <summary>The NIC with an IP configuration holding <paramref name="address"/>.</summary>
    public NetworkInterface? NetworkInterfaceAt(IpAddress address) => _nics.GetValueOrDefault(address);

    /// <summary>The Azure Firewall whose private IP is <paramref name="address"/>.</summary>
    public AzureFirewall? FirewallAt(IpAddress address) => _firewalls.GetValueOrDefault(address);

    public Subnet? SubnetAt(IpAddress address) => _subnets.TryLongestMatch(address, out _, out var subnet) ? subnet : null;

    public VirtualNetwork? VirtualNetworkAt(IpAddress address) => _vnets.TryLongestMatch(address, out _, out var vnet) ? vnet : null;

    /// <summary>The external site whose address space holds <paramref name="address"/> most specifically.</summary>
    public ExternalSite? ExternalSiteAt(IpAddress address) => _sites.TryLongestMatch(address, out _, out var site) ? site : null;

    /// <summary>Every address a NIC or firewall holds.</summary>
    public ImmutableArray<IpAddress> HostAddresses => _hostAddresses.Value;

    /// <summary>
    /// Every IPv4 address a NIC or firewall holds, ascending, each with its holder: the NIC where a NIC and a firewall
    /// both hold it (invalid), listed once for each, as <see cref="HostAddresses"/> lists it.
    /// </summary>
    internal V4Hosts HostsV4 => _v4Hosts.Value;

    private V4Hosts SortedV4Hosts()
    {
        var addresses = new List<uint>(_nics.Count + _firewalls.Count);
        var holders = new List<Resource>(_nics.Count + _firewalls.Count);
        foreach (var (address, nic) in _nics)
        {
            if (address.IsV4)
            {
                addresses.Add(address.V4Value);
                holders.Add(nic);
            }
        }

        foreach (var (address, firewall) in _firewalls)
        {
            if (address.IsV4)
            {
                addresses.Add(address.V4Value);
                holders.Add(_nics.GetValueOrDefault(address) ?? (Resource)firewall);
            }
        }

        // Equal addresses have the same holder, so the sort's order among them does not matter.
        var sortedAddresses = addresses.ToArray();
        var sortedHolders = holders.ToArray();
        Array.Sort(sortedAddresses, sortedHolders);
        return new V4Hosts(sortedAddresses, sortedHolders);
    }

    // IPv4 sorts before IPv6 (IpFamily), and the IPv4 hosts are HostsV4's addresses, already sorted with the same
    // repeats: only the IPv6 ones (few or none) are sorted here, where sorting all 200,000 again was a second sort.
    private ImmutableArray<IpAddress> SortedHostAddresses()
    {
        var v4 = HostsV4.Addresses;
        var addresses = new IpAddress[_nics.Count + _firewalls.Count];
        for (var i = 0; i < v4.Length; i++)
        {
            addresses[i] = IpAddress.FromV4(v4[i]);
        }

        var next = v4.Length;
        foreach (var address in _nics.Keys.Concat(_firewalls.Keys))
        {
            if (!address.IsV4)
            {
                addresses[next++] = address;
            }
        }

        Array.Sort(addresses, v4.Length, next - v4.Length);
        return ImmutableCollectionsMarshal.AsImmutableArray(addresses);
    }

    /// <summary>
    /// Each address with the resource holding it; where several hold one (invalid, reported by validation), the one
    /// with the lowest id, so the answer does not depend on the order of the files. Compared only on such a clash:
    /// sorting 200,000 NICs by id to the same end was most of this index's cost at large.
    /// </summary>
    private static FrozenDictionary<IpAddress, T> Holders<T>(IEnumerable<T> resources, Func<T, IEnumerable<IpAddress?>> addressesOf)
        where T : Resource
    {
        var holders = new Dictionary<IpAddress, T>();
        foreach (var resource in resources)
        {
            foreach (var address in addressesOf(resource))
            {
                if (address is not { } held)
                {
                    continue;
                }

                if (!holders.TryAdd(held, resource) && resource.Id.CompareTo(holders[held].Id) < 0)
                {
                    holders[held] = resource;
                }
            }
        }

        return holders.ToFrozenDictionary();
    }

    private static PrefixTrie<T> Trie<T>(IEnumerable<(IpPrefix Prefix, T Value)> entries)
    {
        // The first holder of a prefix wins, so duplicates (invalid, reported by validation) stay deterministic.
        var unique = new Dictionary<IpPrefix, T>();
        foreach (var (prefix, value) in entries)
        {
            unique.TryAdd(prefix, value);
        }

        return PrefixTrie<T>.Create(unique);
    }
}
