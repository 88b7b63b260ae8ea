using System.Collections.Immutable;
using VNetLab.Addressing;
using VNetLab.Diagnostics;
using VNetLab.Model;

namespace VNetLab.Routing.Bgp;

/// <summary>
/// The gateway routes one hub's gateways install, before any VNet filters them: the best route per prefix
/// as an Active <c>VirtualNetworkGateway</c> effective route. Shared, not copied, by every subnet of the hub
/// and of every spoke that uses the hub's gateways (semantics.md §2.2, §3.8); each VNet then drops the
/// prefixes equal to or inside its own and its directly peered ranges (§3.3).
/// </summary>
internal sealed class GatewayRouteSet
{
    private static readonly IpPrefix LowerHalf = IpPrefix.Parse("0.0.0.0/1");
    private static readonly IpPrefix UpperHalf = IpPrefix.Parse("128.0.0.0/1");

    public GatewayRouteSet(ImmutableArray<EffectiveRoute> routes, ImmutableArray<Diagnostic> notes)
    {
        // Sorted by prefix so the routes inside a range are one contiguous run (see RoutesInside).
        Routes = [.. routes.OrderBy(r => r.AddressPrefixes[0]).ThenBy(r => r.NextHopIpAddresses.IsEmpty ? default : r.NextHopIpAddresses[0])];
        Notes = notes;
        var first = new List<KeyValuePair<IpPrefix, int>>();
        for (var i = 0; i < Routes.Length; i++)
        {
            if (i == 0 || Routes[i].AddressPrefixes[0] != Routes[i - 1].AddressPrefixes[0])
            {
                first.Add(new(Routes[i].AddressPrefixes[0], i));
            }
        }

        Lookup = PrefixTrie<int>.Create(first);
        Prefixes = [.. first.Select(f => f.Key)];
        HasDefaultRouteV4 = Lookup.TryGetExact(IpPrefix.Default(IpFamily.V4), out _);
        HasDefaultRouteV6 = Lookup.TryGetExact(IpPrefix.Default(IpFamily.V6), out _);
        if (Lookup.TryGetExact(LowerHalf, out var lower) && Lookup.TryGetExact(UpperHalf, out _))
        {
            SplitDefaultGatewayId = Routes[lower].Origin;
        }
    }

    /// <summary>Active gateway routes sorted by prefix; several per prefix only in the one-entry-per-address shape.</summary>
    public ImmutableArray<EffectiveRoute> Routes { get; }

    /// <summary>The distinct prefixes of <see cref="Routes"/>, sorted: one array shared by every table that hides none of them.</summary>
    public ImmutableArray<IpPrefix> Prefixes { get; }

    /// <summary>Prefix → index of its first route in <see cref="Routes"/>.</summary>
    public PrefixTrie<int> Lookup { get; }

    /// <summary>Notes every subnet receiving these routes should carry (next hop addresses assumed or unknown).</summary>
    public ImmutableArray<Diagnostic> Notes { get; }

    public bool HasDefaultRouteV4 { get; }

    public bool HasDefaultRouteV6 { get; }

    /// <summary>The gateway installing 0.0.0.0/1 when the set holds both halves of the seed 000 split default route.</summary>
    public ResourceId? SplitDefaultGatewayId { get; }

    public bool HasDefaultRoute(IpFamily family) => family == IpFamily.V4 ? HasDefaultRouteV4 : HasDefaultRouteV6;

    /// <summary>The indexes of the routes whose prefix is equal to or inside <paramref name="range"/>, by binary search.</summary>
    public (int Start, int End) RoutesInside(IpPrefix range)
    {
        var routes = Routes.AsSpan();
        int low = 0, high = routes.Length;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (routes[middle].AddressPrefixes[0].CompareTo(range) < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        // Sorted by (network, length): every prefix from here whose network is still inside the range is inside it.
        var end = low;
        while (end < routes.Length && range.Contains(routes[end].AddressPrefixes[0]))
        {
            end++;
        }

        return (low, end);
    }
}
