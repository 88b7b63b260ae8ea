namespace VNetLab.EstateGenerator.Planning;

/// <summary>
/// A branch office reached by a site-to-site VPN with BGP from one hub: its local network gateway
/// (public peer address and BGP settings) and its external site (what it advertises).
/// </summary>
internal sealed record BranchPlan(HubPlan Hub)
{
    /// <summary>Private ASNs 65100 and up; they stay clear of Azure's reserved 65515–65520 (constraints.md 3.12).</summary>
    public long Asn => 65100 + Hub.Index;

    public string Name => $"branch-{Hub.Region.ShortName}-{Hub.Number:D2}";

    public string LocalNetworkGatewayName => $"lng-{Name}";

    public string LocalNetworkGatewayId => ArmIds.Of(Hub.Subscription, Hub.ResourceGroup, ArmIds.LocalNetworkGateways, LocalNetworkGatewayName);

    public Ipv4Prefix AddressSpace => AddressPlan.BranchPool.Subdivide(24, Hub.Index);

    /// <summary>The branch router's BGP address (the local network gateway's <c>bgpPeeringAddress</c>).</summary>
    public uint BgpPeerAddress => AddressSpace.Address(254);

    public uint PublicAddress => AddressPlan.BranchPublicPeers.Address((uint)Hub.Index + 1);
}
