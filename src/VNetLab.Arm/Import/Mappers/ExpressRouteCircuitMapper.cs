using VNetLab.Model;

namespace VNetLab.Arm.Import.Mappers;

internal sealed class ExpressRouteCircuitMapper : IResourceMapper
{
    public string ResourceType => ResourceTypes.ExpressRouteCircuits;

    public Resource? Map(ResourceContext context)
    {
        var p = context.Properties;
        var sku = context.Resource.Object("sku");
        var provider = p.Object("serviceProviderProperties");
        return new ExpressRouteCircuit
        {
            Id = context.Id,
            Source = context.Location,
            Location = context.AzureLocation,
            SkuName = sku?.String("name"),
            SkuTier = sku?.String("tier"),
            SkuFamily = sku?.String("family"),
            ServiceProviderName = provider?.String("serviceProviderName"),
            PeeringLocation = provider?.String("peeringLocation"),
            BandwidthInMbps = provider?.Int("bandwidthInMbps") ?? p.Int("bandwidthInGbps") * 1000,
            ServiceProviderProvisioningState = p.String("serviceProviderProvisioningState"),
            GlobalReachEnabled = p.Bool("globalReachEnabled") ?? false,
            AllowClassicOperations = p.Bool("allowClassicOperations") ?? false,
            Peerings = [.. p.Objects("peerings").Select(c => context.Child(c, "peerings")).OfType<ResourceContext>()
                .Select(ExpressRouteCircuitPeeringMapper.MapPeering)],
            Authorizations = [.. p.Objects("authorizations").Select(c => context.Child(c, "authorizations")).OfType<ResourceContext>()
                .Select(ExpressRouteCircuitAuthorizationMapper.MapAuthorization)],
        };
    }
}

internal sealed class ExpressRouteCircuitPeeringMapper : IResourceMapper
{
    public string ResourceType => ResourceTypes.ExpressRouteCircuitPeerings;

    public Resource? Map(ResourceContext context) => MapPeering(context);

    public static ExpressRouteCircuitPeering MapPeering(ResourceContext context)
    {
        var p = context.Properties;
        return new ExpressRouteCircuitPeering
        {
            Id = context.Id,
            Source = context.Location,

            // The peering's name is its type (AzurePrivatePeering, MicrosoftPeering) when peeringType is omitted.
            PeeringType = p.String("peeringType") ?? context.Id.Name,
            PeerAsn = p.Long("peerASN"),
            AzureAsn = p.Long("azureASN"),
            PrimaryPeerAddressPrefix = p.String("primaryPeerAddressPrefix"),
            SecondaryPeerAddressPrefix = p.String("secondaryPeerAddressPrefix"),
            VlanId = p.Int("vlanId"),
            State = p.String("state"),
            RouteFilterId = p.Reference("routeFilter"),
            AdvertisedPublicPrefixes = p.Object("microsoftPeeringConfig")?.Strings("advertisedPublicPrefixes") ?? [],
        };
    }
}

internal sealed class ExpressRouteCircuitAuthorizationMapper : IResourceMapper
{
    public string ResourceType => ResourceTypes.ExpressRouteCircuitAuthorizations;

    public Resource? Map(ResourceContext context) => MapAuthorization(context);

    public static ExpressRouteCircuitAuthorization MapAuthorization(ResourceContext context) => new()
    {
        Id = context.Id,
        Source = context.Location,
        AuthorizationUseStatus = context.Properties.String("authorizationUseStatus"),
    };
}
