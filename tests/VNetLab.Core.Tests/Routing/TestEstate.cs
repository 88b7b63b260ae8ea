using VNetLab.Addressing;
using VNetLab.Model;
using VNetLab.Routing;

namespace VNetLab.Core.Tests.Routing;

/// <summary>
/// Builds small estates for routing tests by name: every resource lives in one subscription and resource
/// group, and peerings and subnets are attached to their VNets when the estate is built.
/// </summary>
internal sealed class TestEstate
{
    public const string Subscription = "00000000-0000-0000-0000-000000000000";

    private readonly List<(string Name, string? Location, string[] Space)> _vnets = [];
    private readonly List<Subnet> _subnets = [];
    private readonly List<VirtualNetworkPeering> _peerings = [];
    private readonly List<Resource> _others = [];

    public static ResourceId Id(string type, params string[] names) =>
        ResourceId.Create(Subscription, "rg", type.StartsWith("Microsoft.Compute", StringComparison.Ordinal) ? "Microsoft.Compute" : type.Split('/')[0],
            type.Split('/')[1..], names);

    public static ResourceId VnetId(string vnet) => Id("Microsoft.Network/virtualNetworks", vnet);

    public static ResourceId SubnetId(string vnet, string subnet) => Id("Microsoft.Network/virtualNetworks/subnets", vnet, subnet);

    public static ResourceId RouteTableId(string name) => Id("Microsoft.Network/routeTables", name);

    public static ResourceId GatewayId(string name) => Id("Microsoft.Network/virtualNetworkGateways", name);

    public static ResourceId ConnectionId(string name) => Id("Microsoft.Network/connections", name);

    public static ResourceId LocalNetworkGatewayId(string name) => Id("Microsoft.Network/localNetworkGateways", name);

    public static ResourceId CircuitId(string name) => Id("Microsoft.Network/expressRouteCircuits", name);

    public static ResourceId PrivatePeeringId(string circuit) => Id("Microsoft.Network/expressRouteCircuits/peerings", circuit, "AzurePrivatePeering");

    public static ResourceId SiteId(string name) => Id("VNetLab/externalSites", name);

    public static ResourceId NicId(string name) => Id("Microsoft.Network/networkInterfaces", name);

    public TestEstate Vnet(string name, string addressSpace, string? location = "westeurope")
    {
        _vnets.Add((name, location, addressSpace.Split(',', StringSplitOptions.TrimEntries)));
        return this;
    }

    public TestEstate Subnet(string vnet, string name, string prefix, string? routeTable = null, params ServiceEndpoint[] serviceEndpoints)
    {
        _subnets.Add(new Subnet
        {
            Id = SubnetId(vnet, name),
            AddressPrefixes = [AddressPrefix.Of(IpPrefix.Parse(prefix))],
            RouteTableId = routeTable is null ? null : RouteTableId(routeTable),
            ServiceEndpoints = [.. serviceEndpoints],
        });
        return this;
    }

    /// <summary>Peers two VNets both ways. <paramref name="hubAllowsTransit"/> is set on a's side, <paramref name="spokeUsesRemoteGateways"/> on b's.</summary>
    public TestEstate Peer(string a, string b, bool hubAllowsTransit = false, bool spokeUsesRemoteGateways = false,
        PeeringState? state = PeeringState.Connected)
    {
        PeerOneWay(a, b, allowGatewayTransit: hubAllowsTransit, state: state);
        PeerOneWay(b, a, useRemoteGateways: spokeUsesRemoteGateways, state: state);
        return this;
    }

    public TestEstate PeerOneWay(string from, string to, bool allowGatewayTransit = false, bool useRemoteGateways = false,
        PeeringState? state = PeeringState.Connected, bool allowVirtualNetworkAccess = true)
    {
        _peerings.Add(new VirtualNetworkPeering
        {
            Id = Id("Microsoft.Network/virtualNetworks/virtualNetworkPeerings", from, $"{from}-to-{to}"),
            RemoteVirtualNetworkId = VnetId(to),
            AllowGatewayTransit = allowGatewayTransit,
            UseRemoteGateways = useRemoteGateways,
            PeeringState = state,
            AllowVirtualNetworkAccess = allowVirtualNetworkAccess,
        });
        return this;
    }

