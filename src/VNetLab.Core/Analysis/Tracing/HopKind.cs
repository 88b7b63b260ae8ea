namespace VNetLab.Analysis.Tracing;

/// <summary>The kinds of place a hop can be.</summary>
public enum HopKind
{
    NetworkInterface,
    Subnet,
    VirtualNetworkGateway,
    AzureFirewall,
    ExternalSite,
    LocalNetworkGateway,
    Internet,
}
