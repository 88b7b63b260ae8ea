using System.Collections.Immutable;
using VNetLab.Addressing;

namespace VNetLab.Security;

/// <summary>
/// The addresses of a <c>VirtualNetwork</c> tag, which depend only on the VNet and the subnet's route table (not on
/// the subnet): its contributions, their union and Azure's <c>expandedAddressPrefix</c> list. Computed once per
/// (VNet, route table) and shared by the tags of every subnet with that input, so an NSG compiled for one of them
/// serves all (semantics.md §4.5).
/// </summary>
internal sealed class VirtualNetworkTagExpansion
{
    /// <param name="prefixes">The contributions, sorted by prefix then origin.</param>
    public VirtualNetworkTagExpansion(ImmutableArray<VirtualNetworkTagPrefix> prefixes)
    {
        Prefixes = prefixes;
        Addresses = AddressSet.FromPrefixes(prefixes.Select(static p => p.Prefix));
        ExpandedPrefixes = Expand(prefixes);
    }

    public ImmutableArray<VirtualNetworkTagPrefix> Prefixes { get; }

    public AddressSet Addresses { get; }

    public ImmutableArray<IpPrefix> ExpandedPrefixes { get; }

    // The prefixes are sorted by family, network, then length, so a prefix inside another comes after it, and one
    // sweep that keeps the last kept prefix finds every nested one: kept prefixes are disjoint, so the only one that
    // can contain the next is the last. Linear, where testing each against every other was quadratic.
    private static ImmutableArray<IpPrefix> Expand(ImmutableArray<VirtualNetworkTagPrefix> prefixes)
    {
        var expanded = ImmutableArray.CreateBuilder<IpPrefix>(prefixes.Length);
        foreach (var contribution in prefixes)
        {
            var prefix = contribution.Prefix;
            if (expanded.Count > 0 && expanded[^1].Contains(prefix))
            {
                continue;
            }

            expanded.Add(prefix);
        }

        return expanded.DrainToImmutable();
    }
}