    public TestEstate RouteTable(string name, bool disableBgpRoutePropagation = false, params Route[] routes)
    {
        _others.Add(new RouteTable
        {
            Id = RouteTableId(name),
            Location = "westeurope",
            DisableBgpRoutePropagation = disableBgpRoutePropagation,
            Routes = [.. routes.Select(r => r with { Id = Id("Microsoft.Network/routeTables/routes", name, r.Id.Name) })],
        });
        return this;
    }

    /// <summary>A route for <see cref="RouteTable"/>; the table part of its id is filled in there.</summary>
    public static Route Udr(string name, string destination, RouteNextHopType nextHopType, string? nextHopIp = null)
    {
        var isPrefix = IpPrefix.TryParse(destination, out var prefix, out var canonical);
        return new Route
        {
            Id = Id("Microsoft.Network/routeTables/routes", "placeholder", name),
            AddressPrefix = destination,
            Prefix = isPrefix ? prefix : null,
            IsPrefixCanonical = !isPrefix || canonical,
            NextHopType = nextHopType,
            NextHopIpAddress = nextHopIp is null ? null : IpAddress.Parse(nextHopIp),
            NextHopIpAddressText = nextHopIp,
        };
    }

    public TestEstate PublicIp(string name, string address)
    {
        _others.Add(new PublicIpAddress { Id = Id("Microsoft.Network/publicIPAddresses", name), IpAddress = IpAddress.Parse(address) });
        return this;
    }

    /// <summary>A VPN gateway in the VNet's GatewaySubnet. Active-standby gets <paramref name="publicIp"/>; active-active uses <paramref name="instanceAddresses"/>.</summary>
    public TestEstate VpnGateway(string name, string vnet, string? publicIp = "20.0.0.1", bool enableBgp = true, bool activeActive = false,
        string? instanceAddresses = null, long asn = 65515)
    {
        if (publicIp is not null)
        {
            PublicIp(name + "-pip", publicIp);
        }

        _others.Add(new VirtualNetworkGateway
        {
            Id = GatewayId(name),
            Location = "westeurope",
            GatewayType = VirtualNetworkGatewayType.Vpn,
            VpnType = VpnType.RouteBased,
            EnableBgp = enableBgp,
            ActiveActive = activeActive,
            BgpSettings = new BgpSettings
            {
                Asn = asn,
                BgpPeeringAddresses = instanceAddresses is null ? [] : [.. instanceAddresses.Split(',').Select(IpAddress.Parse)],
            },
            IpConfigurations =
            [
                new GatewayIpConfiguration
                {
                    Id = Id("Microsoft.Network/virtualNetworkGateways/ipConfigurations", name, "default"),
                    SubnetId = SubnetId(vnet, "GatewaySubnet"),
                    PublicIpAddressId = publicIp is null ? null : Id("Microsoft.Network/publicIPAddresses", name + "-pip"),
                },
            ],
        });
        return this;
    }

    public TestEstate ExpressRouteGateway(string name, string vnet, bool? allowRemoteVnetTraffic = null)
    {
        _others.Add(new VirtualNetworkGateway
        {
            Id = GatewayId(name),
            Location = "westeurope",
            GatewayType = VirtualNetworkGatewayType.ExpressRoute,
            AllowRemoteVnetTraffic = allowRemoteVnetTraffic,
            IpConfigurations =
            [
                new GatewayIpConfiguration
                {
                    Id = Id("Microsoft.Network/virtualNetworkGateways/ipConfigurations", name, "default"),
                    SubnetId = SubnetId(vnet, "GatewaySubnet"),
                },
            ],
        });
        return this;
    }

