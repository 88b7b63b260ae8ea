using VNetLab.Addressing;
using VNetLab.Analysis;
using VNetLab.Analysis.Tracing;
using VNetLab.Model;
using VNetLab.Security;
using static VNetLab.Core.Tests.Security.SecurityEstate;

namespace VNetLab.Core.Tests.Analysis;

/// <summary>Builders for the small estates the trace, reach and verify tests need (on top of the security builders).</summary>
internal static class AnalysisEstate
{
    public static Route UserRoute(string table, string name, string prefix, RouteNextHopType nextHop, string? nextHopIp = null) => new()
    {
        Id = Id("routeTables", table).Child("routes", name),
        AddressPrefix = prefix,
        Prefix = IpPrefix.Parse(prefix),
        NextHopType = nextHop,
        NextHopIpAddress = nextHopIp is null ? null : IpAddress.Parse(nextHopIp),
    };

    public static RouteTable Table(string name, params Route[] routes) => new() { Id = Id("routeTables", name), Routes = [.. routes] };

    public static NetworkInterface Appliance(string name, ResourceId subnet, string ip, bool ipForwarding = true, string? nsg = null) =>
        Nic(name, subnet, ip, nsg) with { EnableIpForwarding = ipForwarding };

    /// <summary>Both directions of a peering, connected, with the flags given for each side.</summary>
    public static (VirtualNetworkPeering There, VirtualNetworkPeering Back) PeeringPair(string a, string b,
        bool forwardedIntoA = true, bool forwardedIntoB = true, bool accessFromA = true, bool accessFromB = true) =>
        (Peering(a, b, accessFromA) with { AllowForwardedTraffic = forwardedIntoA },
         Peering(b, a, accessFromB) with { AllowForwardedTraffic = forwardedIntoB });

    public static AzureFirewall Firewall(string name, ResourceId subnet, string ip, params AzureFirewallNetworkRuleCollection[] collections) => new()
    {
        Id = Id("azureFirewalls", name),
        IpConfigurations = [new AzureFirewallIpConfiguration { Id = Id("azureFirewalls", name).Child("azureFirewallIpConfigurations", "ipconfig"), SubnetId = subnet, PrivateIpAddress = IpAddress.Parse(ip) }],
        NetworkRuleCollections = [.. collections],
    };

    public static AzureFirewallNetworkRuleCollection Collection(string firewall, string name, int priority, SecurityRuleAccess action, params AzureFirewallNetworkRule[] rules) => new()
    {
        Id = Id("azureFirewalls", firewall).Child("networkRuleCollections", name),
        Priority = priority,
        Action = action,
        Rules = [.. rules],
    };

    public static AzureFirewallNetworkRule FirewallRule(string name, string protocol, string source, string destination, string ports) => new()
    {
        Name = name,
        Protocols = [protocol],
        SourceAddresses = [source],
        DestinationAddresses = [destination],
        DestinationPorts = [ports],
    };

    public static Tracer TracerFor(params Resource[] resources) => new(NetworkAnalysis.Compile(Estate.Create(resources)));

    public static Trace TraceFrom(Tracer tracer, string nic, Packet packet) =>
        tracer.Trace(TraceEndpoint.Of(tracer.Analysis.Estate.NetworkInterfaces.Single(n => n.Name == nic)), packet);
}
