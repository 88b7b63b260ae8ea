using VNetLab.Addressing;
using VNetLab.Model;
using VNetLab.Routing;
using VNetLab.Validation;
using static VNetLab.EstateGenerator.Tests.RoutingEquivalence;

namespace VNetLab.EstateGenerator.Tests;

/// <summary>
/// A recompile after a one-resource change (<see cref="CompiledRouting.Apply"/>) equals a full compile of the
/// changed estate: every subnet's and NIC's routes, the notes, the gateway routes; and for changes it handles
/// locally it really reuses the tables of the subnets the change cannot reach. A revalidation
/// (<see cref="ValidationRun.Apply"/>) gives exactly the diagnostics of validating the changed estate afresh.
/// </summary>
[Collection(TinyEstateFixture.Collection)]
public sealed class IncrementalRoutingTests
{
    private readonly TinyEstateFixture _fixture;

    public IncrementalRoutingTests(TinyEstateFixture fixture) => _fixture = fixture;

    public static TheoryData<int> Seeds => [.. Enumerable.Range(1, 12)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void A_chain_of_random_one_resource_changes_recompiles_to_what_a_full_compile_gives(int seed)
    {
        var random = new Random(seed);
        var estate = _fixture.Estate;
        var compiled = RoutingCompiler.Compile(estate);
        var validation = Validator.Default.Run(estate);
        for (var step = 0; step < 8; step++)
        {
            var (next, local) = RandomChange(estate, random);
            validation = validation.Apply(next);
            Assert.Equal(Render(Validator.Default.Validate(next)), Render(validation.Diagnostics));

            var incremental = compiled.Apply(next);
            var full = RoutingCompiler.Compile(next);
            AssertSame(full, incremental);
            if (local)
            {
                // Most subnets kept their table: the recompile did not compile everything.
                var before = compiled.Subnets.ToDictionary(s => s.SubnetId, s => s.Table);
                var reused = incremental.Subnets.Count(s => before.TryGetValue(s.SubnetId, out var table) && ReferenceEquals(table, s.Table));
                Assert.True(reused > incremental.Subnets.Length / 2, $"only {reused} of {incremental.Subnets.Length} tables reused");
            }

            estate = next;
            compiled = incremental;
        }
    }

    [Fact]
    public void An_unchanged_estate_gives_back_the_same_compilation()
    {
        var compiled = RoutingCompiler.Compile(_fixture.Estate);

        Assert.Same(compiled, compiled.Apply(_fixture.Estate));
    }

    [Fact]
    [Trait("fact", "semantics.md 3.8")]
    public void Allowing_forwarded_traffic_on_a_peering_keeps_every_table_but_its_own_VNets()
    {
        var estate = _fixture.Estate;
        var vnet = estate.VirtualNetworks.First(v => !v.Peerings.IsEmpty);
        var peering = vnet.Peerings[0];
        var next = estate.With(vnet with
        {
            Peerings = vnet.Peerings.SetItem(0, peering with { AllowForwardedTraffic = !peering.AllowForwardedTraffic }),
        });
        var compiled = RoutingCompiler.Compile(estate);

        var incremental = compiled.Apply(next);

        AssertSame(RoutingCompiler.Compile(next), incremental);
        var before = compiled.Subnets.ToDictionary(s => s.SubnetId, s => s.Table);
        var outside = incremental.Subnets.Where(s => next.VirtualNetworkOf(s.SubnetId)?.Id != vnet.Id).ToList();
        Assert.NotEmpty(outside);
        Assert.All(outside, s => Assert.Same(before[s.SubnetId], s.Table));
    }

    [Fact]
    public void Removing_a_route_table_recompiles_the_subnets_that_used_it()
    {
        var estate = _fixture.Estate;
        var table = estate.RouteTables.First(t => estate.AssociationsOf(t.Id).OfType<Subnet>().Any());
        var next = estate.Without(table.Id);

        AssertSame(RoutingCompiler.Compile(next), RoutingCompiler.Compile(estate).Apply(next));
    }

    /// <summary>One random change to one resource; <c>Local</c> when the recompile is expected to reuse most tables.</summary>
    private static (Estate Next, bool Local) RandomChange(Estate estate, Random random)
    {
        switch (random.Next(10))
        {
            case 0:
            {
                // A new user route in a route table.
                var table = Pick(estate.RouteTables, random);
                var name = "added-" + random.Next(1_000_000);
                var prefix = IpPrefix.Parse($"172.{16 + random.Next(16)}.{random.Next(256)}.0/24");
                var route = new Route
                {
                    Id = table.Id.Child("routes", name),
                    AddressPrefix = prefix.ToString(),
                    Prefix = prefix,
                    NextHopType = random.Next(2) == 0 ? RouteNextHopType.None : RouteNextHopType.VirtualAppliance,
                    NextHopIpAddress = IpAddress.Parse("10.0.0.4"),
                    NextHopIpAddressText = "10.0.0.4",
                };
                route = route.NextHopType == RouteNextHopType.None ? route with { NextHopIpAddress = null, NextHopIpAddressText = null } : route;
                return (estate.With(table with { Routes = table.Routes.Add(route) }), true);
            }

            case 1:
            {
                var table = Pick(estate.RouteTables.Where(t => !t.Routes.IsEmpty), random);
                return (estate.With(table with { Routes = table.Routes.RemoveAt(random.Next(table.Routes.Length)) }), true);
            }

            case 2:
            {
                var table = Pick(estate.RouteTables, random);
                return (estate.With(table with { DisableBgpRoutePropagation = !table.DisableBgpRoutePropagation }), true);
            }

            case 3:
            {
                // A subnet moves to another route table, or loses its own.
                var vnet = Pick(estate.VirtualNetworks.Where(v => !v.Subnets.IsEmpty), random);
                var index = random.Next(vnet.Subnets.Length);
                var tableId = random.Next(3) == 0 ? null : Pick(estate.RouteTables, random).Id;
                var subnet = vnet.Subnets[index] with { RouteTableId = tableId };
                return (estate.With(vnet with { Subnets = vnet.Subnets.SetItem(index, subnet) }), true);
            }

            case 4:
            {
                var vnet = Pick(estate.VirtualNetworks.Where(v => !v.Subnets.IsEmpty), random);
                var index = random.Next(vnet.Subnets.Length);
                var subnet = vnet.Subnets[index];
                subnet = subnet with { ServiceEndpoints = subnet.ServiceEndpoints.Add(new ServiceEndpoint("Microsoft.Storage", [vnet.Location ?? "westeurope"])) };
                return (estate.With(vnet with { Subnets = vnet.Subnets.SetItem(index, subnet) }), true);
            }

            case 5:
            {
                // A subnet disappears (its NICs are left pointing at nothing).
                var vnet = Pick(estate.VirtualNetworks.Where(v => v.Subnets.Length > 1), random);
                return (estate.With(vnet with { Subnets = vnet.Subnets.RemoveAt(random.Next(vnet.Subnets.Length)) }), true);
            }

            case 6:
            {
                // A NIC moves to another subnet.
                var nic = Pick(estate.NetworkInterfaces.Where(n => !n.IpConfigurations.IsEmpty), random);
                var (_, subnet) = Pick(estate.AllSubnets, random);
                var configuration = nic.IpConfigurations[0] with { SubnetId = subnet.Id };
                return (estate.With(nic with { IpConfigurations = nic.IpConfigurations.SetItem(0, configuration) }), true);
            }

            case 7:
            {
                var nsg = Pick(estate.NetworkSecurityGroups.Where(n => !n.SecurityRules.IsEmpty), random);
                return (estate.With(nsg with { SecurityRules = nsg.SecurityRules.RemoveAt(0) }), true);
            }

            case 8:
            {
                // A peering's allowForwardedTraffic flips: no route depends on it, so only its VNet is recompiled.
                var vnet = Pick(estate.VirtualNetworks.Where(v => !v.Peerings.IsEmpty), random);
                var index = random.Next(vnet.Peerings.Length);
                var peering = vnet.Peerings[index];
                return (estate.With(vnet with
                {
                    Peerings = vnet.Peerings.SetItem(index, peering with { AllowForwardedTraffic = !peering.AllowForwardedTraffic }),
                }), true);
            }

            default:
            {
                // A peering goes away: routes move in both VNets and, through gateway transit, perhaps in every VNet
                // using a gateway that learns the spoke's range, so most tables are not expected to be kept.
                var vnet = Pick(estate.VirtualNetworks.Where(v => !v.Peerings.IsEmpty), random);
                return (estate.With(vnet with { Peerings = vnet.Peerings.RemoveAt(random.Next(vnet.Peerings.Length)) }), false);
            }
        }
    }
}
