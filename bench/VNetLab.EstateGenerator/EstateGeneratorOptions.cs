using System.Collections.Immutable;
using System.Globalization;

namespace VNetLab.EstateGenerator;

/// <summary>
/// What to generate: how many hubs and spokes, how big each spoke is, how many prefixes on-premises
/// advertises, how many rules each spoke NSG and how many routes each spoke route table holds, and the
/// seed. The same options always give the same bytes.
/// </summary>
/// <remarks>
/// The limits in <see cref="Validate"/> are Azure's own where Azure has one (constraints.md 1.15, 6.6,
/// 7.13 and the ExpressRoute private-peering route limit), so a generated estate never breaks a quota by
/// accident; the only platform rules it breaks are the deliberate ones listed in the manifest.
/// </remarks>
public sealed record EstateGeneratorOptions
{
    /// <summary>Azure allows 500 peerings per VNet (constraints.md 1.15); a hub peers with its spokes and the other hubs.</summary>
    public const int MaxPeeringsPerVirtualNetwork = 500;

    /// <summary>Routes per route table (constraints.md 6.6).</summary>
    public const int MaxRoutesPerRouteTable = 400;

    /// <summary>Rules per NSG (constraints.md 7.13).</summary>
    public const int MaxRulesPerNetworkSecurityGroup = 1000;

    /// <summary>Prefixes a Premium circuit accepts on private peering (10,000; a Standard circuit accepts 4,000).</summary>
    public const int MaxOnPremisesPrefixes = 10_000;

    /// <summary>Prefixes a Standard circuit accepts on private peering; above this the circuits are Premium.</summary>
    public const int StandardCircuitPrefixLimit = 4_000;

    /// <summary>Hubs get a /22 each from 10.124.0.0/14 and a VPN branch site from 198.51.100.0/24 each.</summary>
    public const int MaxHubs = 200;

    /// <summary>Keeps every subnet inside a /24: 251 usable addresses after Azure's five reserved ones (constraints.md 2.7).</summary>
    public const int MaxNicsPerSubnet = 251;

    public const int MaxSubnetsPerSpoke = 64;

    public int Hubs { get; init; } = 2;

    public int Spokes { get; init; } = 48;

    public int SubnetsPerSpoke { get; init; } = 3;

    public int NicsPerSubnet { get; init; } = 2;

    /// <summary>Prefixes the on-premises network advertises over ExpressRoute (VPN branches add one each).</summary>
    public int OnPremisesPrefixes { get; init; } = 200;

    /// <summary>Custom security rules in each spoke's NSG.</summary>
    public int NsgRules { get; init; } = 20;

    /// <summary>Routes in each spoke route table; 0 gives spokes no route tables.</summary>
    public int Udrs { get; init; } = 5;

    public int Seed { get; init; } = 1;

    /// <summary>Whether to plant the deliberate platform-rule violations the manifest lists.</summary>
    public bool IncludeViolations { get; init; } = true;

    /// <summary>About 50 VNets, 150 subnets and 300 NICs: unit tests and quick trials.</summary>
    public static EstateGeneratorOptions Small { get; } = new()
    {
        Hubs = 2, Spokes = 48, SubnetsPerSpoke = 3, NicsPerSubnet = 2, OnPremisesPrefixes = 200, NsgRules = 20, Udrs = 5,
    };

    /// <summary>1,000 VNets, about 4,000 subnets and 16,000 NICs.</summary>
    public static EstateGeneratorOptions Medium { get; } = new()
    {
        Hubs = 4, Spokes = 996, SubnetsPerSpoke = 4, NicsPerSubnet = 4, OnPremisesPrefixes = 1_000, NsgRules = 50, Udrs = 10,
    };

    /// <summary>
    /// The enterprise estate of issue #7: 10,000 VNets, 50,000 subnets, about 200,000 NICs (199,600),
    /// 4,000 on-premises prefixes and 200-rule NSGs. 25 hubs keep each hub under Azure's 500 peerings.
    /// </summary>
    public static EstateGeneratorOptions Large { get; } = new()
    {
        Hubs = 25, Spokes = 9_975, SubnetsPerSpoke = 5, NicsPerSubnet = 4, OnPremisesPrefixes = 4_000, NsgRules = 200, Udrs = 20,
    };

    /// <summary>The preset names <c>vnetlab generate --preset</c> accepts.</summary>
    public static ImmutableArray<string> PresetNames { get; } = ["small", "medium", "large"];

