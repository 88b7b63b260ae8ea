using System.Collections.Immutable;
using VNetLab.Addressing;

namespace VNetLab.Model;

/// <summary>Microsoft.Network/publicIPAddresses.</summary>
public sealed record PublicIpAddress : TrackedResource
{
    public IpAddress? IpAddress { get; init; }

    /// <summary><c>sku.name</c>: <c>Basic</c> or <c>Standard</c>.</summary>
    public string? SkuName { get; init; }

    public string? PublicIpAllocationMethod { get; init; }

    public ImmutableArray<string> Zones { get; init; } = [];

    /// <summary>The IP configuration (NIC, gateway, firewall) the address is attached to.</summary>
    public ResourceId? IpConfigurationId { get; init; }
}
