namespace VNetLab.Routing;

/// <summary>
/// How gateway routes with two next hop addresses (active-active VPN gateways) are listed. Azure changed
/// this over time: 2020-2023 captures have one entry per address, 2024-2025 captures one entry holding
/// both (shared/azure/semantics.md §3.10, §7.4).
/// </summary>
public enum GatewayNextHopShape
{
    /// <summary>One entry whose <c>nextHopIpAddress</c> holds every address (current behaviour; the default).</summary>
    OneEntryWithAllAddresses,

    /// <summary>One entry per next hop address, as 2020-2023 output showed.</summary>
    OneEntryPerAddress,
}
