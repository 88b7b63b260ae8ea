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
    /// <summary>The ASG's id when <see cref="Kind"/> is <see cref="RuleAddressKind.ApplicationSecurityGroup"/>.</summary>
    public ResourceId? ApplicationSecurityGroupId { get; init; }

    /// <summary>True for the <c>Internet</c> tag, whose expansion is an assumption near its edges (VNL9101).</summary>
    public bool IsInternetTag => Kind == RuleAddressKind.ServiceTag && Text.Equals(ServiceTagNames.Internet, StringComparison.OrdinalIgnoreCase);

    /// <summary>True for the <c>VirtualNetwork</c> tag.</summary>
    public bool IsVirtualNetworkTag => Kind == RuleAddressKind.ServiceTag && Text.Equals(ServiceTagNames.VirtualNetwork, StringComparison.OrdinalIgnoreCase);

    public override string ToString() => Kind == RuleAddressKind.ApplicationSecurityGroup && ApplicationSecurityGroupId is { } id ? id.Name : Text;
}
