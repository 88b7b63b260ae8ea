using System.Collections.Immutable;
using VNetLab.Addressing;
using VNetLab.Model;
using VNetLab.Security;

namespace VNetLab.Core.Tests.Security;

/// <summary>Terse builders for the estates the security tests need; every id lives in one subscription and group.</summary>
internal static class SecurityEstate
{
    private const string Subscription = "11111111-1111-1111-1111-111111111111";
    private const string Group = "rg-security";

    public static ResourceId Id(string type, string name) =>
        ResourceId.Create(Subscription, Group, "Microsoft.Network", [type], [name]);

    public static ResourceId NsgId(string name) => Id("networkSecurityGroups", name);

    public static ResourceId AsgId(string name) => Id("applicationSecurityGroups", name);

    public static ResourceId VnetId(string name) => Id("virtualNetworks", name);

    public static ResourceId SubnetId(string vnet, string subnet) => VnetId(vnet).Child("subnets", subnet);

    public static SecurityRule Rule(string nsg, string name, int priority, SecurityRuleDirection direction, SecurityRuleAccess access,
        string protocol = "*", string source = "*", string sourcePorts = "*", string destination = "*", string destinationPorts = "*",
        ResourceId[]? sourceAsgs = null, ResourceId[]? destinationAsgs = null) => new()
        {
            Id = NsgId(nsg).Child("securityRules", name),
            Protocol = protocol,
            SourcePortRanges = Split(sourcePorts),
            DestinationPortRanges = Split(destinationPorts),
            SourceAddressPrefixes = sourceAsgs is null ? Split(source) : [],
            DestinationAddressPrefixes = destinationAsgs is null ? Split(destination) : [],
            SourceApplicationSecurityGroupIds = [.. sourceAsgs ?? []],
            DestinationApplicationSecurityGroupIds = [.. destinationAsgs ?? []],
            Access = access,
            Priority = priority,
            Direction = direction,
        };

    public static SecurityRule Inbound(string nsg, string name, int priority, SecurityRuleAccess access, string protocol = "*",
        string source = "*", string destination = "*", string destinationPorts = "*", string sourcePorts = "*",
        ResourceId[]? sourceAsgs = null, ResourceId[]? destinationAsgs = null) =>
        Rule(nsg, name, priority, SecurityRuleDirection.Inbound, access, protocol, source, sourcePorts, destination, destinationPorts,
            sourceAsgs, destinationAsgs);

    public static SecurityRule Outbound(string nsg, string name, int priority, SecurityRuleAccess access, string protocol = "*",
        string source = "*", string destination = "*", string destinationPorts = "*", string sourcePorts = "*") =>
        Rule(nsg, name, priority, SecurityRuleDirection.Outbound, access, protocol, source, sourcePorts, destination, destinationPorts);

    /// <summary>An NSG as a design gives it: custom rules only; the engine adds Azure's default rules.</summary>
    public static NetworkSecurityGroup Nsg(string name, params SecurityRule[] rules) => new()
    {
        Id = NsgId(name),
        SecurityRules = [.. rules],
    };

    public static ApplicationSecurityGroup Asg(string name) => new() { Id = AsgId(name) };

    public static Subnet Subnet(string vnet, string name, string prefix, string? nsg = null, ResourceId? routeTable = null) => new()
    {
        Id = SubnetId(vnet, name),
        AddressPrefixes = [AddressPrefix.Of(IpPrefix.Parse(prefix))],
        NetworkSecurityGroupId = nsg is null ? null : NsgId(nsg),
        RouteTableId = routeTable,
    };

    public static VirtualNetwork Vnet(string name, string addressSpace, params Subnet[] subnets) => new()
    {
        Id = VnetId(name),
        AddressSpace = [.. Split(addressSpace).Select(p => AddressPrefix.Of(IpPrefix.Parse(p)))],
        Subnets = [.. subnets],
    };

    public static VirtualNetworkPeering Peering(string from, string to, bool allowAccess = true, PeeringState? state = PeeringState.Connected,
        bool useRemoteGateways = false) => new()
        {
            Id = VnetId(from).Child("virtualNetworkPeerings", $"{from}-to-{to}"),
            RemoteVirtualNetworkId = VnetId(to),
            AllowVirtualNetworkAccess = allowAccess,
            PeeringState = state,
            UseRemoteGateways = useRemoteGateways,
        };

    public static NetworkInterface Nic(string name, ResourceId subnet, string ip, string? nsg = null, params ResourceId[] asgs) => new()
    {
        Id = Id("networkInterfaces", name),
        NetworkSecurityGroupId = nsg is null ? null : NsgId(nsg),
        IpConfigurations =
        [
            new NetworkInterfaceIpConfiguration
            {
                Id = Id("networkInterfaces", name).Child("ipConfigurations", "ipconfig1"),
                PrivateIpAddress = IpAddress.Parse(ip),
                SubnetId = subnet,
                Primary = true,
                ApplicationSecurityGroupIds = [.. asgs],
            },
        ],
    };

    public static RouteTable RouteTable(string name, bool disableBgpRoutePropagation = false, params (string Prefix, RouteNextHopType NextHop)[] routes) => new()
    {
        Id = Id("routeTables", name),
        DisableBgpRoutePropagation = disableBgpRoutePropagation,
        Routes = [.. routes.Select((r, i) => new Route
        {
            Id = Id("routeTables", name).Child("routes", $"route{i}"),
            AddressPrefix = r.Prefix,
            Prefix = IpPrefix.Parse(r.Prefix),
            NextHopType = r.NextHop,
        })],
    };

    public static Packet Tcp(string source, int sourcePort, string destination, int destinationPort) =>
        Packet.Create(SecurityProtocol.Tcp, IpAddress.Parse(source), sourcePort, IpAddress.Parse(destination), destinationPort);

    public static Packet Udp(string source, int sourcePort, string destination, int destinationPort) =>
        Packet.Create(SecurityProtocol.Udp, IpAddress.Parse(source), sourcePort, IpAddress.Parse(destination), destinationPort);

    public static Packet Icmp(string source, string destination) =>
        Packet.Create(SecurityProtocol.Icmp, IpAddress.Parse(source), 0, IpAddress.Parse(destination), 0);

    /// <summary>The compiled security of the NIC named <paramref name="nic"/> in an estate made of <paramref name="resources"/>.</summary>
    public static NetworkInterfaceSecurity CompileNic(string nic, IEnumerable<Resource> resources, SecurityOptions? options = null)
    {
        var estate = Estate.Create(resources);
        var found = estate.NetworkInterfaces.Single(n => n.Name == nic);
        return SecurityCompiler.Compile(estate, options).For(found);
    }

    private static ImmutableArray<string> Split(string values) =>
        [.. values.Split(' ', StringSplitOptions.RemoveEmptyEntries)];
}
