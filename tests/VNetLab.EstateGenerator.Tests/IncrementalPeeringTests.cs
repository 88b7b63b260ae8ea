using VNetLab.Addressing;
using VNetLab.Model;
using VNetLab.Routing;
using VNetLab.Testing;
using static VNetLab.EstateGenerator.Tests.RoutingEquivalence;

namespace VNetLab.EstateGenerator.Tests;

/// <summary>
/// A recompile after a peering change (<see cref="CompiledRouting.Apply"/>) equals a full compile of the changed
/// estate: every kind of change (each flag on and off, the state, the remote address space, a peering added or
/// removed), to hubs and to spokes, in chains over generated estates and every example; compared on every
/// subnet's and NIC's routes and notes, every gateway's learned and advertised routes, every site's view and the
/// estate's notes. The recompile must also stay scoped: a change that gateway transit does not carry keeps the
/// tables of the VNets it cannot reach.
/// </summary>
[Collection(TinyEstateFixture.Collection)]
public sealed class IncrementalPeeringTests
{
    private static readonly Lazy<Estate> _sharedCircuits = new(() =>
    {
        // Thirteen hubs over twelve regions: two hubs share a region's circuit; with remote VNet traffic allowed
        // (the generator leaves it off) each learns the other's VNet and transit spokes over it (semantics.md
        // §5.7), and a transit change in one moves routes in the other's spokes.
        using var generated = new GeneratedEstate(new EstateGeneratorOptions
        {
            Hubs = 13, Spokes = 39, SubnetsPerSpoke = 1, NicsPerSubnet = 1, OnPremisesPrefixes = 12, NsgRules = 4, Udrs = 2, Seed = 11,
        });
        var estate = generated.Import().Estate;
        foreach (var gateway in estate.VirtualNetworkGateways.Where(g => g.GatewayType == VirtualNetworkGatewayType.ExpressRoute))
        {
            estate = estate.With(gateway with { AllowRemoteVnetTraffic = true });
        }

        return estate;
    });

    private readonly TinyEstateFixture _fixture;

    public IncrementalPeeringTests(TinyEstateFixture fixture) => _fixture = fixture;

    public static TheoryData<int> Seeds => [.. Enumerable.Range(1, 10)];

    public static TheoryData<string> Examples => [.. RepositoryPaths.ExampleNames()];

    [Theory]
    [MemberData(nameof(Seeds))]
    [Trait("fact", "semantics.md 3.8")]
    public void A_chain_of_peering_changes_to_the_generated_estate_recompiles_to_what_a_full_compile_gives(int seed) =>
        AssertChainAgrees(_fixture.Estate, new Random(seed), steps: 12);

    [Theory]
    [MemberData(nameof(Seeds))]
    [Trait("fact", "semantics.md 3.8")]
    public void A_chain_of_peering_changes_where_hubs_share_a_circuit_recompiles_to_what_a_full_compile_gives(int seed) =>
        AssertChainAgrees(_sharedCircuits.Value, new Random(seed), steps: 8);

    [Theory]
    [MemberData(nameof(Examples))]
    [Trait("fact", "semantics.md 3.8")]
    public void A_chain_of_peering_changes_to_an_example_recompiles_to_what_a_full_compile_gives(string example)
    {
        var estate = ExampleEstates.Read(example);
        if (!estate.VirtualNetworks.Any(v => !v.Peerings.IsEmpty))
        {
            return;
        }

        for (var seed = 1; seed <= 4; seed++)
        {
            AssertChainAgrees(estate, new Random(seed), steps: 8);
        }
    }

