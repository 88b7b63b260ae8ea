using VNetLab.Addressing;
using VNetLab.Model;
using VNetLab.Routing;
using VNetLab.Security;

namespace VNetLab.Analysis;

/// <summary>
/// An estate compiled for analysis: its routing, its security (given the gateway prefixes routing computed, so the
/// <c>VirtualNetwork</c> tag holds them, semantics.md §4.5) and an index of who holds which address. Traces,
/// reachability and policy checks all run against one of these; build it once per estate.
/// </summary>
public sealed class NetworkAnalysis
{
    private NetworkAnalysis(Estate estate, CompiledRouting routing, CompiledSecurity security, EstateAddresses addresses)
    {
        Estate = estate;
        Routing = routing;
        Security = security;
        Addresses = addresses;
    }

    public Estate Estate { get; }

    public CompiledRouting Routing { get; }

    public CompiledSecurity Security { get; }

    /// <summary>Which NIC, firewall, subnet, VNet or external site holds an address.</summary>
    public EstateAddresses Addresses { get; }

    /// <summary>Compiles the engines for <paramref name="estate"/>; routing first, since security needs its gateway prefixes.</summary>
    public static NetworkAnalysis Compile(Estate estate, RoutingOptions? routingOptions = null, SecurityOptions? securityOptions = null)
    {
        // The address index needs neither engine: it is built on another core meanwhile, where the routing compile leaves
        // one idle (its serial parts and collections were a third of it at scale).
        var addresses = Task.Run(() => new EstateAddresses(estate));
        var routing = RoutingCompiler.Compile(estate, routingOptions);
        var security = SecurityCompiler.Compile(estate, SecurityRoutingInputs.WithRouting(securityOptions ?? SecurityOptions.Default, routing));
        return new NetworkAnalysis(estate, routing, security, addresses.GetAwaiter().GetResult());
    }

    /// <summary>The routing decision for a packet leaving <paramref name="subnetId"/>; no route gives next hop None.</summary>
    internal NextHopResult NextHop(ResourceId subnetId, IpAddress destination) =>
        Routing.TryGetNextHop(subnetId, destination, out var result) ? result : NextHopResult.NoRoute;
}
