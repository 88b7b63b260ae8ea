namespace VNetLab.Validation.Facts;

/// <summary>BGP autonomous system numbers Azure does not let customers use (constraints.md 3.12; semantics.md 5.1).</summary>
internal static class BgpAsns
{
    /// <summary>The ASN a VNet gateway uses when none is given (and must keep for ER/VPN transit via Route Server).</summary>
    public const long AzureGatewayDefault = 65515;

    /// <summary>Microsoft's own ASN on every ExpressRoute peering.</summary>
    public const long Microsoft = 12076;

    /// <summary>Why the ASN of an Azure VNet gateway is not allowed, or null when it is (65515 is the default).</summary>
    public static string? ReservedForVirtualNetworkGateway(long asn) =>
        asn == AzureGatewayDefault ? null : Common(asn) ?? (asn is >= 65517 and <= 65520 ? AzurePrivate : null);

    /// <summary>Why the ASN of an on-premises VPN device (local network gateway) is not allowed, or null when it is.</summary>
    public static string? ReservedForOnPremises(long asn) =>
        Common(asn) ?? (asn is 65515 or (>= 65517 and <= 65520) ? AzurePrivate : null);

    /// <summary>Why the peer ASN of an ExpressRoute peering is not allowed, or null (65515–65520 are Azure's, per the ExpressRoute routing docs).</summary>
    public static string? ReservedForExpressRoutePeer(long asn) =>
        Common(asn) ?? (asn is >= 65515 and <= 65520 ? "Azure uses 65515–65520 internally" : null);

    private const string AzurePrivate = "Azure keeps the private ASNs 65515 and 65517–65520 for itself";

    private static string? Common(long asn) => asn switch
    {
        8074 or 8075 or Microsoft => "Azure's public ASNs are 8074, 8075 and 12076",
        23456 => "IANA reserves 23456 (AS_TRANS)",
        >= 64496 and <= 64511 => "IANA reserves 64496–64511 for documentation",
        >= 65535 and <= 65551 => "IANA reserves 65535–65551",
        4294967295 => "IANA reserves 4294967295",
        _ => null,
    };
}