    [Theory]
    [InlineData("access")]
    [InlineData("transit")]
    [InlineData("remote-gateways")]
    [InlineData("Disconnected")]
    [InlineData("Initiated")]
    [InlineData("no-state")]
    [InlineData("remote-space")]
    [InlineData("removed")]
    [InlineData("added")]
    [Trait("fact", "semantics.md 3.8")]
    public void Each_kind_of_peering_change_to_a_hub_and_to_a_spoke_recompiles_to_what_a_full_compile_gives(string kind)
    {
        foreach (var estate in new[] { _fixture.Estate, _sharedCircuits.Value })
        {
            var hub = estate.VirtualNetworks.Where(v => !v.Peerings.IsEmpty).MaxBy(v => v.Peerings.Length);
            var spoke = estate.VirtualNetworks.Where(v => v.Peerings.Length == 1 && v.Peerings[0].UseRemoteGateways).OrderBy(v => v.Id).First();
            foreach (var vnet in new[] { hub, spoke }.OfType<VirtualNetwork>())
            {
                foreach (var index in new[] { 0, vnet.Peerings.Length - 1 }.Distinct())
                {
                    var next = Change(estate, vnet, index, kind, new Random(index));
                    var compiled = RoutingCompiler.Compile(estate);

                    AssertSame(RoutingCompiler.Compile(next), compiled.Apply(next));
                }
            }
        }
    }

    [Fact]
    [Trait("fact", "semantics.md 3.8")]
    public void A_spoke_peering_that_gateway_transit_does_not_carry_keeps_the_tables_of_every_other_spoke()
    {
        // A spoke without gateway transit: disconnecting it changes its own routes and its hub's, no gateway's.
        var estate = _fixture.Estate;
        var spoke = estate.VirtualNetworks.Where(v => v.Peerings.Length == 1 && !v.Peerings[0].UseRemoteGateways).OrderBy(v => v.Id).First();
        var hubId = spoke.Peerings[0].RemoteVirtualNetworkId;
        var next = Change(estate, spoke, 0, "Disconnected", new Random(1));
        var compiled = RoutingCompiler.Compile(estate);

        var incremental = compiled.Apply(next);

        AssertSame(RoutingCompiler.Compile(next), incremental);
        var before = compiled.Subnets.ToDictionary(s => s.SubnetId, s => s.Table);
        var outside = incremental.Subnets.Where(s => next.VirtualNetworkOf(s.SubnetId)?.Id is { } v && v != spoke.Id && v != hubId).ToList();
        Assert.NotEmpty(outside);
        Assert.All(outside, s => Assert.Same(before[s.SubnetId], s.Table));
    }

    [Fact]
    [Trait("fact", "semantics.md 3.8")]
    public void A_spoke_that_stops_using_its_hubs_gateway_is_recompiled_with_the_hubs_it_advertises_through()
    {
        var estate = _sharedCircuits.Value;
        var compiled = RoutingCompiler.Compile(estate);
        var learnedElsewhere = estate.VirtualNetworkGateways.SelectMany(g => compiled.LearnedRoutesOf(g.Id)).Select(r => r.Prefix).ToHashSet();
        var spoke = estate.VirtualNetworks
            .Where(v => v.Peerings.Length == 1 && v.Peerings[0].UseRemoteGateways && learnedElsewhere.Contains(v.AddressSpace[0].Prefix))
            .OrderBy(v => v.Id).First();
        var next = Change(estate, spoke, 0, "remote-gateways", new Random(1));

        var incremental = compiled.Apply(next);

        var full = RoutingCompiler.Compile(next);
        AssertSame(full, incremental);

        // The spoke's range left its hub's advertisements: the circuit's other hub no longer learns it.
        var spokeRange = spoke.AddressSpace[0].Prefix;
        Assert.DoesNotContain(full.Estate.VirtualNetworkGateways, g => incremental.LearnedRoutesOf(g.Id).Any(r => r.Prefix == spokeRange));
    }

    private static void AssertChainAgrees(Estate estate, Random random, int steps)
    {
        var compiled = RoutingCompiler.Compile(estate);
        for (var step = 0; step < steps; step++)
        {
            var vnet = Pick(estate.VirtualNetworks.Where(v => !v.Peerings.IsEmpty), random);
            var kind = Pick(Kinds, random);
            var next = Change(estate, vnet, random.Next(vnet.Peerings.Length), kind, random);

            var incremental = compiled.Apply(next);

            AssertSame(RoutingCompiler.Compile(next), incremental);
            estate = next;
            compiled = incremental;
        }
    }

