using System.Collections.Immutable;
using System.Runtime.CompilerServices;
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
/// Only <see cref="Own"/> and <see cref="Learned"/> are needed to compile and evaluate rules; their union, the
/// contributions and the listed prefixes (each several thousand long where gateways learn on-premises prefixes) are for
/// set questions, effective rules and explanations, so they are built on first use. Built up front for every VNet of the
/// large estate the lists were 13 GiB allocated and most of what compiling its security retained.
/// </remarks>
internal sealed class VirtualNetworkTagExpansion
{
    // Made on first read and published with Interlocked.CompareExchange, without a Lazy and a delegate each: every VNet
    // has an expansion, and the compile of every NIC kept them alive. Racing threads make equal values.
    private readonly Func<ImmutableArray<VirtualNetworkTagPrefix>> _contributions;
    private VirtualNetworkTagPrefix[]? _prefixes;
    private IpPrefix[]? _expandedPrefixes;
    private StrongBox<AddressSet>? _addresses;

    /// <param name="prefixes">The contributions, sorted by prefix then origin.</param>
    public VirtualNetworkTagExpansion(ImmutableArray<VirtualNetworkTagPrefix> prefixes)
        : this(AddressSet.FromPrefixes(prefixes.Select(static p => p.Prefix)), AddressSet.Empty, () => prefixes)
    {
    }

    /// <param name="own">The union of the contributions other than the gateway's.</param>
    /// <param name="learned">The union of the gateway's prefixes, which the caller may share between expansions.</param>
    /// <param name="contributions">Makes the contributions, sorted by prefix then origin, when first asked for.</param>
    public VirtualNetworkTagExpansion(AddressSet own, AddressSet learned, Func<ImmutableArray<VirtualNetworkTagPrefix>> contributions)
    {
        Own = own;
        Learned = learned;
        _contributions = contributions;
        Term = new RuleAddress(ServiceTagNames.VirtualNetwork, RuleAddressKind.ServiceTag, () => Addresses, () => ExpandedPrefixes);
        Terms = [Term];
    }

    public ImmutableArray<VirtualNetworkTagPrefix> Prefixes =>
        ImmutableCollectionsMarshal.AsImmutableArray(_prefixes
            ?? FirstRead.Publish(ref _prefixes, ImmutableCollectionsMarshal.AsArray(_contributions()) ?? []));

    /// <summary>
    /// The addresses of the VNet's own contributions: its address space, its peers' spaces, its route table's prefixes and
    /// 168.63.129.16/32. A few intervals, unlike <see cref="Learned"/>.
    /// </summary>
    public AddressSet Own { get; }

    /// <summary>
    /// The addresses of the gateway-learned prefixes: the same set object for every VNet that learns the same list (the
    /// spokes of one hub), about a thousand intervals each at scale; empty without a gateway.
    /// </summary>
    public AddressSet Learned { get; }

    /// <summary>
    /// <see cref="Own"/> and <see cref="Learned"/> as one set, made when first read. Compiling rules and verdicts read the
    /// two parts apart (<see cref="SecurityRuleConditions"/>): made for every spoke up front, the union was a copy of the
    /// hub's learned set per spoke, a third of what compiling every NIC's security allocated at 16x.
    /// </summary>
    public AddressSet Addresses =>
        Learned.IsEmpty ? Own : (_addresses ?? FirstRead.Publish(ref _addresses, new StrongBox<AddressSet>(Own.UnionSizedToFit(Learned)))).Value;

    public ImmutableArray<IpPrefix> ExpandedPrefixes =>
        ImmutableCollectionsMarshal.AsImmutableArray(_expandedPrefixes
            ?? FirstRead.Publish(ref _expandedPrefixes, ImmutableCollectionsMarshal.AsArray(Expand(Prefixes)) ?? []));

    /// <summary>
    /// What a rule's <c>VirtualNetwork</c> value resolves to in this expansion, shared by every such rule; it reads
    /// <see cref="Addresses"/> and <see cref="ExpandedPrefixes"/> only when they are asked for.
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
