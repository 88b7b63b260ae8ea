namespace VNetLab.Security;

/// <summary>The service tags whose meaning the twin knows without a service-tags file (semantics.md §4.5, §4.8).</summary>
public static class ServiceTagNames
{
    /// <summary>Computed per subnet: VNet space, peered spaces, gateway-learned prefixes, UDR prefixes, 168.63.129.16.</summary>
    public const string VirtualNetwork = "VirtualNetwork";

    public const string Internet = "Internet";

    /// <summary>168.63.129.16/32, where Azure's health probes come from.</summary>
    public const string AzureLoadBalancer = "AzureLoadBalancer";

    /// <summary>The platform DNS at 168.63.129.16; a rule naming it filters traffic otherwise exempt (semantics.md §4.8).</summary>
    public const string AzurePlatformDns = "AzurePlatformDNS";

    /// <summary>The instance metadata service at 169.254.169.254; a rule naming it filters traffic otherwise exempt.</summary>
    public const string AzurePlatformImds = "AzurePlatformIMDS";

    /// <summary>Windows licence activation; its addresses are not documented, so only a service-tags file can define it.</summary>
    public const string AzurePlatformLkm = "AzurePlatformLKM";

    /// <summary>
    /// True for the tags whose rules apply to platform traffic (to 168.63.129.16 and 169.254.169.254), which no
    /// other rule filters.
    /// </summary>
    public static bool IsPlatformServiceTag(string name) =>
        name.Equals(AzurePlatformDns, StringComparison.OrdinalIgnoreCase)
        || name.Equals(AzurePlatformImds, StringComparison.OrdinalIgnoreCase)
        || name.Equals(AzurePlatformLkm, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Whether a rule's text names <c>VirtualNetwork</c> (as <see cref="Canonical"/> reads it), without the upper-cased
    /// copy <see cref="Canonical"/> makes: every NSG's default rules ask it.
    /// </summary>
    public static bool NamesVirtualNetwork(string text)
    {
        var trimmed = text.AsSpan().Trim();
        return trimmed.Equals(VirtualNetwork, StringComparison.OrdinalIgnoreCase)
            || trimmed.Equals("VIRTUAL_NETWORK", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The tag a rule's text names, or null: matched case-insensitively (the seed's PowerShell wrote
    /// <c>INTERNET</c>), with the classic spellings <c>VIRTUAL_NETWORK</c> and <c>AZURE_LOADBALANCER</c> read as
    /// their ARM names.
    /// </summary>
    public static string Canonical(string text) => NamesVirtualNetwork(text) ? VirtualNetwork : text.Trim().ToUpperInvariant() switch
    {
        "INTERNET" => Internet,
        "AZURELOADBALANCER" or "AZURE_LOADBALANCER" => AzureLoadBalancer,
        _ => text.Trim(),
    };
}
