using VNetLab.Addressing;
using VNetLab.Model;

namespace VNetLab.Analysis.Tracing;

/// <summary>Where a trace starts: a NIC, a subnet (for an address no NIC holds), an external site, or the Internet.</summary>
public sealed record TraceEndpoint(TraceEndpointKind Kind, Resource? Resource)
{
    public static TraceEndpoint Internet { get; } = new(TraceEndpointKind.Internet, null);

    public static TraceEndpoint Of(NetworkInterface nic) => new(TraceEndpointKind.NetworkInterface, nic);

    public static TraceEndpoint Of(Subnet subnet) => new(TraceEndpointKind.Subnet, subnet);

    public static TraceEndpoint Of(ExternalSite site) => new(TraceEndpointKind.ExternalSite, site);

    /// <summary>The endpoint that holds <paramref name="address"/>: its NIC, else its subnet, else the external site, else the Internet.</summary>
    public static TraceEndpoint At(EstateAddresses addresses, IpAddress address) =>
        addresses.NetworkInterfaceAt(address) is { } nic ? Of(nic)
        : addresses.SubnetAt(address) is { } subnet ? Of(subnet)
        : addresses.ExternalSiteAt(address) is { } site ? Of(site)
        : Internet;

    public string Name => Resource?.Name ?? "Internet";

    public override string ToString() => $"{Kind} {Name}";
}
