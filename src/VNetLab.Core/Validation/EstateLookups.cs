using VNetLab.Model;

namespace VNetLab.Validation;

/// <summary>Small lookups several rules share.</summary>
internal static class EstateLookups
{
    /// <summary>
    /// The name of the subnet a reference points at, as the subnet itself spells it: ARM resolves ids
    /// case-insensitively, so a reference may write <c>gatewaysubnet</c> for the subnet <c>GatewaySubnet</c>.
    /// Falls back to the reference's last segment when the subnet is not in the estate.
    /// </summary>
    public static string SubnetName(this Estate estate, ResourceId subnetId) => estate.Find<Subnet>(subnetId)?.Name ?? subnetId.Name;

    /// <summary>
    /// True when <paramref name="child"/>'s parent is <paramref name="parent"/> (a subnet of that VNet, an IP
    /// configuration of that NIC): the answer of <c>child.Parent == parent</c>, compared segment by segment as ARM
    /// compares ids (ignoring case). <see cref="ResourceId.Parent"/> builds and hashes a new id on every call, which
    /// per NIC and per rule was a large part of what validation allocated.
    /// </summary>
    public static bool IsChildOf(this ResourceId child, ResourceId parent) =>
        child.Types.Length == parent.Types.Length + 1 && SameLeadingSegments(child, parent, parent.Types.Length);

    /// <summary>True when both ids are children of one parent: <c>a.Parent == b.Parent</c> for two children, without building either.</summary>
    public static bool HasSameParentAs(this ResourceId a, ResourceId b) =>
        a.IsChild && a.Types.Length == b.Types.Length && SameLeadingSegments(a, b, a.Types.Length - 1);

    /// <summary>
    /// The NIC an IP configuration belongs to, as <c>estate.Find&lt;NetworkInterface&gt;(ipConfiguration.NetworkInterfaceId)</c>
    /// answers it, without building the parent id when the configuration is <paramref name="holder"/>'s own (it always
    /// is for an imported estate).
    /// </summary>
    public static NetworkInterface? NetworkInterfaceOf(this Estate estate, NetworkInterfaceIpConfiguration ipConfiguration, NetworkInterface holder) =>
        estate.Find<NetworkInterface>(ipConfiguration.Id.IsChildOf(holder.Id) ? holder.Id : ipConfiguration.NetworkInterfaceId);

    private static bool SameLeadingSegments(ResourceId a, ResourceId b, int count)
    {
        if (!string.Equals(a.Subscription, b.Subscription, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(a.ResourceGroup, b.ResourceGroup, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(a.ProviderNamespace, b.ProviderNamespace, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        for (var i = count - 1; i >= 0; i--)
        {
            if (!string.Equals(a.Names[i], b.Names[i], StringComparison.OrdinalIgnoreCase)
                || !string.Equals(a.Types[i], b.Types[i], StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }
}
