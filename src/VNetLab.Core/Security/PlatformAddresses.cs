using VNetLab.Addressing;

namespace VNetLab.Security;

/// <summary>
/// The two platform addresses whose traffic NSGs do not filter unless a rule names the platform service tags
/// (semantics.md §4.8; Learn "What is IP address 168.63.129.16").
/// </summary>
public static class PlatformAddresses
{
    /// <summary>168.63.129.16: DHCP, DNS, health probes, VM agent (the "virtual IP of the host").</summary>
    public static IpAddress HostVirtualIp { get; } = IpAddress.Parse("168.63.129.16");

    /// <summary>169.254.169.254: the instance metadata service.</summary>
    public static IpAddress InstanceMetadataService { get; } = IpAddress.Parse("169.254.169.254");

    /// <summary>Both addresses as a set.</summary>
    public static AddressSet All { get; } =
        AddressSet.FromAddress(HostVirtualIp).Union(AddressSet.FromAddress(InstanceMetadataService));

    public static bool Contains(IpAddress address) => address == HostVirtualIp || address == InstanceMetadataService;
}
