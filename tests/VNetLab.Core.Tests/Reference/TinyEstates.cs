using VNetLab.Addressing;
using VNetLab.Model;

namespace VNetLab.Core.Tests.Reference;

/// <summary>Hand-built estates for the reference engine's tests: a hub with gateways and spokes, resource by resource.</summary>
internal static class TinyEstates
{
    public static ResourceId Id(string type, string name) =>
        ResourceId.Parse($"/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/{type}/{name}");

    public static AddressPrefix[] Space(params string[] prefixes) => [.. prefixes.Select(p => AddressPrefix.Of(IpPrefix.Parse(p)))];

    public static VirtualNetwork Vnet(string name, string space, string location = "westeurope", params (string Name, string Prefix)[] subnets)
    {
        var id = Id("virtualNetworks", name);
        return new VirtualNetwork
        {
            Id = id,
            Location = location,
            AddressSpace = [.. Space(space)],
            Subnets = [.. subnets.Select(s => new Subnet { Id = id.Child("subnets", s.Name), AddressPrefixes = [.. Space(s.Prefix)] })],
        };
    }

    /// <summary>Peers two VNets both ways, connected.</summary>
    public static (VirtualNetwork Left, VirtualNetwork Right) Peer(VirtualNetwork left, VirtualNetwork right,
        bool leftUsesRemoteGateways = false, bool rightAllowsTransit = false, PeeringState state = PeeringState.Connected)
    {
        VirtualNetworkPeering Side(VirtualNetwork from, VirtualNetwork to, bool useRemote, bool allowTransit) => new()
        {
            Id = from.Id.Child("virtualNetworkPeerings", $"{from.Name}-to-{to.Name}"),
            RemoteVirtualNetworkId = to.Id,
            UseRemoteGateways = useRemote,
            AllowGatewayTransit = allowTransit,
            AllowForwardedTraffic = true,
            PeeringState = state,
        };

        return (left with { Peerings = left.Peerings.Add(Side(left, right, leftUsesRemoteGateways, false)) },
            right with { Peerings = right.Peerings.Add(Side(right, left, false, rightAllowsTransit)) });
    }

    public static Subnet Subnet(VirtualNetwork vnet, string name) => vnet.Subnets.Single(s => s.Name == name);

    public static VirtualNetwork WithSubnet(VirtualNetwork vnet, string name, Func<Subnet, Subnet> change) =>
        vnet with { Subnets = [.. vnet.Subnets.Select(s => s.Name == name ? change(s) : s)] };

    public static RouteTable RouteTable(string name, bool disablePropagation, params (string Prefix, RouteNextHopType Type, string? NextHop)[] routes)
    {
        var id = Id("routeTables", name);
        return new RouteTable
        {
            Id = id,
            DisableBgpRoutePropagation = disablePropagation,
            Routes = [.. routes.Select((r, i) => new Route
            {
                Id = id.Child("routes", $"r{i}"),
                AddressPrefix = r.Prefix,
                Prefix = IpPrefix.Parse(r.Prefix),
                NextHopType = r.Type,
                NextHopIpAddress = r.NextHop is null ? null : IpAddress.Parse(r.NextHop),
                NextHopIpAddressText = r.NextHop,
            })],
        };
    }

    /// <summary>A hub gateway of the given type in the hub's GatewaySubnet, with a public IP.</summary>
    public static (VirtualNetworkGateway Gateway, PublicIpAddress PublicIp) Gateway(VirtualNetwork hub, string name, VirtualNetworkGatewayType type, string publicIp)
    {
        var pip = new PublicIpAddress { Id = Id("publicIPAddresses", name + "-pip"), IpAddress = IpAddress.Parse(publicIp) };
        var id = Id("virtualNetworkGateways", name);
        var gateway = new VirtualNetworkGateway
        {
            Id = id,
            GatewayType = type,
            EnableBgp = type == VirtualNetworkGatewayType.Vpn,
            IpConfigurations = [new GatewayIpConfiguration { Id = id.Child("ipConfigurations", "default"), SubnetId = hub.Id.Child("subnets", "GatewaySubnet"), PublicIpAddressId = pip.Id }],
        };
        return (gateway, pip);
    }

