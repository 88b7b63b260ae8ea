using System.Collections.Immutable;
using VNetLab.Addressing;

namespace VNetLab.Model;

/// <summary>Microsoft.Network/networkInterfaces.</summary>
public sealed record NetworkInterface : TrackedResource
{
    public ImmutableArray<NetworkInterfaceIpConfiguration> IpConfigurations { get; init; } = [];

    /// <summary>Needed for a VM to forward traffic it did not originate (a virtual appliance).</summary>
    public bool EnableIpForwarding { get; init; }

    public ResourceId? NetworkSecurityGroupId { get; init; }

    public ResourceId? VirtualMachineId { get; init; }

    /// <summary>The primary IP configuration (flagged primary, else the first).</summary>
    /// <remarks>
    /// A loop, not <c>FirstOrDefault</c> with a predicate: every engine asks it of every NIC, and the delegate call per
    /// configuration was a measurable part of compiling every NIC's security at scale.
    /// </remarks>
    public NetworkInterfaceIpConfiguration? PrimaryIpConfiguration
    {
        get
        {
            foreach (var configuration in IpConfigurations)
            {
                if (configuration.Primary)
                {
                    return configuration;
                }
            }

            return IpConfigurations.IsEmpty ? null : IpConfigurations[0];
        }
    }
}

public sealed record NetworkInterfaceIpConfiguration : Resource
{
    public IpAddress? PrivateIpAddress { get; init; }

    /// <summary><c>Static</c> or <c>Dynamic</c>.</summary>
    public string? PrivateIpAllocationMethod { get; init; }

    public ResourceId? SubnetId { get; init; }

    public ResourceId? PublicIpAddressId { get; init; }

    public bool Primary { get; init; }

    public ImmutableArray<ResourceId> ApplicationSecurityGroupIds { get; init; } = [];

    public ResourceId NetworkInterfaceId => Id.Parent ?? Id;
}
