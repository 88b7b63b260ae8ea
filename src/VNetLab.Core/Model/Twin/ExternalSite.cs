using System.Collections.Immutable;
using VNetLab.Addressing;

namespace VNetLab.Model;

/// <summary>
/// VNetLab/externalSites: a network outside Azure (the company's on-premises network, a proxy supplier)
/// that Azure resources do not describe. It says what the site owns and what it advertises by BGP, and
/// which connection, local network gateway or ExpressRoute circuit peering it is reached through (DESIGN.md).
/// </summary>
public sealed record ExternalSite : TrackedResource
{
    public long? Asn { get; init; }

    /// <summary>The addresses the site owns (where packets to them are delivered).</summary>
    public ImmutableArray<IpPrefix> AddressSpace { get; init; } = [];

    /// <summary>The prefixes it announces by BGP (e.g. 0.0.0.0/1 and 128.0.0.0/1 for seed 000's proxy supplier).</summary>
    public ImmutableArray<IpPrefix> AdvertisedPrefixes { get; init; } = [];

    /// <summary>Ids of local network gateways, connections, ExpressRoute circuits or circuit peerings.</summary>
    public ImmutableArray<ResourceId> AttachedTo { get; init; } = [];

    public ExternalSiteRole Role { get; init; } = ExternalSiteRole.Other;
}

/// <summary>What an external site is for; spelled in the input as <c>internet-proxy</c>, <c>on-premises</c>, <c>internet</c>, <c>other</c>.</summary>
public enum ExternalSiteRole
{
    InternetProxy,
    OnPremises,
    Internet,
    Other,
}
