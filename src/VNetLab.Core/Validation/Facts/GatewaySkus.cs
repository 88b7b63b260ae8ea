using System.Collections.Immutable;
using VNetLab.Model;

namespace VNetLab.Validation.Facts;

/// <summary>Virtual network gateway SKUs and what each allows (constraints.md 3.3–3.16).</summary>
internal static class GatewaySkus
{
    /// <summary>SKUs a VPN gateway may have (constraints.md §3 header; legacy Standard and HighPerformance included).</summary>
    public static ImmutableArray<string> Vpn { get; } =
    [
        "Basic", "VpnGw1", "VpnGw2", "VpnGw3", "VpnGw4", "VpnGw5",
        "VpnGw1AZ", "VpnGw2AZ", "VpnGw3AZ", "VpnGw4AZ", "VpnGw5AZ", "Standard", "HighPerformance",
    ];

    /// <summary>SKUs an ExpressRoute gateway may have.</summary>
    public static ImmutableArray<string> ExpressRoute { get; } =
        ["Standard", "HighPerformance", "UltraPerformance", "ErGw1AZ", "ErGw2AZ", "ErGw3AZ", "ErGwScale"];

    public static bool Is(string? sku, string name) => string.Equals(sku, name, StringComparison.OrdinalIgnoreCase);

    public static bool IsBasic(VirtualNetworkGateway gateway) =>
        gateway.GatewayType == VirtualNetworkGatewayType.Vpn && Is(gateway.SkuName, "Basic");

    /// <summary>The SKUs valid for a gateway type; empty for types validation does not check.</summary>
    public static ImmutableArray<string> ValidFor(VirtualNetworkGatewayType type) => type switch
    {
        VirtualNetworkGatewayType.Vpn => Vpn,
        VirtualNetworkGatewayType.ExpressRoute => ExpressRoute,
        _ => [],
    };

    /// <summary>
    /// The one generation a VPN SKU exists in, or null when it exists in both or the table does not say:
    /// VpnGw4/5 only as Generation2, VpnGw1 only as Generation1 (constraints.md 3.4, partly INFERRED).
    /// </summary>
    public static string? OnlyGenerationOf(string sku) => sku.ToUpperInvariant() switch
    {
        "VPNGW1" or "VPNGW1AZ" => "Generation1",
        "VPNGW4" or "VPNGW4AZ" or "VPNGW5" or "VPNGW5AZ" => "Generation2",
        _ => null,
    };

    /// <summary>
    /// Site-to-site and VNet-to-VNet tunnels a VPN gateway supports, or null when the documentation consulted
    /// does not give the number (legacy SKUs): Basic 10 (policy-based 1), VpnGw1–3 30, VpnGw4–5 100 (3.10, 3.11).
    /// </summary>
    public static int? TunnelLimit(VirtualNetworkGateway gateway)
    {
        var sku = gateway.SkuName?.ToUpperInvariant();
        return sku switch
        {
            "BASIC" => gateway.VpnType == VpnType.PolicyBased ? 1 : 10,
            "VPNGW1" or "VPNGW2" or "VPNGW3" or "VPNGW1AZ" or "VPNGW2AZ" or "VPNGW3AZ" => 30,
            "VPNGW4" or "VPNGW5" or "VPNGW4AZ" or "VPNGW5AZ" => 100,
            _ => null,
        };
    }

    /// <summary>
    /// Circuits an ExpressRoute gateway can connect (constraints.md 3.16): Standard/ErGw1AZ 4,
    /// HighPerformance/ErGw2AZ 8, UltraPerformance/ErGw3AZ 16; null when unknown (ErGwScale).
    /// </summary>
    public static int? CircuitLimit(string? sku) => sku?.ToUpperInvariant() switch
    {
        "STANDARD" or "ERGW1AZ" => 4,
        "HIGHPERFORMANCE" or "ERGW2AZ" => 8,
        "ULTRAPERFORMANCE" or "ERGW3AZ" => 16,
        _ => null,
    };

    /// <summary>Circuits from one peering location that can be linked to a virtual network (3.16, 4.12).</summary>
    public const int CircuitsPerPeeringLocation = 4;

    /// <summary>Circuits at which an ExpressRoute gateway needs a /26 GatewaySubnet (3.3).</summary>
    public const int CircuitsNeedingSlash26 = 16;
}
