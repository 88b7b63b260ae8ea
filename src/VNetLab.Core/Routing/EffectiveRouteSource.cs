namespace VNetLab.Routing;

/// <summary>Who put a route in a subnet's table, as Azure's <c>EffectiveRouteSource</c> spells it (semantics.md §1.1).</summary>
public enum EffectiveRouteSource
{
    /// <summary>A system route: VNet ranges, peerings, service endpoints, Internet and the platform None routes.</summary>
    Default,

    /// <summary>A user-defined route from the subnet's route table.</summary>
    User,

    /// <summary>A route a gateway installed: local network gateway prefixes and BGP-learned prefixes.</summary>
    VirtualNetworkGateway,
}
