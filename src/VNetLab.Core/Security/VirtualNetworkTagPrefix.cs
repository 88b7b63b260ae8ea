using VNetLab.Addressing;
using VNetLab.Model;

namespace VNetLab.Security;

/// <summary>One prefix of a <c>VirtualNetwork</c> tag and where it comes from, so an explanation can say why an address is "in the VNet".</summary>
/// <param name="Prefix">The prefix.</param>
/// <param name="Origin">Which rule of the tag put it there.</param>
/// <param name="From">The resource that contributed it: the VNet, the peering, the route; null for the host IP and gateway prefixes.</param>
public readonly record struct VirtualNetworkTagPrefix(IpPrefix Prefix, VirtualNetworkTagPrefixOrigin Origin, ResourceId? From)
{
    public override string ToString() => From is null ? $"{Prefix} ({Origin})" : $"{Prefix} ({Origin} {From.Name})";
}
