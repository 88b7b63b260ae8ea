using System.Collections.Immutable;
using System.Globalization;

namespace VNetLab.EstateGenerator.Planning;

/// <summary>
/// Every decision about the estate, made before a byte is written: subscriptions, hubs and their
/// regions, circuits, on-premises prefixes, each spoke's address block and options, and where the
/// deliberate violations go. Writers only turn the plan into JSON, so resource groups can be written in
/// any order (or in parallel) and still give the same bytes.
/// </summary>
internal sealed class EstatePlan
{
    /// <summary>Spokes per landing-zone subscription: keeps every subscription far below Azure's per-region quotas (200 route tables, constraints.md 6.6).</summary>
    public const int SpokesPerLandingZone = 50;

    private const double GlobalSpokeShare = 0.08;
    private const double SandboxSpokeShare = 0.05;
    private const double RouteTableShare = 0.70;
    private const double PropagationDisabledShare = 0.40;
    private const int ManagementNetworks = 3;

    private EstatePlan(EstateGeneratorOptions options)
    {
        Options = options;
    }

    public EstateGeneratorOptions Options { get; }

    public string ConnectivitySubscription { get; private set; } = string.Empty;

    public ImmutableArray<CircuitPlan> Circuits { get; private set; } = [];

    public ImmutableArray<HubPlan> Hubs { get; private set; } = [];

    public ImmutableArray<SpokePlan> Spokes { get; private set; } = [];

    public ImmutableArray<Ipv4Prefix> OnPremisesPrefixes { get; private set; } = [];

    /// <summary>The on-premises networks administrators work from (SSH and RDP sources in every spoke NSG).</summary>
    public ImmutableArray<Ipv4Prefix> ManagementPrefixes { get; private set; } = [];

    public ImmutableArray<PlatformRuleViolation> Violations { get; private set; } = [];

    public const string OnPremisesResourceGroup = "rg-onprem";

    public const string OnPremisesSiteName = "onprem-corporate";

    /// <summary>The corporate network's ASN (private, clear of Azure's reserved ones).</summary>
    public const long OnPremisesAsn = 65010;

    public static int MostSpokesPerHub(EstateGeneratorOptions options) => (options.Spokes + options.Hubs - 1) / options.Hubs;

    public static EstatePlan Create(EstateGeneratorOptions options)
    {
        var problems = options.Validate();
        if (!problems.IsEmpty)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        var plan = new EstatePlan(options);
        var subscriptions = new DeterministicRandom(options.Seed, RandomStream.Subscriptions, 0);
        plan.ConnectivitySubscription = NewSubscriptionId(subscriptions);
        var landingZones = Enumerable.Range(0, (options.Spokes + SpokesPerLandingZone - 1) / SpokesPerLandingZone)
            .Select(_ => NewSubscriptionId(subscriptions)).ToImmutableArray();

        var regionCount = Math.Min(options.Hubs, Region.All.Length);
        var premium = options.OnPremisesPrefixes > EstateGeneratorOptions.StandardCircuitPrefixLimit;
        plan.Circuits = [.. Enumerable.Range(0, regionCount).Select(r => new CircuitPlan(r, Region.All[r], plan.ConnectivitySubscription, premium))];

        plan.OnPremisesPrefixes = Planning.OnPremisesPrefixes.Generate(options.Seed, options.OnPremisesPrefixes);
        var random = new DeterministicRandom(options.Seed, RandomStream.Plan, 0);
        plan.ManagementPrefixes = [.. Distinct(random, plan.OnPremisesPrefixes.Length, Math.Min(ManagementNetworks, plan.OnPremisesPrefixes.Length))
            .Select(i => plan.OnPremisesPrefixes[i]).OrderBy(p => p.Network)];

        // Spokes are split into consecutive runs, one per hub, so each hub's spokes share a few aggregates.
        var hubs = Enumerable.Range(0, options.Hubs).Select(h =>
        {
            var first = (int)((long)h * options.Spokes / options.Hubs);
            var end = (int)((long)(h + 1) * options.Spokes / options.Hubs);
            return new HubPlan(h, Region.All[h % Region.All.Length], (h / Region.All.Length) + 1, plan.ConnectivitySubscription)
            {
                Circuit = plan.Circuits[h % regionCount],
                FirstSpoke = first,
                SpokeCount = end - first,
            };
        }).ToArray();

        var spokeLength = AddressPlan.SpokeLength(options);
        var subnetLength = 32 - AddressPlan.SubnetHostBits(options);
        var spokes = new SpokePlan[options.Spokes];
        foreach (var hub in hubs)
        {
            for (var s = hub.FirstSpoke; s < hub.FirstSpoke + hub.SpokeCount; s++)
            {
                spokes[s] = PlanSpoke(options, hub, s, landingZones, spokeLength, subnetLength);
            }
        }

        for (var h = 0; h < hubs.Length; h++)
        {
            hubs[h] = hubs[h] with { SpokeAggregates = Aggregates(spokes, hubs[h]) };
        }

        // Spokes keep pointing at the hub records they were built with; re-point them at the final ones.
        plan.Hubs = [.. hubs];
        plan.Spokes = [.. spokes.Select(s => s with { Hub = hubs[s.Hub.Index] })];
        plan.EnsureEveryKindOfSpoke(random);
        if (options.IncludeViolations)
        {
            plan.PlantViolations(random);
        }

        return plan;
    }

