namespace VNetLab.Routing;

/// <summary>
/// Why an effective route is <c>Active</c> or <c>Invalid</c>: VNetLab's addition to Azure's shape, for
/// <c>routes --explain</c> and for traces. Equal prefixes are decided User &gt; BGP (gateway) &gt; System,
/// except that service endpoint routes cannot be overridden (semantics.md §2.2, §3.2, §6 step 6).
/// </summary>
public enum EffectiveRouteReason
{
    /// <summary>Active: no other route has the same prefix.</summary>
    OnlyRouteForPrefix,

    /// <summary>Active: wins against routes with the same prefix and lower precedence (User &gt; BGP &gt; System).</summary>
    PrecedenceOverEqualPrefix,

    /// <summary>Active: a service endpoint route, which no route can override.</summary>
    ServiceEndpointNotOverridable,

    /// <summary>Invalid: a user-defined route has the same prefix.</summary>
    OverriddenByUserRoute,

    /// <summary>Invalid: a gateway (BGP or local network gateway) route has the same prefix.</summary>
    OverriddenByGatewayRoute,

    /// <summary>Invalid: a service endpoint route covers the same prefix.</summary>
    OverriddenByServiceEndpoint,

    /// <summary>
    /// Invalid: another user-defined route with the same prefix takes precedence (an explicit prefix beats a
    /// service tag; a regional tag beats a top-level tag, which beats AzureCloud tags; semantics.md §3.5).
    /// </summary>
    OverriddenByPreferredUserRoute,

    /// <summary>Invalid: another system route with the same prefix takes precedence (VNet range over a peered range).</summary>
    OverriddenBySystemRoute,
}
