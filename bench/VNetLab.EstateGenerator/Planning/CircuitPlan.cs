namespace VNetLab.EstateGenerator.Planning;

/// <summary>
/// One ExpressRoute circuit per region that has hubs, landing at the region's peering location; every
/// hub of the region links its ExpressRoute gateway to it, and the corporate network is behind its
/// private peering.
/// </summary>
internal sealed record CircuitPlan(int Index, Region Region, string Subscription, bool Premium)
{
    public const string ResourceGroup = "rg-expressroute";

    public string Name => $"erc-{Region.ShortName}-equinix-01";

    public string Id => ArmIds.Of(Subscription, ResourceGroup, ArmIds.ExpressRouteCircuits, Name);

    public string PrivatePeeringId => ArmIds.Child(Id, "peerings", "AzurePrivatePeering");

    /// <summary>The primary and secondary /30 link subnets of the private peering.</summary>
    public Ipv4Prefix PrimaryLink => AddressPlan.ExpressRouteLinks.Subdivide(30, Index * 2);

    public Ipv4Prefix SecondaryLink => AddressPlan.ExpressRouteLinks.Subdivide(30, (Index * 2) + 1);
}
