using System.Collections.Immutable;
using VNetLab.Addressing;
using VNetLab.Model;

namespace VNetLab.Core.Tests.Validation;

/// <summary>
/// Builds estates in code for validation tests: resources are named, ids are derived in one subscription
/// and resource group unless a test says otherwise, and any resource (top-level or child) can be changed
/// afterwards with <see cref="Change{T}"/>. <see cref="Baseline"/> is a valid hub-and-spoke estate that
/// touches every rule; a test changes one thing in it and looks at what fires.
/// </summary>
public sealed class EstateBuilder
{
    public const string Subscription = "11111111-1111-1111-1111-111111111111";
    public const string OtherSubscription = "22222222-2222-2222-2222-222222222222";
    public const string Region = "westeurope";

    private readonly List<Resource> _roots = [];

    public static ResourceId Id(string type, string name, string subscription = Subscription) =>
        ResourceId.Create(subscription, "rg", type == "virtualMachines" ? "Microsoft.Compute" : "Microsoft.Network", [type], [name]);

    public static ResourceId VnetId(string vnet, string subscription = Subscription) => Id("virtualNetworks", vnet, subscription);

    public static ResourceId SubnetId(string vnet, string subnet, string subscription = Subscription) => VnetId(vnet, subscription).Child("subnets", subnet);

    public static ResourceId PeeringId(string from, string to, string subscription = Subscription) =>
        VnetId(from, subscription).Child("virtualNetworkPeerings", $"{from}-to-{to}");

    /// <summary>A prefix as a user would write it, host bits and all.</summary>
    public static AddressPrefix Prefix(string text) =>
        IpPrefix.TryParse(text, out var prefix, out var canonical) ? new AddressPrefix(prefix, text, canonical) : throw new FormatException(text);

