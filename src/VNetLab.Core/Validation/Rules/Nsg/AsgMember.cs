using VNetLab.Model;

namespace VNetLab.Validation.Rules.Nsg;

/// <summary>
/// An IP configuration in an application security group, with the NIC that lists it and the region of the NIC it
/// belongs to as the estate finds it (<see cref="EstateLookups.NetworkInterfaceOf"/>; the holder itself for an imported
/// estate). The region is read in the walk over every NIC, while the configuration and its NIC are in the cache, so that
/// checking an ASG's members later reads neither the configuration, its id nor a NIC again.
/// </summary>
internal readonly record struct AsgMember(NetworkInterfaceIpConfiguration IpConfiguration, NetworkInterface Holder, string? OwnerRegion = null)
{
    /// <summary>
    /// The VNet of the configuration's subnet (the subnet id's parent; null for no subnet or a subnet id without a
    /// parent), taken when the member is made, while the configuration and its subnet id are in the cache.
    /// </summary>
    public ResourceId? VirtualNetworkId { get; } = IpConfiguration.SubnetId is { IsChild: true } subnet ? subnet.Parent : null;
}
