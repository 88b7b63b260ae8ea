using System.Collections.Immutable;
using VNetLab.Addressing;
using VNetLab.Model;

namespace VNetLab.Security;

/// <summary>
/// One source or destination value of a security rule, resolved: what was written, what kind of value it is,
/// and the addresses it stands for in the context the rule was compiled in.
/// </summary>
/// <param name="Text">The value as written (<c>*</c>, <c>10.0.0.0/8</c>, <c>Internet</c>) or the ASG's id.</param>
/// <param name="Kind">What kind of value it is.</param>
/// <param name="Addresses">The addresses it matches.</param>
/// <param name="ExpandedPrefixes">For tags and ASGs, the prefixes Azure lists in <c>expanded*AddressPrefix</c>; empty otherwise.</param>
public sealed record RuleAddress(string Text, RuleAddressKind Kind, AddressSet Addresses, ImmutableArray<IpPrefix> ExpandedPrefixes)
{
    private readonly AddressSet _addresses = Addresses;
    private readonly ImmutableArray<IpPrefix> _expandedPrefixes = ExpandedPrefixes;

    // The VirtualNetwork tag's union of its VNet's own and its gateway's addresses is read only by set questions and
    // explanations (compiles and verdicts read the two parts apart), so it is made then, once per expansion.
    private readonly Func<AddressSet>? _addressesOnDemand;

    // The VirtualNetwork tag's list (thousands of prefixes where a gateway learns on-premises ones) is read only when
    // effective rules or an explanation print it, so it is made then, once for every rule of the same expansion.
    private readonly Func<ImmutableArray<IpPrefix>>? _expandedPrefixesOnDemand;

    /// <summary>A term whose <see cref="ExpandedPrefixes"/> are made by <paramref name="expandedPrefixes"/> when first read.</summary>
    internal RuleAddress(string text, RuleAddressKind kind, AddressSet addresses, Func<ImmutableArray<IpPrefix>> expandedPrefixes)
        : this(text, kind, addresses, ImmutableArray<IpPrefix>.Empty)
    {
        _expandedPrefixesOnDemand = expandedPrefixes;
    }

    /// <summary>A term whose <see cref="Addresses"/> and <see cref="ExpandedPrefixes"/> are made when first read.</summary>
    internal RuleAddress(string text, RuleAddressKind kind, Func<AddressSet> addresses, Func<ImmutableArray<IpPrefix>> expandedPrefixes)
        : this(text, kind, AddressSet.Empty, expandedPrefixes)
    {
        _addressesOnDemand = addresses;
    }

    /// <summary>The addresses it matches.</summary>
    public AddressSet Addresses
    {
        get => _addressesOnDemand is null ? _addresses : _addressesOnDemand();
        init
        {
            _addresses = value;
            _addressesOnDemand = null;
        }
    }

    /// <summary>For tags and ASGs, the prefixes Azure lists in <c>expanded*AddressPrefix</c>; empty otherwise.</summary>
    public ImmutableArray<IpPrefix> ExpandedPrefixes
    {
        get => _expandedPrefixesOnDemand is null ? _expandedPrefixes : _expandedPrefixesOnDemand();
        init
        {
            _expandedPrefixes = value;
            _expandedPrefixesOnDemand = null;
        }
    }

    /// <summary>The ASG's id when <see cref="Kind"/> is <see cref="RuleAddressKind.ApplicationSecurityGroup"/>.</summary>
    public ResourceId? ApplicationSecurityGroupId { get; init; }

    /// <summary>True for the <c>Internet</c> tag, whose expansion is an assumption near its edges (VNL9101).</summary>
    public bool IsInternetTag => Kind == RuleAddressKind.ServiceTag && Text.Equals(ServiceTagNames.Internet, StringComparison.OrdinalIgnoreCase);

    /// <summary>True for the <c>VirtualNetwork</c> tag.</summary>
    public bool IsVirtualNetworkTag => Kind == RuleAddressKind.ServiceTag && Text.Equals(ServiceTagNames.VirtualNetwork, StringComparison.OrdinalIgnoreCase);

    public override string ToString() => Kind == RuleAddressKind.ApplicationSecurityGroup && ApplicationSecurityGroupId is { } id ? id.Name : Text;
}