    /// <summary>The preset called <paramref name="name"/> (case-insensitive), or null.</summary>
    public static EstateGeneratorOptions? Preset(string name) => name.ToLowerInvariant() switch
    {
        "small" => Small,
        "medium" => Medium,
        "large" => Large,
        _ => null,
    };

    /// <summary>
    /// The scaling series for growth measurements: <paramref name="factor"/> times as many hubs and spokes
    /// as the 1× estate (1 hub, 63 spokes: 64 VNets), everything per spoke unchanged, so a linear engine
    /// costs <paramref name="factor"/> times as much.
    /// </summary>
    public static EstateGeneratorOptions Scaling(int factor)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(factor, 1);
        return new()
        {
            Hubs = factor, Spokes = 63 * factor, SubnetsPerSpoke = 4, NicsPerSubnet = 4, OnPremisesPrefixes = 1_000, NsgRules = 50, Udrs = 10,
        };
    }

    /// <summary>VNets in the estate: hubs plus spokes.</summary>
    public int VirtualNetworks => Hubs + Spokes;

    /// <summary>Problems with these options, each a sentence naming the option and the limit; empty when usable.</summary>
    public ImmutableArray<string> Validate()
    {
        var problems = ImmutableArray.CreateBuilder<string>();
        Range(problems, "--hubs", Hubs, 1, MaxHubs, "each hub takes a /22 of 10.124.0.0/14 and a VPN branch address of 198.51.100.0/24");
        Range(problems, "--spokes", Spokes, 0, int.MaxValue, null);
        Range(problems, "--subnets-per-spoke", SubnetsPerSpoke, 1, MaxSubnetsPerSpoke, null);
        Range(problems, "--nics-per-subnet", NicsPerSubnet, 0, MaxNicsPerSubnet, "a /24 subnet has 251 usable addresses (Azure reserves five)");
        Range(problems, "--onprem-prefixes", OnPremisesPrefixes, 1, MaxOnPremisesPrefixes,
            "an ExpressRoute Premium circuit accepts 10,000 prefixes on private peering");
        Range(problems, "--nsg-rules", NsgRules, 0, MaxRulesPerNetworkSecurityGroup, "Azure allows 1,000 rules per NSG (constraints.md 7.13)");
        Range(problems, "--udrs", Udrs, 0, MaxRoutesPerRouteTable, "Azure allows 400 routes per route table (constraints.md 6.6)");
        if (problems.Count > 0)
        {
            return problems.ToImmutable();
        }

        var spokesPerHub = Planning.EstatePlan.MostSpokesPerHub(this);
        if (spokesPerHub > MaxRoutesPerRouteTable)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture,
                $"--hubs {Hubs} with --spokes {Spokes} gives a hub {spokesPerHub} spokes; its GatewaySubnet route table holds one route per spoke and Azure allows {MaxRoutesPerRouteTable} (constraints.md 6.6). Use more hubs."));
        }

        var peeringsPerHub = spokesPerHub + (Hubs - 1) + (IncludeViolations ? 1 : 0);
        if (peeringsPerHub > MaxPeeringsPerVirtualNetwork)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture,
                $"--hubs {Hubs} with --spokes {Spokes} gives a hub {peeringsPerHub} peerings; Azure allows {MaxPeeringsPerVirtualNetwork} per VNet (constraints.md 1.15). Use more hubs."));
        }

        var spokeSpace = Planning.AddressPlan.SpokeSpaceNeeded(this);
        if (spokeSpace > Planning.AddressPlan.SpokePool.Size)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture,
                $"{Spokes} spokes of /{Planning.AddressPlan.SpokeLength(this)} need {spokeSpace:N0} addresses; the spoke pool {Planning.AddressPlan.SpokePool} holds {Planning.AddressPlan.SpokePool.Size:N0}. Use fewer spokes, subnets or NICs."));
        }

        return problems.ToImmutable();
    }

    private static void Range(ImmutableArray<string>.Builder problems, string option, int value, int min, int max, string? why)
    {
        if (value < min || value > max)
        {
            var bounds = max == int.MaxValue
                ? string.Create(CultureInfo.InvariantCulture, $"at least {min}")
                : string.Create(CultureInfo.InvariantCulture, $"from {min} to {max}");
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{option} is {value}; it must be {bounds}") + (why is null ? "." : $" ({why})."));
        }
    }
}
