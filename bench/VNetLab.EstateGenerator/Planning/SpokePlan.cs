using System.Collections.Immutable;

namespace VNetLab.EstateGenerator.Planning;

/// <summary>
/// One spoke: a landing-zone VNet with web/app/db subnets, one NSG and three application security groups
/// for the tiers, maybe a route table sending traffic to its hub's firewall, NICs with VMs, and a peering
/// to its hub that uses the hub's gateways.
/// </summary>
internal sealed record SpokePlan
{
    public required int Index { get; init; }

    public required HubPlan Hub { get; init; }

    /// <summary>The spoke's region: its hub's, or the next region for a global spoke (peered across regions).</summary>
    public required Region Region { get; init; }

    public required string Subscription { get; init; }

    /// <summary>The landing-zone folder the spoke's file is written to.</summary>
    public required string LandingZone { get; init; }

    public required Ipv4Prefix AddressSpace { get; init; }

    public required ImmutableArray<SubnetPlan> Subnets { get; init; }

    /// <summary>False for a sandbox spoke: peered for firewall access but cut off from the hub's gateways (no transit either side).</summary>
    public required bool UsesHubGateways { get; init; }

    public required bool HasRouteTable { get; init; }

    /// <summary>"Propagate gateway routes" = No on the spoke's route table: everything goes to the firewall.</summary>
    public required bool DisableBgpRoutePropagation { get; init; }

    /// <summary>Planted violation (constraints.md 1.1): a second peering, to this hub, also with useRemoteGateways.</summary>
    public HubPlan? SecondHub { get; init; }

    /// <summary>Planted violation (constraints.md 2.3): the last subnet's prefix lies outside the VNet.</summary>
    public bool HasSubnetOutsideVirtualNetwork { get; init; }

    /// <summary>Planted violation (constraints.md 6.1): two routes of the route table share a prefix.</summary>
    public bool HasDuplicateRoutePrefix { get; init; }

    /// <summary>Planted violation (constraints.md 7.2): two inbound rules of the NSG share a priority.</summary>
    public bool HasDuplicateRulePriority { get; init; }

    public bool IsGlobal => Region != Hub.Region;

    public string Name => $"spoke-{Index + 1:D5}";

    public string ResourceGroup => $"rg-{Name}";

    public string VirtualNetworkName => $"vnet-{Name}";

    public string VirtualNetworkId => Id(ArmIds.VirtualNetworks, VirtualNetworkName);

    public string NetworkSecurityGroupName => $"nsg-{Name}";

    public string RouteTableName => $"rt-{Name}";

    public string ApplicationSecurityGroupName(Tier tier) => $"asg-{Name}-{TierName(tier)}";

    public string ApplicationSecurityGroupId(Tier tier) => Id(ArmIds.ApplicationSecurityGroups, ApplicationSecurityGroupName(tier));

    public string SubnetId(SubnetPlan subnet) => ArmIds.Child(VirtualNetworkId, "subnets", subnet.Name);

    /// <summary>The VM holding NIC <paramref name="nic"/> of <paramref name="subnet"/>: <c>vm-00042-web01-03</c>.</summary>
    public string VirtualMachineName(SubnetPlan subnet, int nic) => $"vm-{Index + 1:D5}-{subnet.Name["snet-".Length..].Replace("-", string.Empty, StringComparison.Ordinal)}-{nic + 1:D2}";

    public string Id(string type, string name) => ArmIds.Of(Subscription, ResourceGroup, type, name);

    /// <summary>The peering this spoke holds towards <paramref name="hub"/>, and the one the hub holds back.</summary>
    public string PeeringName(HubPlan hub) => $"peer-{Name}-to-{hub.Name}";

    public string HubPeeringName(HubPlan hub) => $"peer-{hub.Name}-to-{Name}";

    public static string TierName(Tier tier) => tier switch
    {
        Tier.Web => "web",
        Tier.App => "app",
        _ => "db",
    };
}
