using System.Collections.Immutable;
using VNetLab.Addressing;
using VNetLab.Model;
using VNetLab.Routing;
using VNetLab.Security;

namespace VNetLab.Analysis;

/// <summary>
/// What the security engine needs from routing, computed here because engines never call each other (DESIGN.md):
/// the prefixes each VNet's gateway installs, which Azure puts in the <c>VirtualNetwork</c> service tag as "all
/// connected on-premises address spaces" (semantics.md §4.5).
/// </summary>
public static class SecurityRoutingInputs
{
    /// <summary>
    /// For every VNet in <paramref name="routing"/>, the prefixes of its gateway routes (source
    /// <c>VirtualNetworkGateway</c>, Active or Invalid: both are connected spaces), read from a subnet that receives
    /// them. A VNet whose subnets all stop propagation, or that has no gateway, maps to an empty list, which tells
    /// the security engine the answer is known.
    /// </summary>
    public static IReadOnlyDictionary<ResourceId, ImmutableArray<IpPrefix>> GatewayPrefixes(CompiledRouting routing)
    {
        var result = new Dictionary<ResourceId, ImmutableArray<IpPrefix>>();
        foreach (var group in routing.Subnets.GroupBy(s => s.Table.VirtualNetworkId))
        {
            var receiving = group.FirstOrDefault(s => !s.Table.DisableBgpRoutePropagation);
            result[group.Key] = receiving is null ? [] : receiving.Table.GetGatewayPrefixes();
        }

        return result;
    }

    /// <summary><paramref name="options"/> with the gateway prefixes of <paramref name="routing"/> filled in.</summary>
    public static SecurityOptions WithRouting(SecurityOptions options, CompiledRouting routing) =>
        options with { GatewayPrefixes = GatewayPrefixes(routing) };
}