    public static ImmutableArray<AddressPrefix> Prefixes(string commaSeparated) =>
        [.. commaSeparated.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Prefix)];

    /// <summary>
    /// A valid estate: hub (VPN and ExpressRoute gateways, firewall) and spoke with gateway transit, a
    /// Standard circuit in Amsterdam with private and Microsoft peering, a VPN branch over BGP, an NSG with
    /// an ASG rule, a route table sending the spoke to the firewall. It raises no diagnostic at all.
    /// </summary>
    public static EstateBuilder Baseline() => new EstateBuilder()
        .Vnet("hub", "10.0.0.0/16")
        .Subnet("hub", "GatewaySubnet", "10.0.255.0/27")
        .Subnet("hub", "AzureFirewallSubnet", "10.0.1.0/26")
        .Subnet("hub", "shared", "10.0.2.0/24", nsg: "nsg-shared")
        .Vnet("spoke", "10.1.0.0/16")
        .Subnet("spoke", "app", "10.1.1.0/24", nsg: "nsg-app", routeTable: "rt-app")
        .Peering("hub", "spoke", allowGatewayTransit: true)
        .Peering("spoke", "hub", useRemoteGateways: true)
        .PublicIp("pip-vpn")
        .PublicIp("pip-er")
        .PublicIp("pip-fw")
        .Gateway("vpngw", "hub", VirtualNetworkGatewayType.Vpn, "VpnGw1AZ", "pip-vpn")
        .Change<VirtualNetworkGateway>(Id("virtualNetworkGateways", "vpngw"), g => g with { EnableBgp = true, BgpSettings = new BgpSettings { Asn = 65515 } })
        .Gateway("ergw", "hub", VirtualNetworkGatewayType.ExpressRoute, "ErGw1AZ", "pip-er")
        .Circuit("erc")
        .CircuitPeering("erc", "AzurePrivatePeering", 65010, "192.168.100.128/30", "192.168.100.132/30", 100)
        .RouteFilter("rf", "12076:5040")
        .CircuitPeering("erc", "MicrosoftPeering", 65010, "203.0.113.0/30", "203.0.113.4/30", 200, routeFilter: "rf")
        .Connection("conn-er", VirtualNetworkGatewayConnectionType.ExpressRoute, "vpngw", circuit: "erc")
        .Change<VirtualNetworkGatewayConnection>(Id("connections", "conn-er"), c => c with { VirtualNetworkGateway1Id = Id("virtualNetworkGateways", "ergw") })
        .LocalGateway("lng-branch", "198.51.100.10", "172.16.0.0/16", asn: 65020, bgpPeer: "172.16.255.1")
        .Connection("conn-vpn", VirtualNetworkGatewayConnectionType.IPsec, "vpngw", lng: "lng-branch")
        .Change<VirtualNetworkGatewayConnection>(Id("connections", "conn-vpn"), c => c with { EnableBgp = true, HasSharedKey = true, SharedKeyLength = 32 })
        .Firewall("fw", "hub", "pip-fw", "10.0.1.4")
        .RouteTable("rt-app")
        .Route("rt-app", "default", "0.0.0.0/0", RouteNextHopType.VirtualAppliance, "10.0.1.4")
        .Asg("asg-web")
        .Nsg("nsg-app")
        .Rule("nsg-app", "allow-https", 100, source: ["10.0.0.0/16"], destinationPorts: ["443"], destinationAsgs: ["asg-web"])
        .Nsg("nsg-shared")
        .Rule("nsg-shared", "allow-ssh-from-spoke", 200, source: ["10.1.0.0/16"], destination: ["10.0.2.0/24"], destinationPorts: ["22"])
        .Nic("vm-app-nic", "spoke", "app", "10.1.1.4", asgs: ["asg-web"])
        .Site("onprem", Id("expressRouteCircuits", "erc").Child("peerings", "AzurePrivatePeering"), "10.10.0.0/16", "192.168.0.0/16")
        .Site("branch", Id("localNetworkGateways", "lng-branch"), "172.16.0.0/16");

    public Estate Build() => Estate.Create(_roots);

    public T Get<T>(ResourceId id) where T : Resource =>
        Build().Find<T>(id) ?? throw new InvalidOperationException($"No {typeof(T).Name} {id} in the builder.");

    /// <summary>Adds a top-level resource, or replaces the one with the same id in place.</summary>
    public EstateBuilder Add(Resource resource)
    {
        var index = _roots.FindIndex(r => r.Id == resource.Id);
        if (index >= 0)
        {
            _roots[index] = resource;
        }
        else
        {
            _roots.Add(resource);
        }

        return this;
    }

    public EstateBuilder Remove(ResourceId id)
    {
        if (id.IsChild)
        {
            var parent = _roots.Single(r => r.Id == id.Root);
            Add(ReplaceChild(parent, id, _ => null));
        }
        else
        {
            _roots.RemoveAll(r => r.Id == id);
        }

        return this;
    }

    /// <summary>Replaces a resource (top-level or child) with a changed copy.</summary>
    public EstateBuilder Change<T>(ResourceId id, Func<T, T> change) where T : Resource
    {
        if (!id.IsChild)
        {
            var index = _roots.FindIndex(r => r.Id == id);
            _roots[index] = change((T)_roots[index]);
            return this;
        }

        var root = _roots.Single(r => r.Id == id.Root);
        return Add(ReplaceChild(root, id, child => change((T)child)));
    }

    public EstateBuilder Vnet(string name, string addressSpace, string region = Region, string subscription = Subscription) =>
        Add(new VirtualNetwork { Id = VnetId(name, subscription), Location = region, AddressSpace = Prefixes(addressSpace) });

    public EstateBuilder Subnet(string vnet, string name, string prefixes, string? nsg = null, string? routeTable = null) =>
        Change<VirtualNetwork>(FindVnet(vnet), v => v with
        {
            Subnets = v.Subnets.Add(new Subnet
            {
                Id = v.Id.Child("subnets", name),
                AddressPrefixes = Prefixes(prefixes),
                NetworkSecurityGroupId = nsg is null ? null : Id("networkSecurityGroups", nsg),
                RouteTableId = routeTable is null ? null : Id("routeTables", routeTable),
            }),
        });

    public EstateBuilder Peering(string from, string to, bool useRemoteGateways = false, bool allowGatewayTransit = false,
        PeeringState? state = PeeringState.Connected, string? name = null) =>
        Change<VirtualNetwork>(FindVnet(from), v => v with
        {
            Peerings = v.Peerings.Add(new VirtualNetworkPeering
            {
                Id = v.Id.Child("virtualNetworkPeerings", name ?? $"{from}-to-{to}"),
                RemoteVirtualNetworkId = FindVnet(to),
                UseRemoteGateways = useRemoteGateways,
                AllowGatewayTransit = allowGatewayTransit,
                AllowForwardedTraffic = true,
                PeeringState = state,
            }),
        });

    public EstateBuilder PublicIp(string name, string sku = "Standard", string allocation = "Static", params string[] zones) =>
        Add(new PublicIpAddress { Id = Id("publicIPAddresses", name), Location = Region, SkuName = sku, PublicIpAllocationMethod = allocation, Zones = [.. zones] });

    /// <summary>A gateway with one IP configuration per public IP (one without a public IP when none is given), all in the VNet's GatewaySubnet.</summary>
    public EstateBuilder Gateway(string name, string vnet, VirtualNetworkGatewayType type, string? sku, params string[] publicIps)
    {
        var id = Id("virtualNetworkGateways", name);
        var subnet = FindVnet(vnet).Child("subnets", "GatewaySubnet");
        var configs = publicIps.Length == 0
            ? [new GatewayIpConfiguration { Id = id.Child("ipConfigurations", "ipconfig1"), SubnetId = subnet }]
            : publicIps.Select((pip, i) => new GatewayIpConfiguration
            {
                Id = id.Child("ipConfigurations", "ipconfig" + (i + 1)),
                SubnetId = subnet,
                PublicIpAddressId = Id("publicIPAddresses", pip),
            }).ToImmutableArray();
        return Add(new VirtualNetworkGateway
        {
            Id = id,
            Location = Region,
            GatewayType = type,
            VpnType = type == VirtualNetworkGatewayType.Vpn ? VpnType.RouteBased : null,
            SkuName = sku,
            SkuTier = sku,
            IpConfigurations = configs,
        });
    }

    public EstateBuilder LocalGateway(string name, string? gatewayIp, string prefixes, long? asn = null, string? bgpPeer = null) =>
        Add(new LocalNetworkGateway
        {
            Id = Id("localNetworkGateways", name),
            Location = Region,
            GatewayIpAddress = gatewayIp is null ? null : IpAddress.Parse(gatewayIp),
            AddressPrefixes = Prefixes(prefixes),
            BgpSettings = asn is null && bgpPeer is null ? null : new BgpSettings
            {
                Asn = asn,
                BgpPeeringAddresses = bgpPeer is not null && IpAddress.TryParse(bgpPeer, out var peer) ? [peer] : [],
                BgpPeeringAddressText = bgpPeer,
            },
        });

    public EstateBuilder Connection(string name, VirtualNetworkGatewayConnectionType type, string gateway, string? lng = null, string? gateway2 = null,
        string? circuit = null, string subscription = Subscription) =>
        Add(new VirtualNetworkGatewayConnection
        {
            Id = Id("connections", name, subscription),
            Location = Region,
            ConnectionType = type,
            VirtualNetworkGateway1Id = Id("virtualNetworkGateways", gateway),
            VirtualNetworkGateway2Id = gateway2 is null ? null : Id("virtualNetworkGateways", gateway2),
            LocalNetworkGateway2Id = lng is null ? null : Id("localNetworkGateways", lng),
            PeerId = circuit is null ? null : FindRoot("expressRouteCircuits", circuit),
        });

    public EstateBuilder Circuit(string name, string tier = "Standard", string peeringLocation = "Amsterdam", int? bandwidth = 1000,
        string? state = "Provisioned", string subscription = Subscription) =>
        Add(new ExpressRouteCircuit
        {
            Id = Id("expressRouteCircuits", name, subscription),
            Location = Region,
            SkuTier = tier,
            SkuFamily = "MeteredData",
            SkuName = tier + "_MeteredData",
            ServiceProviderName = "Equinix",
            PeeringLocation = peeringLocation,
            BandwidthInMbps = bandwidth,
            ServiceProviderProvisioningState = state,
        });

    public EstateBuilder CircuitPeering(string circuit, string type, long? peerAsn, string? primary, string? secondary, int? vlan, string? routeFilter = null) =>
        Change<ExpressRouteCircuit>(FindRoot("expressRouteCircuits", circuit), c => c with
        {
            Peerings = c.Peerings.Add(new ExpressRouteCircuitPeering
            {
                Id = c.Id.Child("peerings", type),
                PeeringType = type,
                PeerAsn = peerAsn,
                PrimaryPeerAddressPrefix = primary,
                SecondaryPeerAddressPrefix = secondary,
                VlanId = vlan,
                RouteFilterId = routeFilter is null ? null : Id("routeFilters", routeFilter),
            }),
        });

    public EstateBuilder RouteFilter(string name, params string[] communities)
    {
        var id = Id("routeFilters", name);
        return Add(new RouteFilter
        {
            Id = id,
            Location = Region,
            Rules = [new RouteFilterRule { Id = id.Child("routeFilterRules", "AcceptedRoutes"), Access = "Allow", Communities = [.. communities] }],
        });
    }

    public EstateBuilder RouteTable(string name, bool disableBgpRoutePropagation = false) =>
        Add(new RouteTable { Id = Id("routeTables", name), Location = Region, DisableBgpRoutePropagation = disableBgpRoutePropagation });

    public EstateBuilder Route(string table, string name, string prefix, RouteNextHopType nextHopType, string? nextHopIp = null)
    {
        var parsed = IpPrefix.TryParse(prefix, out var p, out var canonical);
        return Change<RouteTable>(Id("routeTables", table), t => t with
        {
            Routes = t.Routes.Add(new Route
            {
                Id = t.Id.Child("routes", name),
                AddressPrefix = prefix,
                Prefix = parsed ? p : null,
                IsPrefixCanonical = !parsed || canonical,
                NextHopType = nextHopType,
                NextHopIpAddress = nextHopIp is not null && IpAddress.TryParse(nextHopIp, out var ip) ? ip : null,
                NextHopIpAddressText = nextHopIp,
            }),
        });
    }

    public EstateBuilder Nsg(string name, string region = Region)
    {
        var id = Id("networkSecurityGroups", name);
        return Add(new NetworkSecurityGroup { Id = id, Location = region, DefaultSecurityRules = DefaultSecurityRules.For(id) });
    }

    public EstateBuilder Rule(string nsg, string name, int priority, SecurityRuleDirection direction = SecurityRuleDirection.Inbound,
        string protocol = "Tcp", string[]? source = null, string[]? destination = null, string[]? sourcePorts = null, string[]? destinationPorts = null,
        SecurityRuleAccess access = SecurityRuleAccess.Allow, string[]? sourceAsgs = null, string[]? destinationAsgs = null) =>
        Change<NetworkSecurityGroup>(Id("networkSecurityGroups", nsg), n => n with
        {
            SecurityRules = n.SecurityRules.Add(new SecurityRule
            {
                Id = n.Id.Child("securityRules", name),
                Priority = priority,
                Direction = direction,
                Access = access,
                Protocol = protocol,
                SourceAddressPrefixes = sourceAsgs is null ? [.. source ?? ["*"]] : [.. source ?? []],
                DestinationAddressPrefixes = destinationAsgs is null ? [.. destination ?? ["*"]] : [.. destination ?? []],
                SourcePortRanges = [.. sourcePorts ?? ["*"]],
                DestinationPortRanges = [.. destinationPorts ?? ["*"]],
                SourceApplicationSecurityGroupIds = [.. (sourceAsgs ?? []).Select(a => Id("applicationSecurityGroups", a))],
                DestinationApplicationSecurityGroupIds = [.. (destinationAsgs ?? []).Select(a => Id("applicationSecurityGroups", a))],
            }),
        });

    public EstateBuilder Asg(string name, string region = Region) =>
        Add(new ApplicationSecurityGroup { Id = Id("applicationSecurityGroups", name), Location = region });

    public EstateBuilder Nic(string name, string vnet, string subnet, string? ip, bool isStatic = true, bool ipForwarding = false,
        string[]? asgs = null, string region = Region)
    {
        var id = Id("networkInterfaces", name);
        return Add(new NetworkInterface
        {
            Id = id,
            Location = region,
            EnableIpForwarding = ipForwarding,
            IpConfigurations =
            [
                new NetworkInterfaceIpConfiguration
                {
                    Id = id.Child("ipConfigurations", "ipconfig1"),
                    SubnetId = FindVnet(vnet).Child("subnets", subnet),
                    PrivateIpAddress = ip is null ? null : IpAddress.Parse(ip),
                    PrivateIpAllocationMethod = isStatic ? "Static" : "Dynamic",
                    Primary = true,
                    ApplicationSecurityGroupIds = [.. (asgs ?? []).Select(a => Id("applicationSecurityGroups", a))],
                },
            ],
        });
    }

    public EstateBuilder Firewall(string name, string vnet, string publicIp, string privateIp)
    {
        var id = Id("azureFirewalls", name);
        return Add(new AzureFirewall
        {
            Id = id,
            Location = Region,
            SkuName = "AZFW_VNet",
            SkuTier = "Standard",
            IpConfigurations =
            [
                new AzureFirewallIpConfiguration
                {
                    Id = id.Child("ipConfigurations", "ipconfig1"),
                    SubnetId = FindVnet(vnet).Child("subnets", "AzureFirewallSubnet"),
                    PublicIpAddressId = Id("publicIPAddresses", publicIp),
                    PrivateIpAddress = IpAddress.Parse(privateIp),
                },
            ],
        });
    }

    public EstateBuilder Site(string name, ResourceId attachedTo, params string[] advertised) =>
        Add(new ExternalSite
        {
            Id = ResourceId.Create(Subscription, "rg", "VNetLab", ["externalSites"], [name]),
            AdvertisedPrefixes = [.. advertised.Select(IpPrefix.Parse)],
            AddressSpace = [.. advertised.Select(IpPrefix.Parse)],
            AttachedTo = [attachedTo],
            Role = ExternalSiteRole.OnPremises,
        });

    public EstateBuilder Features(string subscription, bool? office365RouteFilters) =>
        Add(new SubscriptionFeatures
        {
            Id = ResourceId.Create(subscription, "rg", "VNetLab", ["subscriptionFeatures"], [subscription]),
            Office365RouteFilters = office365RouteFilters,
        });

    // A VNet added earlier keeps its subscription; an unknown name gets the default id (a dangling remote).
    private ResourceId FindVnet(string name) => FindRoot("virtualNetworks", name);

    private ResourceId FindRoot(string type, string name) =>
        _roots.FirstOrDefault(r => r.Id.Types[0] == type && r.Name == name)?.Id ?? Id(type, name);

    private static Resource ReplaceChild(Resource root, ResourceId childId, Func<Resource, Resource?> change) => root switch
    {
        VirtualNetwork v when childId.IsOfType(ResourceTypes.Subnets) => v with { Subnets = Replace(v.Subnets, childId, change) },
        VirtualNetwork v => v with { Peerings = Replace(v.Peerings, childId, change) },
        NetworkSecurityGroup n => n with { SecurityRules = Replace(n.SecurityRules, childId, change) },
        RouteTable t => t with { Routes = Replace(t.Routes, childId, change) },
        NetworkInterface n => n with { IpConfigurations = Replace(n.IpConfigurations, childId, change) },
        VirtualNetworkGateway g => g with { IpConfigurations = Replace(g.IpConfigurations, childId, change) },
        ExpressRouteCircuit c => c with { Peerings = Replace(c.Peerings, childId, change) },
        RouteFilter f => f with { Rules = Replace(f.Rules, childId, change) },
        AzureFirewall f => f with { IpConfigurations = Replace(f.IpConfigurations, childId, change) },
        _ => throw new NotSupportedException($"Children of {root.GetType().Name}"),
    };

    private static ImmutableArray<T> Replace<T>(ImmutableArray<T> children, ResourceId id, Func<Resource, Resource?> change) where T : Resource
    {
        var index = children.IndexOf(children.Single(c => c.Id == id));
        return change(children[index]) is T changed ? children.SetItem(index, changed) : children.RemoveAt(index);
    }
}
