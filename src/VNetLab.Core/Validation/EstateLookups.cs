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
    /// configuration of that NIC): <c>child.Parent == parent</c>, which compares segment by segment as ARM compares
    /// ids (ignoring case). An id holds its parent, so this reads the parent ids only (one reference comparison when
    /// the import shared them, else their cached hashes and segments) and allocates nothing: matching the
    /// <see cref="ResourceId.Types"/> and <see cref="ResourceId.Names"/> arrays built two arrays per id per call.
    /// </summary>
    public static bool IsChildOf(this ResourceId child, ResourceId parent) => child.Parent is { } own && own.Equals(parent);

    /// <summary>True when both ids are children of one parent: <c>a.Parent == b.Parent</c> for two children.</summary>
    public static bool HasSameParentAs(this ResourceId a, ResourceId b) => a.Parent is { } parent && b.Parent is { } other && parent.Equals(other);

    /// <summary>
    /// The NIC an IP configuration belongs to, as <c>estate.Find&lt;NetworkInterface&gt;(ipConfiguration.NetworkInterfaceId)</c>
    /// answers it, for a configuration of <paramref name="holder"/>, one of the estate's NICs. When the configuration is
    /// the holder's own (it always is for an imported estate) the answer is the holder itself: an estate's top-level
    /// resources have distinct ids, so the holder is what its id finds. Looking it up instead read the estate's index
    /// at a random place per configuration, from memory on an estate larger than the cache. When the estate vouches that
    /// every configuration is under the NIC listing it (<see cref="Estate.IpConfigurationsAreUnderTheirNetworkInterfaces"/>),
    /// the configuration's id is not read at all.
    /// </summary>
    public static NetworkInterface? NetworkInterfaceOf(this Estate estate, NetworkInterfaceIpConfiguration ipConfiguration, NetworkInterface holder) =>
        estate.IpConfigurationsAreUnderTheirNetworkInterfaces || ipConfiguration.Id.IsChildOf(holder.Id)
            ? holder
            : estate.Find<NetworkInterface>(ipConfiguration.NetworkInterfaceId);
}
