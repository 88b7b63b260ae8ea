using System.Diagnostics;

namespace VNetLab.Model;

/// <summary>
/// Debug builds only: while <see cref="Record"/> runs on a thread, every read of an <see cref="Estate"/> on that
/// thread notes the top-level resource type it read (a subnet or peering counts as its VNet, a route as its route
/// table, and so on). Validation rules declare what they read so a revalidation can skip them; a declaration
/// that misses a type would silently reuse stale findings, so the tests run each rule under a recording and fail
/// on any type it read but did not declare. Every model object a rule sees comes out of the estate, so the log
/// sees every read the tested estates exercise. The calls compile away in Release: the engines pay nothing.
/// </summary>
internal static class EstateReadLog
{
    [ThreadStatic]
    private static HashSet<Type>? _reads;

    /// <summary>Runs <paramref name="action"/> and returns the top-level types it read (empty in Release builds).</summary>
    public static IReadOnlySet<Type> Record(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var previous = _reads;
        var reads = new HashSet<Type>();
        _reads = reads;
        try
        {
            action();
        }
        finally
        {
            _reads = previous;
        }

        return reads;
    }

    [Conditional("DEBUG")]
    public static void Note(Type type)
    {
        _reads?.Add(TopLevelTypeOf(type));
    }

    [Conditional("DEBUG")]
    public static void Note(Type type, Type other)
    {
        Note(type);
        Note(other);
    }

    /// <summary>
    /// What can associate the target (ResourceReferences): subnets (VNets) name route tables and NSGs, NICs name
    /// NSGs, NIC IP configurations and security rules (NSGs) name ASGs.
    /// </summary>
    [Conditional("DEBUG")]
    public static void NoteAssociations(ResourceId target)
    {
        if (target.IsOfType(ResourceTypes.ApplicationSecurityGroups))
        {
            Note(typeof(NetworkInterface), typeof(NetworkSecurityGroup));
        }
        else if (target.IsOfType(ResourceTypes.RouteTables))
        {
            Note(typeof(VirtualNetwork));
        }
        else
        {
            Note(typeof(VirtualNetwork), typeof(NetworkInterface));
        }
    }

    /// <summary>The top-level resource type whose snapshot holds resources of <paramref name="type"/>.</summary>
    public static Type TopLevelTypeOf(Type type) =>
        type == typeof(Subnet) || type == typeof(VirtualNetworkPeering) ? typeof(VirtualNetwork)
        : type == typeof(SecurityRule) ? typeof(NetworkSecurityGroup)
        : type == typeof(Route) ? typeof(RouteTable)
        : type == typeof(NetworkInterfaceIpConfiguration) ? typeof(NetworkInterface)
        : type == typeof(GatewayIpConfiguration) ? typeof(VirtualNetworkGateway)
        : type == typeof(ExpressRouteCircuitPeering) || type == typeof(ExpressRouteCircuitAuthorization) ? typeof(ExpressRouteCircuit)
        : type == typeof(RouteFilterRule) ? typeof(RouteFilter)
        : type == typeof(AzureFirewallIpConfiguration) || type == typeof(AzureFirewallNetworkRuleCollection) ? typeof(AzureFirewall)
        : type;
}
