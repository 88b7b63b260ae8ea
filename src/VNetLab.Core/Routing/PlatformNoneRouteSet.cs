using System.Collections.Immutable;
using VNetLab.Addressing;

namespace VNetLab.Routing;

/// <summary>
/// The platform's <c>Default</c> routes with next hop <c>None</c>. Learn documents four prefixes, but real
/// effective route tables have shown other, longer lists over the years (shared/azure/semantics.md §2.1 and
/// §7.1), so the set is versioned data: pick the one that matches the Azure output you compare against.
/// </summary>
/// <param name="Name">The name used on the command line (<c>documented</c>, <c>2025</c>, ...).</param>
/// <param name="Prefixes">The None prefixes, in the order they are listed.</param>
/// <param name="Source">Where the list was seen.</param>
public sealed record PlatformNoneRouteSet(string Name, ImmutableArray<IpPrefix> Prefixes, string Source)
{
    /// <summary>The four prefixes of Learn's "Virtual network traffic routing" default route table (the default).</summary>
    public static PlatformNoneRouteSet Documented { get; } = Create("documented",
        "semantics.md 2.1: Learn udr-overview default system routes (2023 and later revisions)",
        "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10");

    /// <summary>The three prefixes shown before about 2020 (no 172.16.0.0/12).</summary>
    public static PlatformNoneRouteSet Observed2020 { get; } = Create("2020",
        "semantics.md 2.1: Learn 2017 revision and captured output 2018-2020",
        "10.0.0.0/8", "192.168.0.0/16", "100.64.0.0/10");

    /// <summary>The five prefixes of captures from December 2020 to March 2021.</summary>
    public static PlatformNoneRouteSet Observed2021 { get; } = Create("2021",
        "semantics.md 7.1: captures of December 2020 (northeurope) and March 2021 (eastus)",
        "10.0.0.0/8", "100.64.0.0/10", "192.168.0.0/16", "25.33.80.0/20", "25.41.3.0/25");

    /// <summary>The seventeen prefixes of an October 2023 westeurope capture.</summary>
    public static PlatformNoneRouteSet Observed2023 { get; } = Create("2023",
        "semantics.md 2.1: capture of 2023-10-17, westeurope",
        "10.0.0.0/8", "127.0.0.0/8", "100.64.0.0/10", "172.16.0.0/12", "25.48.0.0/12", "25.4.0.0/14",
        "198.18.0.0/15", "157.59.0.0/16", "192.168.0.0/16", "25.33.0.0/16", "40.109.0.0/16", "104.147.0.0/16",
        "104.146.0.0/17", "40.108.0.0/17", "23.103.0.0/18", "25.41.0.0/20", "20.35.252.0/22");

    /// <summary>The twenty-one prefixes of 2024-2025 captures (23 rows with VnetLocal and Internet).</summary>
    public static PlatformNoneRouteSet Observed2025 { get; } = Create("2025",
        "semantics.md 2.1: captures of 2024-2025 (swedencentral)",
        "10.0.0.0/8", "127.0.0.0/8", "100.64.0.0/10", "172.16.0.0/12", "25.176.0.0/13", "25.152.0.0/14",
        "25.184.0.0/14", "25.4.0.0/14", "25.148.0.0/15", "198.18.0.0/15", "25.150.0.0/16", "25.156.0.0/16",
        "25.159.0.0/16", "40.109.0.0/16", "192.168.0.0/16", "104.147.0.0/16", "157.59.0.0/16", "40.108.0.0/17",
        "104.146.0.0/17", "23.103.0.0/18", "20.35.252.0/22");

    /// <summary>Every known set, oldest first after the documented one.</summary>
    public static ImmutableArray<PlatformNoneRouteSet> All { get; } =
        [Documented, Observed2020, Observed2021, Observed2023, Observed2025];

    /// <summary>The set with this name (case-insensitive), or null.</summary>
    public static PlatformNoneRouteSet? Find(string name) =>
        All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

    private static PlatformNoneRouteSet Create(string name, string source, params string[] prefixes) =>
        new(name, [.. prefixes.Select(IpPrefix.Parse)], source);
}