    /// <summary>The spokes attached to <paramref name="hub"/> as their primary hub.</summary>
    public IEnumerable<SpokePlan> SpokesOf(HubPlan hub) => Spokes.Skip(hub.FirstSpoke).Take(hub.SpokeCount);

    /// <summary>Spokes that also peer with <paramref name="hub"/> (the planted two-useRemoteGateways violation).</summary>
    public IEnumerable<SpokePlan> SecondarySpokesOf(HubPlan hub) => Spokes.Where(s => s.SecondHub?.Index == hub.Index);

    private static SpokePlan PlanSpoke(EstateGeneratorOptions options, HubPlan hub, int index, ImmutableArray<string> landingZones,
        int spokeLength, int subnetLength)
    {
        var random = new DeterministicRandom(options.Seed, RandomStream.SpokePlan, index);
        var isGlobal = random.Chance(GlobalSpokeShare);
        var sandbox = random.Chance(SandboxSpokeShare);
        var routeTable = options.Udrs > 0 && random.Chance(RouteTableShare);
        var propagationDisabled = random.Chance(PropagationDisabledShare);
        var addressSpace = AddressPlan.SpokePool.Subdivide(spokeLength, index);
        var zone = index / SpokesPerLandingZone;
        return new SpokePlan
        {
            Index = index,
            Hub = hub,
            Region = isGlobal ? hub.Region.Next : hub.Region,
            Subscription = landingZones[zone],
            LandingZone = string.Create(CultureInfo.InvariantCulture, $"landingzone-{zone + 1:D3}"),
            AddressSpace = addressSpace,
            Subnets = [.. Enumerable.Range(0, options.SubnetsPerSpoke).Select(i =>
            {
                var tier = (Tier)(i % 3);
                return new SubnetPlan(
                    string.Create(CultureInfo.InvariantCulture, $"snet-{SpokePlan.TierName(tier)}-{(i / 3) + 1:D2}"),
                    addressSpace.Subdivide(subnetLength, i),
                    tier);
            })],
            UsesHubGateways = !sandbox,
            HasRouteTable = routeTable,
            DisableBgpRoutePropagation = routeTable && propagationDisabled,
        };
    }

    private static ImmutableArray<Ipv4Prefix> Aggregates(SpokePlan[] spokes, HubPlan hub) =>
        hub.SpokeCount == 0
            ? []
            : [.. Ipv4Prefix.Cover(spokes[hub.FirstSpoke].AddressSpace.Network, spokes[hub.FirstSpoke + hub.SpokeCount - 1].AddressSpace.Last)];

    /// <summary>
    /// The shares above give a large estate every kind of spoke many times over, but a small one could miss
    /// a kind by chance; then one ordinary spoke is turned into it, so even a test-sized estate has a global
    /// peering, a sandbox, and route tables with and without gateway route propagation.
    /// </summary>
    private void EnsureEveryKindOfSpoke(DeterministicRandom random)
    {
        var spokes = Spokes.ToArray();

        void Ensure(Func<SpokePlan, bool> present, Func<SpokePlan, SpokePlan> make)
        {
            if (spokes.Any(present))
            {
                return;
            }

            var ordinary = spokes.Where(s => !s.IsGlobal && s.UsesHubGateways && !s.HasRouteTable).ToList();
            if (ordinary.Count > 1)
            {
                var chosen = ordinary[random.Next(ordinary.Count)];
                spokes[chosen.Index] = make(chosen);
            }
        }

        Ensure(s => s.IsGlobal, s => s with { Region = s.Hub.Region.Next });
        Ensure(s => !s.UsesHubGateways, s => s with { UsesHubGateways = false });
        if (Options.Udrs > 0)
        {
            Ensure(s => s.HasRouteTable && !s.DisableBgpRoutePropagation && s.UsesHubGateways, s => s with { HasRouteTable = true });
            Ensure(s => s.DisableBgpRoutePropagation && s.UsesHubGateways, s => s with { HasRouteTable = true, DisableBgpRoutePropagation = true });
        }

        Spokes = [.. spokes];
    }

