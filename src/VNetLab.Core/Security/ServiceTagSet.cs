using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using VNetLab.Addressing;

namespace VNetLab.Security;

/// <summary>
/// The service tags the security engine can expand, by case-insensitive name. <see cref="BuiltIn"/> holds the
/// tags whose contents are documented independently of Azure's weekly file (<c>Internet</c>,
/// <c>AzureLoadBalancer</c>, <c>AzurePlatformDNS</c>, <c>AzurePlatformIMDS</c>); a <c>ServiceTags_Public</c> file
/// adds the rest (read by <c>VNetLab.Arm.ServiceTags.ServiceTagsReader</c>). <c>VirtualNetwork</c> is never here: it
/// differs per subnet (<see cref="VirtualNetworkTag"/>).
/// </summary>
public sealed class ServiceTagSet
{
    /// <summary>
    /// The prefixes the <c>Internet</c> tag leaves out. A complete real expansion recorded in 2017 is exactly the
    /// IPv4 space minus these (semantics.md §4.5, open question 7.7); 172.31.0.100 and 10.10.10.10 are documented
    /// as outside the tag.
    /// </summary>
    public static ImmutableArray<IpPrefix> InternetExclusions { get; } =
    [
        .. new[]
        {
            "0.0.0.0/8", "10.0.0.0/8", "25.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16",
            "172.16.0.0/12", "192.0.2.0/24", "192.168.0.0/16", "198.18.0.0/15", "224.0.0.0/3",
        }.Select(IpPrefix.Parse),
    ];

    /// <summary>
    /// The exclusions other than RFC 1918, where sources disagree or say nothing: an address there makes a verdict
    /// that depends on the <c>Internet</c> tag an assumption (VNL9101).
    /// </summary>
    public static AddressSet InternetUndocumentedRanges { get; } = AddressSet.FromPrefixes(
        InternetExclusions.Where(p => !IsRfc1918(p)));

    private readonly FrozenDictionary<string, ServiceTag> _byName;

    private ServiceTagSet(IEnumerable<ServiceTag> tags, string source)
    {
        var byName = new Dictionary<string, ServiceTag>(StringComparer.OrdinalIgnoreCase);
        foreach (var tag in tags)
        {
            // Later definitions win: a file may refine a built-in tag, never the other way round.
            byName[tag.Name] = tag;
        }

        _byName = byName.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        Tags = [.. _byName.Values.OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase)];
        Source = source;
    }

    /// <summary>The tags whose expansion Azure documents; used when no service-tags file is given.</summary>
    public static ServiceTagSet BuiltIn { get; } = new(
        [
            new ServiceTag(ServiceTagNames.Internet,
                AddressSet.FromPrefixes(InternetExclusions).Complement().OfFamily(IpFamily.V4).ToPrefixes()),
            new ServiceTag(ServiceTagNames.AzureLoadBalancer, [IpPrefix.Host(PlatformAddresses.HostVirtualIp)]),
            new ServiceTag(ServiceTagNames.AzurePlatformDns, [IpPrefix.Host(PlatformAddresses.HostVirtualIp)]),
            new ServiceTag(ServiceTagNames.AzurePlatformImds, [IpPrefix.Host(PlatformAddresses.InstanceMetadataService)]),
        ],
        "built-in");

    /// <summary>Every tag, by name.</summary>
    public ImmutableArray<ServiceTag> Tags { get; }

    /// <summary>Where the tags came from: <c>built-in</c>, or the file and change number a reader recorded.</summary>
    public string Source { get; }

    /// <summary>
    /// The built-in tags plus <paramref name="tags"/> (a service-tags file). A file's tag replaces a built-in one
    /// of the same name, except <c>Internet</c>, whose documented meaning is not a published list.
    /// </summary>
    public static ServiceTagSet WithBuiltIns(IEnumerable<ServiceTag> tags, string source) =>
        new([.. BuiltIn.Tags, .. tags.Where(t => !t.Name.Equals(ServiceTagNames.Internet, StringComparison.OrdinalIgnoreCase)
            && !t.Name.Equals(ServiceTagNames.VirtualNetwork, StringComparison.OrdinalIgnoreCase))], source);

    public bool TryGet(string name, [MaybeNullWhen(false)] out ServiceTag tag) =>
        _byName.TryGetValue(ServiceTagNames.Canonical(name), out tag);

    public bool Contains(string name) => _byName.ContainsKey(ServiceTagNames.Canonical(name));

    private static bool IsRfc1918(IpPrefix prefix) =>
        prefix == IpPrefix.Parse("10.0.0.0/8") || prefix == IpPrefix.Parse("172.16.0.0/12") || prefix == IpPrefix.Parse("192.168.0.0/16");
}
