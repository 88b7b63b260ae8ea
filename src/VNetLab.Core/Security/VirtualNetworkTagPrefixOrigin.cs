namespace VNetLab.Security;

/// <summary>Why a prefix is in a subnet's <c>VirtualNetwork</c> tag (semantics.md §4.5).</summary>
public enum VirtualNetworkTagPrefixOrigin
{
    /// <summary>The address space of the subnet's own VNet.</summary>
    AddressSpace,

    /// <summary>The address space of a directly peered VNet.</summary>
    PeeredVirtualNetwork,

    /// <summary>A prefix the VNet's gateway (or the hub gateway it uses) learned: on-premises and VNet-to-VNet spaces.</summary>
    Gateway,

    /// <summary>The address prefix of a user-defined route in the subnet's route table.</summary>
    UserDefinedRoute,

    /// <summary>168.63.129.16/32, the host's virtual IP, which Azure always lists.</summary>
    HostVirtualIp,
}