    /// <summary>
    /// Plants each violation in a different spoke where the estate allows it, and records it with the
    /// constraints.md row, Azure's code and Azure's message so that validation can be checked against it.
    /// </summary>
    private void PlantViolations(DeterministicRandom random)
    {
        var spokes = Spokes.ToArray();
        var used = new List<int>();
        var violations = ImmutableArray.CreateBuilder<PlatformRuleViolation>();

        int? Choose(Func<SpokePlan, bool> eligible)
        {
            var candidates = spokes.Where(s => eligible(s) && !used.Contains(s.Index)).Select(s => s.Index).ToList();
            if (candidates.Count == 0)
            {
                candidates = [.. spokes.Where(eligible).Select(s => s.Index)];
            }

            if (candidates.Count == 0)
            {
                return null;
            }

            var chosen = candidates[random.Next(candidates.Count)];
            used.Add(chosen);
            return chosen;
        }

        if (Hubs.Length >= 2 && Choose(s => s.UsesHubGateways) is { } twoGateways)
        {
            var spoke = spokes[twoGateways];
            var second = Hubs[(spoke.Hub.Index + 1) % Hubs.Length];
            spokes[twoGateways] = spoke with { SecondHub = second };
            var firstPeering = ArmIds.Child(spoke.VirtualNetworkId, "virtualNetworkPeerings", spoke.PeeringName(spoke.Hub));
            var secondPeering = ArmIds.Child(spoke.VirtualNetworkId, "virtualNetworkPeerings", spoke.PeeringName(second));
            violations.Add(new PlatformRuleViolation(
                "1.1", null, secondPeering, [firstPeering, spoke.VirtualNetworkId],
                $"Peering {spoke.VirtualNetworkName}/{spoke.PeeringName(second)} cannot have UseRemoteGateways flag set to true, because another peering {firstPeering} already has UseRemoteGateways flag set to true.",
                $"{spoke.VirtualNetworkName} uses the gateways of both {spoke.Hub.VirtualNetworkName} and {second.VirtualNetworkName}; Azure allows useRemoteGateways on one peering per VNet."));
        }

        if (Choose(_ => true) is { } outside)
        {
            var spoke = spokes[outside];
            var last = spoke.Subnets[^1];
            var moved = last with { Prefix = AddressPlan.UnallocatedBlock.Subdivide(last.Prefix.Length, 0) };
            spokes[outside] = spoke with { HasSubnetOutsideVirtualNetwork = true, Subnets = spoke.Subnets.SetItem(spoke.Subnets.Length - 1, moved) };
            violations.Add(new PlatformRuleViolation(
                "2.3", "NetcfgSubnetRangeOutsideVnet", spoke.SubnetId(moved), [spoke.VirtualNetworkId],
                $"Subnet '{moved.Name}' is not valid because its IP address range is outside the IP address range of virtual network '{spoke.VirtualNetworkName}'.",
                $"{moved.Name} is {moved.Prefix}, outside {spoke.VirtualNetworkName}'s address space {spoke.AddressSpace}."));
        }

        if (Options.Udrs >= 2 && Choose(s => s.HasRouteTable) is { } duplicateRoute)
        {
            var spoke = spokes[duplicateRoute] with { HasDuplicateRoutePrefix = true };
            spokes[duplicateRoute] = spoke;
            var routes = SpokeRoutes.Build(this, spoke);
            var tableId = spoke.Id(ArmIds.RouteTables, spoke.RouteTableName);
            violations.Add(new PlatformRuleViolation(
                "6.1", "RouteConflict", ArmIds.Child(tableId, "routes", routes[^1].Name), [ArmIds.Child(tableId, "routes", routes[0].Name)],
                $"Route: {routes[^1].Name} conflicts with Route: {routes[0].Name}. Routes cannot have the same AddressPrefix.",
                $"{spoke.RouteTableName} has two routes for {routes[0].Prefix}."));
        }

        if (SpokeSecurityRules.CanDuplicatePriority(Options.NsgRules) && Choose(_ => true) is { } duplicatePriority)
        {
            var spoke = spokes[duplicatePriority] with { HasDuplicateRulePriority = true };
            spokes[duplicatePriority] = spoke;
            var (existing, duplicate) = SpokeSecurityRules.PlantedConflict(SpokeSecurityRules.Build(this, spoke));
            var nsgId = spoke.Id(ArmIds.NetworkSecurityGroups, spoke.NetworkSecurityGroupName);
            violations.Add(new PlatformRuleViolation(
                "7.2", "SecurityRuleConflict", ArmIds.Child(nsgId, "securityRules", duplicate.Name), [ArmIds.Child(nsgId, "securityRules", existing.Name)],
                $"Security rule {duplicate.Name} conflicts with rule {existing.Name}. Rules cannot have the same Priority and Direction.",
                string.Create(CultureInfo.InvariantCulture, $"{spoke.NetworkSecurityGroupName} has two inbound rules at priority {existing.Priority}.")));
        }

        Spokes = [.. spokes];
        Violations = violations.ToImmutable();
    }

    private static IEnumerable<int> Distinct(DeterministicRandom random, int range, int count)
    {
        var picked = new List<int>(count);
        while (picked.Count < count)
        {
            var value = random.Next(range);
            if (!picked.Contains(value))
            {
                picked.Add(value);
            }
        }

        return picked;
    }

    /// <summary>A subscription id: 16 random bytes shaped as a version-4 GUID, lower case as ARM writes it.</summary>
    private static string NewSubscriptionId(DeterministicRandom random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        var hex = Convert.ToHexStringLower(bytes);
        return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}";
    }
}