    public TestEstate Circuit(string name, long peerAsn = 65010)
    {
        _others.Add(new ExpressRouteCircuit
        {
            Id = CircuitId(name),
            Location = "westeurope",
            SkuTier = "Standard",
            Peerings = [new ExpressRouteCircuitPeering { Id = PrivatePeeringId(name), PeeringType = "AzurePrivatePeering", PeerAsn = peerAsn }],
        });
        return this;
    }

    public TestEstate ExpressRouteConnection(string name, string gateway, string circuit, int routingWeight = 0)
    {
        _others.Add(new VirtualNetworkGatewayConnection
        {
            Id = ConnectionId(name),
            ConnectionType = VirtualNetworkGatewayConnectionType.ExpressRoute,
            VirtualNetworkGateway1Id = GatewayId(gateway),
            PeerId = CircuitId(circuit),
            RoutingWeight = routingWeight,
        });
        return this;
    }

    public TestEstate LocalNetworkGateway(string name, string addressPrefixes = "", string? bgpPeer = null, long? asn = null)
    {
        _others.Add(new LocalNetworkGateway
        {
            Id = LocalNetworkGatewayId(name),
            Location = "westeurope",
            GatewayIpAddress = IpAddress.Parse("198.51.100.20"),
            AddressPrefixes = [.. addressPrefixes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(p => AddressPrefix.Of(IpPrefix.Parse(p)))],
            BgpSettings = bgpPeer is null ? null : new BgpSettings { Asn = asn, BgpPeeringAddresses = [IpAddress.Parse(bgpPeer)] },
        });
        return this;
    }

    public TestEstate VpnConnection(string name, string gateway, string localNetworkGateway, bool enableBgp = true, int routingWeight = 0)
    {
        _others.Add(new VirtualNetworkGatewayConnection
        {
            Id = ConnectionId(name),
            ConnectionType = VirtualNetworkGatewayConnectionType.IPsec,
            VirtualNetworkGateway1Id = GatewayId(gateway),
            LocalNetworkGateway2Id = LocalNetworkGatewayId(localNetworkGateway),
            EnableBgp = enableBgp,
            RoutingWeight = routingWeight,
        });
        return this;
    }

    public TestEstate Site(string name, long? asn, string advertised, params ResourceId[] attachedTo)
    {
        _others.Add(new ExternalSite
        {
            Id = SiteId(name),
            Asn = asn,
            AdvertisedPrefixes = [.. advertised.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(IpPrefix.Parse)],
            AddressSpace = [.. advertised.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(IpPrefix.Parse)],
            AttachedTo = [.. attachedTo],
        });
        return this;
    }

    public TestEstate Nic(string name, string vnet, string subnet, string address, bool enableIpForwarding = false)
    {
        var id = NicId(name);
        _others.Add(new NetworkInterface
        {
            Id = id,
            EnableIpForwarding = enableIpForwarding,
            IpConfigurations =
            [
                new NetworkInterfaceIpConfiguration
                {
                    Id = id.Child("ipConfigurations", "ipconfig1"),
                    SubnetId = SubnetId(vnet, subnet),
                    PrivateIpAddress = IpAddress.Parse(address),
                    Primary = true,
                },
            ],
        });
        return this;
    }

    public Estate Build() =>
        Estate.Create(_vnets.Select(v => (Resource)new VirtualNetwork
        {
            Id = VnetId(v.Name),
            Location = v.Location,
            AddressSpace = [.. v.Space.Select(p => AddressPrefix.Of(IpPrefix.Parse(p)))],
            Subnets = [.. _subnets.Where(s => s.VirtualNetworkId == VnetId(v.Name))],
            Peerings = [.. _peerings.Where(p => p.VirtualNetworkId == VnetId(v.Name))],
        }).Concat(_others));

    public CompiledRouting Compile(RoutingOptions? options = null) => RoutingCompiler.Compile(Build(), options);
}
