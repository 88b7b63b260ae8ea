using VNetLab.Addressing;

namespace VNetLab.Model;

/// <summary>A user-defined route (Microsoft.Network/routeTables/routes).</summary>
public sealed record Route : Resource
{
    /// <summary>The destination as given: a CIDR, or a service tag such as <c>AzureCloud.WestEurope</c>.</summary>
    public required string AddressPrefix { get; init; }

    /// <summary>The parsed CIDR; null when <see cref="AddressPrefix"/> is a service tag (or invalid, which validation reports).</summary>
    public IpPrefix? Prefix { get; init; }

    /// <summary>False when <see cref="AddressPrefix"/> had host bits set (Azure rejects it: InvalidCIDRNotation).</summary>
    public bool IsPrefixCanonical { get; init; } = true;

    public required RouteNextHopType NextHopType { get; init; }

    /// <summary>Only meaningful with <see cref="RouteNextHopType.VirtualAppliance"/>.</summary>
    public IpAddress? NextHopIpAddress { get; init; }

    /// <summary>The next hop IP as given, kept when it did not parse so validation can name it.</summary>
    public string? NextHopIpAddressText { get; init; }

    public ResourceId RouteTableId => Id.Parent ?? Id;
}

/// <summary>The next hop types a user route may name, spelled as in the ARM API.</summary>
public enum RouteNextHopType
{
    VirtualNetworkGateway,
    VnetLocal,
    Internet,
    VirtualAppliance,
    None,
}