    private static readonly string[] Kinds =
        ["access", "transit", "remote-gateways", "forwarded", "Disconnected", "Initiated", "Connected", "no-state", "remote-space", "removed", "added", "subnet-and-peering"];

    /// <summary>One change of the given kind to one peering of <paramref name="vnet"/> (or a peering added to it).</summary>
    private static Estate Change(Estate estate, VirtualNetwork vnet, int index, string kind, Random random)
    {
        var peering = vnet.Peerings[index];
        VirtualNetworkPeering? changed = kind switch
        {
            "access" => peering with { AllowVirtualNetworkAccess = !peering.AllowVirtualNetworkAccess },
            "transit" => peering with { AllowGatewayTransit = !peering.AllowGatewayTransit },
            "remote-gateways" => peering with { UseRemoteGateways = !peering.UseRemoteGateways },
            "forwarded" => peering with { AllowForwardedTraffic = !peering.AllowForwardedTraffic },
            "Disconnected" => peering with { PeeringState = PeeringState.Disconnected },
            "Initiated" => peering with { PeeringState = PeeringState.Initiated },
            "Connected" => peering with { PeeringState = PeeringState.Connected },
            "no-state" => peering with { PeeringState = null },
            "remote-space" => peering with
            {
                RemoteAddressSpace = [AddressPrefix.Of(IpPrefix.Parse($"172.{16 + random.Next(16)}.{random.Next(256)}.0/24"))],
            },
            _ => null,
        };
        if (changed is not null)
        {
            return estate.With(vnet with { Peerings = vnet.Peerings.SetItem(index, changed) });
        }

        switch (kind)
        {
            case "removed":
                return estate.With(vnet with { Peerings = vnet.Peerings.RemoveAt(index) });
            case "subnet-and-peering":
            {
                // Both at once in one VNet record: a subnet's route table goes and a peering's state changes.
                var subnets = vnet.Subnets.IsEmpty ? vnet.Subnets : vnet.Subnets.SetItem(0, vnet.Subnets[0] with { RouteTableId = null });
                return estate.With(vnet with
                {
                    Subnets = subnets,
                    Peerings = vnet.Peerings.SetItem(index, peering with { PeeringState = PeeringState.Disconnected }),
                });
            }

            default:
            {
                // A new peering to a VNet it does not peer with yet, both ways when the other side is in the estate,
                // with transit flags drawn at random (so a new spoke of a hub's gateway, sometimes).
                var peered = vnet.Peerings.Select(p => p.RemoteVirtualNetworkId).Append(vnet.Id).ToHashSet();
                var candidates = estate.VirtualNetworks.Where(v => !peered.Contains(v.Id)).ToList();
                if (candidates.Count == 0)
                {
                    return estate.With(vnet with { Peerings = vnet.Peerings.RemoveAt(index) });
                }

                var remote = candidates[random.Next(candidates.Count)];
                var useRemote = random.Next(2) == 0;
                var there = new VirtualNetworkPeering
                {
                    Id = vnet.Id.Child("virtualNetworkPeerings", "added-to-" + remote.Name),
                    RemoteVirtualNetworkId = remote.Id,
                    UseRemoteGateways = useRemote,
                    PeeringState = random.Next(3) == 0 ? null : PeeringState.Connected,
                };
                var back = new VirtualNetworkPeering
                {
                    Id = remote.Id.Child("virtualNetworkPeerings", "added-to-" + vnet.Name),
                    RemoteVirtualNetworkId = vnet.Id,
                    AllowGatewayTransit = useRemote,
                    PeeringState = there.PeeringState,
                };

                // Both sides in one snapshot: the recompile sees two VNets' peerings changed.
                return estate.With(vnet with { Peerings = vnet.Peerings.Add(there) }).With(remote with { Peerings = remote.Peerings.Add(back) });
            }
        }
    }
}
