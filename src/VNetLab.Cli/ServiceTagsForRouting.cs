using System.Collections.Immutable;
using VNetLab.Addressing;
using VNetLab.Security;

namespace VNetLab.Cli;

/// <summary>
/// The routing engine takes service tags as plain name → prefixes (it must not depend on the security
/// engine's types); this is the one place that turns the security engine's tag set into that form.
/// </summary>
internal static class ServiceTagsForRouting
{
    public static IReadOnlyDictionary<string, ImmutableArray<IpPrefix>> From(ServiceTagSet tags) =>
        tags.Tags.ToDictionary(t => t.Name, t => t.AddressPrefixes, StringComparer.OrdinalIgnoreCase);
}
