using VNetLab.Model;

namespace VNetLab.Validation.Facts;

/// <summary>ExpressRoute circuit facts: SKU tiers, peering types and VNet link limits (constraints.md §5, 4.11).</summary>
internal static class ExpressRouteFacts
{
    public const string PrivatePeering = "AzurePrivatePeering";
    public const string MicrosoftPeering = "MicrosoftPeering";
    public const string Provisioned = "Provisioned";

    /// <summary>VNet links of a Local or Standard circuit, at every bandwidth (4.11).</summary>
    public const int StandardVnetLinks = 10;

    /// <summary>The largest Premium VNet link limit (10 Gbps and more).</summary>
    public const int MaxPremiumVnetLinks = 100;

    // Premium VNet links by bandwidth in Mbps (4.11): 50 → 20, 100 → 25, 200 → 25, 500 → 40, 1 Gbps → 50,
    // 2 Gbps → 60, 5 Gbps → 75, 10/40/100 Gbps → 100.
    private static readonly (int Mbps, int Links)[] _premiumLinks =
        [(10_000, 100), (5_000, 75), (2_000, 60), (1_000, 50), (500, 40), (100, 25), (0, 20)];

    public static bool IsTier(ExpressRouteCircuit circuit, string tier) =>
        string.Equals(circuit.SkuTier, tier, StringComparison.OrdinalIgnoreCase);

    public static bool IsPeeringType(ExpressRouteCircuitPeering peering, string type) =>
        string.Equals(peering.PeeringType, type, StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the provider provisioning state is given and is not Provisioned.</summary>
    public static bool IsKnownNotProvisioned(ExpressRouteCircuit circuit) =>
        circuit.ServiceProviderProvisioningState is { } state && !string.Equals(state, Provisioned, StringComparison.OrdinalIgnoreCase);

    /// <summary>The VNet link limit of a Premium circuit of the given bandwidth.</summary>
    public static int PremiumVnetLinks(int bandwidthMbps) => _premiumLinks.First(p => bandwidthMbps >= p.Mbps).Links;
}
