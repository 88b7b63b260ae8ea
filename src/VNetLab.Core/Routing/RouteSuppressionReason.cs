namespace VNetLab.Routing;

/// <summary>
/// Why a route that would otherwise be in a subnet's table is not listed at all (rather than listed as
/// Invalid). Azure does not show these; VNetLab keeps them for <c>routes --explain</c>, because "why is my
/// route missing" is the question users ask (shared/azure/semantics.md §2.1, §3.2, §3.3, §3.6, §3.7).
/// </summary>
public enum RouteSuppressionReason
{
    /// <summary>A platform None route equal to or inside an address range of the VNet (§2.1).</summary>
    ReplacedByVirtualNetworkRange,

    /// <summary>A platform None route equal to or inside a directly peered VNet's range (inferred from §2.1).</summary>
    ReplacedByPeeredRange,

    /// <summary>A platform None route with the same prefix as a User route (§3.2).</summary>
    ReplacedByUserRoute,

    /// <summary>Platform None routes once a User 0.0.0.0/0 to a virtual appliance or gateway exists (§3.2).</summary>
    RemovedByUserDefaultRoute,

    /// <summary>A platform None route with the same prefix as a gateway route (§7.2).</summary>
    ReplacedByGatewayRoute,

    /// <summary>The Default 0.0.0.0/0 Internet route and the None routes when a gateway installs 0.0.0.0/0 (§3.6, §7.3).</summary>
    RemovedByGatewayDefaultRoute,

    /// <summary>A gateway route equal to or inside an address range of the VNet (§3.3).</summary>
    InsideVirtualNetworkRange,

    /// <summary>A gateway route equal to or inside a directly peered VNet's range (§3.3, §7.11).</summary>
    InsidePeeredRange,

    /// <summary>A gateway route not installed because the subnet's route table disables gateway route propagation (§3.7).</summary>
    GatewayRoutePropagationDisabled,

    /// <summary>A User route whose service tag destination could not be resolved (no service tags file, or the tag is not in it).</summary>
    ServiceTagNotResolved,
}
