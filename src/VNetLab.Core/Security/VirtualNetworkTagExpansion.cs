using System.Collections.Immutable;
using System.Runtime.InteropServices;
using VNetLab.Addressing;

namespace VNetLab.Security;

/// <summary>
/// The addresses of a <c>VirtualNetwork</c> tag, which depend only on the VNet and the subnet's route table (not on
/// the subnet): its contributions, their union and Azure's <c>expandedAddressPrefix</c> list. Computed once per
/// (VNet, route table) and shared by the tags of every subnet with that input, so an NSG compiled for one of them
/// serves all (semantics.md §4.5).
/// </summary>
/// <remarks>
/// Only <see cref="Addresses"/> is needed to compile and evaluate rules; the contributions and the listed prefixes
/// (each several thousand long where gateways learn on-premises prefixes) are for effective rules and explanations,
/// so they are built on first use. Built up front for every VNet of the large estate they were 13 GiB allocated and
/// most of what compiling its security retained.
/// </remarks>
internal sealed class VirtualNetworkTagExpansion
{
    // Both made on first read and published with Interlocked.CompareExchange, without a Lazy and a delegate each:
    // every VNet has an expansion, and the compile of every NIC kept them alive. Racing threads make equal lists.
    private readonly Func<ImmutableArray<VirtualNetworkTagPrefix>> _contributions;
    private VirtualNetworkTagPrefix[]? _prefixes;
    private IpPrefix[]? _expandedPrefixes;

    /// <param name="prefixes">The contributions, sorted by prefix then origin.</param>
    public VirtualNetworkTagExpansion(ImmutableArray<VirtualNetworkTagPrefix> prefixes)
        : this(AddressSet.FromPrefixes(prefixes.Select(static p => p.Prefix)), () => prefixes)
    {
    }

    /// <param name="addresses">The union of the contributions' prefixes.</param>
    /// <param name="contributions">Makes the contributions, sorted by prefix then origin, when first asked for.</param>
    public VirtualNetworkTagExpansion(AddressSet addresses, Func<ImmutableArray<VirtualNetworkTagPrefix>> contributions)
    {
        Addresses = addresses;
        _contributions = contributions;
        Term = new RuleAddress(ServiceTagNames.VirtualNetwork, RuleAddressKind.ServiceTag, addresses, () => ExpandedPrefixes);
        Terms = [Term];
    }

    public ImmutableArray<VirtualNetworkTagPrefix> Prefixes =>
        ImmutableCollectionsMarshal.AsImmutableArray(_prefixes
            ?? FirstRead.Publish(ref _prefixes, ImmutableCollectionsMarshal.AsArray(_contributions()) ?? []));

    public AddressSet Addresses { get; }

    public ImmutableArray<IpPrefix> ExpandedPrefixes =>
        ImmutableCollectionsMarshal.AsImmutableArray(_expandedPrefixes
            ?? FirstRead.Publish(ref _expandedPrefixes, ImmutableCollectionsMarshal.AsArray(Expand(Prefixes)) ?? []));

    /// <summary>
    /// What a rule's <c>VirtualNetwork</c> value resolves to in this expansion, shared by every such rule; it reads
    /// <see cref="ExpandedPrefixes"/> only when listed.
    /// </summary>
    public RuleAddress Term { get; }

    /// <summary><see cref="Term"/> as the one-term list of a rule side that says only <c>VirtualNetwork</c>, shared by every such side.</summary>
    public ImmutableArray<RuleAddress> Terms { get; }

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