    /// <summary>A BGP VPN connection to a local network gateway and the site behind it.</summary>
    public static Resource[] VpnSite(VirtualNetworkGateway gateway, string name, string bgpPeer, params string[] advertised)
    {
        var local = new LocalNetworkGateway
        {
            Id = Id("localNetworkGateways", name),
            AddressPrefixes = [.. Space(bgpPeer + "/32")],
            BgpSettings = new BgpSettings { Asn = 65100, BgpPeeringAddresses = [IpAddress.Parse(bgpPeer)] },
        };
        var connection = new VirtualNetworkGatewayConnection
        {
            Id = Id("connections", name),
            ConnectionType = VirtualNetworkGatewayConnectionType.IPsec,
            VirtualNetworkGateway1Id = gateway.Id,
            LocalNetworkGateway2Id = local.Id,
            EnableBgp = true,
        };
        var site = new ExternalSite
        {
            Id = ResourceId.Parse($"/subscriptions/s/resourceGroups/rg/providers/VNetLab/externalSites/{name}"),
            AdvertisedPrefixes = [.. advertised.Select(IpPrefix.Parse)],
            AttachedTo = [local.Id],
            Role = ExternalSiteRole.OnPremises,
        };
        return [local, connection, site];
    }

    /// <summary>An ExpressRoute circuit with private peering, the gateway's connection to it and the site behind it.</summary>
    public static Resource[] ExpressRouteSite(VirtualNetworkGateway gateway, string name, params string[] advertised)
    {
        var circuitId = Id("expressRouteCircuits", name);
        var circuit = new ExpressRouteCircuit
        {
            Id = circuitId,
            Peerings = [new ExpressRouteCircuitPeering { Id = circuitId.Child("peerings", "AzurePrivatePeering"), PeeringType = "AzurePrivatePeering" }],
        };
        var connection = new VirtualNetworkGatewayConnection
        {
            Id = Id("connections", name + "-link"),
            ConnectionType = VirtualNetworkGatewayConnectionType.ExpressRoute,
            VirtualNetworkGateway1Id = gateway.Id,
            PeerId = circuitId,
        };
        var site = new ExternalSite
        {
            Id = ResourceId.Parse($"/subscriptions/s/resourceGroups/rg/providers/VNetLab/externalSites/{name}-site"),
            AdvertisedPrefixes = [.. advertised.Select(IpPrefix.Parse)],
            AttachedTo = [circuit.Peerings[0].Id],
            Role = ExternalSiteRole.OnPremises,
        };
        return [circuit, connection, site];
    }

    public static NetworkInterface Nic(string name, Subnet subnet, string address, ResourceId? nsg = null, params ResourceId[] groups)
    {
        var id = Id("networkInterfaces", name);
        return new NetworkInterface
        {
            Id = id,
            NetworkSecurityGroupId = nsg,
            IpConfigurations = [new NetworkInterfaceIpConfiguration
            {
                Id = id.Child("ipConfigurations", "ipconfig1"),
                SubnetId = subnet.Id,
                PrivateIpAddress = IpAddress.Parse(address),
                Primary = true,
                ApplicationSecurityGroupIds = [.. groups],
            }],
        };
    }

    public static NetworkSecurityGroup Nsg(string name, params SecurityRule[] rules)
    {
        var id = Id("networkSecurityGroups", name);
        return new NetworkSecurityGroup
        {
            Id = id,
            SecurityRules = [.. rules.Select(r => r with { Id = id.Child("securityRules", r.Name) })],
            DefaultSecurityRules = DefaultSecurityRules.For(id),
        };
    }

    public static SecurityRule Rule(string name, int priority, SecurityRuleDirection direction, SecurityRuleAccess access,
        string source, string destination, string port, string protocol = "Tcp") => new()
        {
            Id = Id("networkSecurityGroups", "placeholder").Child("securityRules", name),
            Protocol = protocol,
            SourcePortRanges = ["*"],
            DestinationPortRanges = [port],
            SourceAddressPrefixes = source.StartsWith("asg:", StringComparison.Ordinal) ? [] : [source],
            SourceApplicationSecurityGroupIds = source.StartsWith("asg:", StringComparison.Ordinal) ? [Id("applicationSecurityGroups", source[4..])] : [],
            DestinationAddressPrefixes = destination.StartsWith("asg:", StringComparison.Ordinal) ? [] : [destination],
            DestinationApplicationSecurityGroupIds = destination.StartsWith("asg:", StringComparison.Ordinal) ? [Id("applicationSecurityGroups", destination[4..])] : [],
            Access = access,
            Priority = priority,
            Direction = direction,
        };
}
