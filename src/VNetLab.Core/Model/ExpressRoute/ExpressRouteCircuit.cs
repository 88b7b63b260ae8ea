using System.Collections.Immutable;

namespace VNetLab.Model;

/// <summary>Microsoft.Network/expressRouteCircuits.</summary>
public sealed record ExpressRouteCircuit : TrackedResource
{
    /// <summary><c>sku.tier</c>: <c>Standard</c>, <c>Premium</c>, <c>Basic</c> or <c>Local</c>.</summary>
    public string? SkuTier { get; init; }

    /// <summary><c>sku.family</c>: <c>MeteredData</c> or <c>UnlimitedData</c>.</summary>
    public string? SkuFamily { get; init; }

    public string? SkuName { get; init; }

    public string? ServiceProviderName { get; init; }

    public string? PeeringLocation { get; init; }

    public int? BandwidthInMbps { get; init; }

    /// <summary><c>NotProvisioned</c>, <c>Provisioning</c>, <c>Provisioned</c> or <c>Deprovisioning</c>, as given.</summary>
    public string? ServiceProviderProvisioningState { get; init; }

    public bool GlobalReachEnabled { get; init; }

    public bool AllowClassicOperations { get; init; }

    public ImmutableArray<ExpressRouteCircuitPeering> Peerings { get; init; } = [];

    public ImmutableArray<ExpressRouteCircuitAuthorization> Authorizations { get; init; } = [];

    public bool IsPremium => string.Equals(SkuTier, "Premium", StringComparison.OrdinalIgnoreCase);
}

/// <summary>A circuit peering: <c>AzurePrivatePeering</c>, <c>MicrosoftPeering</c> or the retired <c>AzurePublicPeering</c>.</summary>
public sealed record ExpressRouteCircuitPeering : Resource
{
    public required string PeeringType { get; init; }

    public long? PeerAsn { get; init; }

    public long? AzureAsn { get; init; }

    public string? PrimaryPeerAddressPrefix { get; init; }

    public string? SecondaryPeerAddressPrefix { get; init; }

    public int? VlanId { get; init; }

    public string? State { get; init; }

    public ResourceId? RouteFilterId { get; init; }

    /// <summary><c>microsoftPeeringConfig.advertisedPublicPrefixes</c>.</summary>
    public ImmutableArray<string> AdvertisedPublicPrefixes { get; init; } = [];

    public ResourceId CircuitId => Id.Parent ?? Id;
}

public sealed record ExpressRouteCircuitAuthorization : Resource
{
    public string? AuthorizationUseStatus { get; init; }
}
