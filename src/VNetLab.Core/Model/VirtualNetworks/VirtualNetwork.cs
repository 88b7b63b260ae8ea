using System.Collections.Immutable;

namespace VNetLab.Model;

/// <summary>Microsoft.Network/virtualNetworks: an address space, its subnets and its peerings.</summary>
public sealed record VirtualNetwork : TrackedResource
{
    /// <summary><c>properties.addressSpace.addressPrefixes</c>.</summary>
    public ImmutableArray<AddressPrefix> AddressSpace { get; init; } = [];

    public ImmutableArray<Subnet> Subnets { get; init; } = [];

    public ImmutableArray<VirtualNetworkPeering> Peerings { get; init; } = [];

    /// <summary><c>properties.dhcpOptions.dnsServers</c> as given (validated, not parsed, here).</summary>
    public ImmutableArray<string> DnsServers { get; init; } = [];
}
