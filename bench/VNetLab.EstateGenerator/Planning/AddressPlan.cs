namespace VNetLab.EstateGenerator.Planning;

/// <summary>
/// Where every address comes from. Azure and on-premises ranges never overlap, so peering and
/// ExpressRoute never meet an overlap rule the generator did not mean to break:
/// <list type="bullet">
/// <item>on-premises: 10.0.0.0/10, 10.64.0.0/11 and 172.16.0.0/13 (advertised over ExpressRoute);</item>
/// <item>ExpressRoute peering links: /30s of 10.96.0.0/16;</item>
/// <item>hubs: a /22 each from 10.124.0.0/14, the last /22 kept unallocated for the planted subnet-outside-VNet;</item>
/// <item>spokes: consecutive blocks of 10.128.0.0/9, so a hub's spokes sum up to a few aggregates;</item>
/// <item>VPN branches: 192.168.h.0/24, their public peers in 198.51.100.0/24 (a documentation range).</item>
/// </list>
/// </summary>
internal static class AddressPlan
{
    public static readonly Ipv4Prefix HubPool = Ipv4Prefix.Parse("10.124.0.0/14");

    public static readonly Ipv4Prefix SpokePool = Ipv4Prefix.Parse("10.128.0.0/9");

    /// <summary>Space no VNet owns: the planted out-of-range subnet takes its prefix from here.</summary>
    public static readonly Ipv4Prefix UnallocatedBlock = Ipv4Prefix.Parse("10.127.252.0/22");

    public static readonly Ipv4Prefix ExpressRouteLinks = Ipv4Prefix.Parse("10.96.0.0/16");

    public static readonly Ipv4Prefix BranchPool = Ipv4Prefix.Parse("192.168.0.0/16");

    public static readonly Ipv4Prefix BranchPublicPeers = Ipv4Prefix.Parse("198.51.100.0/24");

    /// <summary>The corporate network's own ranges: what its external site owns and NSGs call "on-premises".</summary>
    public static readonly Ipv4Prefix[] OnPremisesAggregates =
    [
        Ipv4Prefix.Parse("10.0.0.0/10"),
        Ipv4Prefix.Parse("10.64.0.0/11"),
        Ipv4Prefix.Parse("172.16.0.0/13"),
    ];

    public const int HubLength = 22;

    /// <summary>Azure reserves the first four addresses of a subnet (constraints.md 2.7): hosts start at .4.</summary>
    public const uint FirstHostOffset = 4;

    /// <summary>Host bits of a spoke subnet: at least a /26, enough for the NICs plus Azure's five reserved addresses.</summary>
    public static int SubnetHostBits(EstateGeneratorOptions options) => Math.Max(6, CeilingLog2(options.NicsPerSubnet + 5));

    /// <summary>Prefix length of a spoke VNet: room for every subnet of the spoke.</summary>
    public static int SpokeLength(EstateGeneratorOptions options) =>
        32 - SubnetHostBits(options) - CeilingLog2(options.SubnetsPerSpoke);

    public static ulong SpokeSpaceNeeded(EstateGeneratorOptions options) => (ulong)options.Spokes << (32 - SpokeLength(options));

    /// <summary>The hub VNet's /22 and its subnets.</summary>
    public static Ipv4Prefix Hub(int hubIndex) => HubPool.Subdivide(HubLength, hubIndex);

    /// <summary>The smallest n with 2^n ≥ value.</summary>
    public static int CeilingLog2(int value) => value <= 1 ? 0 : 32 - System.Numerics.BitOperations.LeadingZeroCount((uint)(value - 1));
}
