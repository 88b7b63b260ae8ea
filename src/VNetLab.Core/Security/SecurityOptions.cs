using System.Collections.Immutable;
using VNetLab.Addressing;
using VNetLab.Model;

namespace VNetLab.Security;

/// <summary>What the security engine takes besides the estate.</summary>
public sealed record SecurityOptions
{
    public static SecurityOptions Default { get; } = new();

    /// <summary>The service tags to expand: the built-in ones, or those of a <c>ServiceTags_Public</c> file.</summary>
    public ServiceTagSet ServiceTags { get; init; } = ServiceTagSet.BuiltIn;

    /// <summary>
    /// The prefixes the gateway installs for each VNet (on-premises and VNet-to-VNet spaces, learned by BGP or from
    /// local network gateways), keyed by VNet id: they belong to the <c>VirtualNetwork</c> tag (semantics.md §4.5).
    /// They come from the routing engine; the analysis layer passes them in. Null when no routing result is at hand:
    /// the tag then lacks them and says so (VNL9104).
    /// </summary>
    public IReadOnlyDictionary<ResourceId, ImmutableArray<IpPrefix>>? GatewayPrefixes { get; init; }
}
