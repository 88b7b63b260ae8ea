using VNetLab.Addressing;
using VNetLab.Diagnostics;
using VNetLab.Model;
using VNetLab.Testing;
using VNetLab.Validation;

namespace VNetLab.EstateGenerator.Tests;

/// <summary>
/// A revalidation after a change (<see cref="ValidationRun.Apply"/>), which re-runs only the rules and the subjects a
/// change reaches, equals validating the changed estate afresh: the same diagnostics in the same order, and each
/// rule's own findings in the order a full run of that rule yields them. Chains of random changes cover every
/// top-level resource type, additions and removals, subnets, peerings, NIC addresses and NSG rules, on the tiny
/// generated estate and on every example.
/// </summary>
[Collection(TinyEstateFixture.Collection)]
public sealed class IncrementalValidationTests
{
    private static readonly string[] _regions = ["westeurope", "northeurope", "swedencentral", "eastus"];

    private readonly TinyEstateFixture _fixture;

    public IncrementalValidationTests(TinyEstateFixture fixture) => _fixture = fixture;

    public static TheoryData<int> Seeds => [.. Enumerable.Range(1, 16)];

    public static TheoryData<string> Examples => [.. RepositoryPaths.ExampleNames()];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void A_chain_of_changes_to_the_generated_estate_revalidates_to_what_a_full_validation_gives(int seed) =>
        AssertChainAgrees(_fixture.Estate, new Random(seed), steps: 14);

    [Theory]
    [MemberData(nameof(Examples))]
    public void A_chain_of_changes_to_an_example_revalidates_to_what_a_full_validation_gives(string example)
    {
        var estate = ExampleEstates.Read(example);
        for (var seed = 1; seed <= 4; seed++)
        {
            AssertChainAgrees(estate, new Random(seed), steps: 10);
        }
    }

    [Fact]
    public void A_change_to_one_spoke_keeps_the_findings_of_subjects_it_cannot_reach()
    {
        var estate = _fixture.Estate;
        var run = Validator.Default.Run(estate);
        var spoke = estate.VirtualNetworks.Where(v => v.Peerings.Length == 1 && v.Subnets.Length > 1).OrderBy(v => v.Id).Last();
        var subnet = spoke.Subnets[0] with { AddressPrefixes = [AddressPrefix.Of(IpPrefix.Parse("192.168.250.0/24"))] };
        var next = estate.With(spoke with { Subnets = spoke.Subnets.SetItem(0, subnet) });

        var revalidated = run.Apply(next);

        // The planted findings elsewhere were reused, not recomputed: the same arrays.
        var kept = run.ByRule.Zip(revalidated.ByRule)
            .SelectMany(p => p.First.BySubject.Where(s => s.Subject != spoke.Id)
                .Select(s => (Before: s, After: p.Second.BySubject.FirstOrDefault(a => a.Subject == s.Subject))))
            .ToList();
        Assert.NotEmpty(kept);
        Assert.All(kept, k => Assert.True(k.Before.Findings == k.After.Findings, $"{k.Before.Subject} was re-run"));
        Assert.Contains(revalidated.Diagnostics, d => d.Code == "VNL1001" && d.ResourceId == subnet.Id);
        Assert.Equal(Render(Validator.Default.Validate(next)), Render(revalidated.Diagnostics));
    }

    private static void AssertChainAgrees(Estate estate, Random random, int steps)
    {
        var run = Validator.Default.Run(estate);
        for (var step = 0; step < steps; step++)
        {
            var next = RandomChange(estate, random);
            run = run.Apply(next);
            Assert.Equal(Render(Validator.Default.Validate(next)), Render(run.Diagnostics));
            for (var i = 0; i < Validator.Default.Rules.Length; i++)
            {
                var rule = Validator.Default.Rules[i];
                Assert.True(Render(rule.Validate(next)).SequenceEqual(Render(run.ByRule[i].All)), $"{rule.GetType().Name} after step {step}");
            }

            estate = next;
        }
    }

    private static List<string> Render(IEnumerable<Diagnostic> diagnostics) =>
        [.. diagnostics.Select(d => $"{d.Code} {d.Severity} {d.ResourceId} {d.Location} {d.Message} {d.Fix}")];

    /// <summary>One random change: a resource of a random type changed, or a top-level resource added or removed.</summary>
    private static Estate RandomChange(Estate estate, Random random)
    {
        var roll = random.Next(20);
        if (roll == 0 && estate.Roots.Length > 1)
        {
            return estate.Without(Pick(estate.Roots, random).Id);
        }

        if (roll == 1 && !estate.VirtualNetworks.IsEmpty)
        {
            // A new VNet peered with an existing one, overlapping it on purpose half the time.
            var other = Pick(estate.VirtualNetworks, random);
            var id = ResourceId.Create(other.Id.Subscription, other.Id.ResourceGroup, "Microsoft.Network", ["virtualNetworks"], ["added-" + random.Next(1_000_000)]);
            var space = random.Next(2) == 0 && !other.AddressSpace.IsEmpty ? other.AddressSpace[0] : AddressPrefix.Of(IpPrefix.Parse("172.30.0.0/16"));
            var added = new VirtualNetwork
            {
                Id = id,
                Location = other.Location,
                AddressSpace = [space],
                Peerings = [new VirtualNetworkPeering { Id = id.Child("virtualNetworkPeerings", "to-" + other.Name), RemoteVirtualNetworkId = other.Id }],
            };
            return estate.With(added);
        }

        var resource = Pick(estate.Roots, random);
        return estate.With(Mutate(estate, resource, random));
    }

    private static Resource Mutate(Estate estate, Resource resource, Random random) => resource switch
    {
        VirtualNetwork vnet => MutateVnet(estate, vnet, random),
        NetworkInterface nic => MutateNic(estate, nic, random),
        NetworkSecurityGroup nsg => MutateNsg(nsg, random),
        RouteTable table => MutateRouteTable(table, random),
        TrackedResource tracked when random.Next(3) > 0 => tracked with { Location = Pick(_regions, random) },
        _ => resource with { Source = new SourceLocation("changed.json", "$[" + random.Next(100) + "]") },
    };

    private static VirtualNetwork MutateVnet(Estate estate, VirtualNetwork vnet, Random random)
    {
        var prefix = AddressPrefix.Of(IpPrefix.Parse($"10.{random.Next(256)}.{random.Next(256)}.0/24"));
        var subnetIndex = vnet.Subnets.IsEmpty ? -1 : random.Next(vnet.Subnets.Length);
        var peeringIndex = vnet.Peerings.IsEmpty ? -1 : random.Next(vnet.Peerings.Length);
        switch (random.Next(12))
        {
            case 0 when subnetIndex >= 0:
                return vnet with { Subnets = vnet.Subnets.SetItem(subnetIndex, vnet.Subnets[subnetIndex] with { AddressPrefixes = [prefix] }) };
            case 1:
                return vnet with { Subnets = vnet.Subnets.Add(new Subnet { Id = vnet.Id.Child("subnets", "added-" + random.Next(1_000_000)), AddressPrefixes = [prefix] }) };
            case 2 when subnetIndex >= 0:
                return vnet with { Subnets = vnet.Subnets.RemoveAt(subnetIndex) };
            case 3 when subnetIndex >= 0:
            {
                var table = random.Next(3) == 0 || estate.RouteTables.IsEmpty ? null : Pick(estate.RouteTables, random).Id;
                return vnet with { Subnets = vnet.Subnets.SetItem(subnetIndex, vnet.Subnets[subnetIndex] with { RouteTableId = table }) };
            }

            case 4 when subnetIndex >= 0:
            {
                var nsg = random.Next(3) == 0 || estate.NetworkSecurityGroups.IsEmpty ? null : Pick(estate.NetworkSecurityGroups, random).Id;
                return vnet with { Subnets = vnet.Subnets.SetItem(subnetIndex, vnet.Subnets[subnetIndex] with { NetworkSecurityGroupId = nsg }) };
            }

            case 5:
            {
                var remote = Pick(estate.VirtualNetworks, random);
                var peering = new VirtualNetworkPeering
                {
                    Id = vnet.Id.Child("virtualNetworkPeerings", "added-" + random.Next(1_000_000)),
                    RemoteVirtualNetworkId = remote.Id,
                    UseRemoteGateways = random.Next(2) == 0,
                    AllowGatewayTransit = random.Next(2) == 0,
                };
                return vnet with { Peerings = vnet.Peerings.Add(peering) };
            }

            case 6 when peeringIndex >= 0:
                return vnet with { Peerings = vnet.Peerings.RemoveAt(peeringIndex) };
            case 7 when peeringIndex >= 0:
            {
                var peering = vnet.Peerings[peeringIndex];
                peering = random.Next(3) switch
                {
                    0 => peering with { UseRemoteGateways = !peering.UseRemoteGateways },
                    1 => peering with { AllowGatewayTransit = !peering.AllowGatewayTransit },
                    _ => peering with { PeeringState = PeeringState.Disconnected },
                };
                return vnet with { Peerings = vnet.Peerings.SetItem(peeringIndex, peering) };
            }

            case 8:
            {
                // Another VNet's space: overlaps with peers, subnets outside, synced spaces out of date.
                var other = Pick(estate.VirtualNetworks, random);
                return vnet with { AddressSpace = [.. other.AddressSpace.Take(1), prefix] };
            }

            case 9:
                return vnet with { Location = Pick(_regions, random) };
            case 10:
                return vnet with { DnsServers = vnet.DnsServers.Add(random.Next(2) == 0 ? "not-an-ip" : "10.0.0.4") };
            default:
                return vnet with { Subnets = [.. vnet.Subnets.Select(s => s with { ServiceEndpoints = s.ServiceEndpoints.Add(new ServiceEndpoint("Microsoft.Storage", [])) })] };
        }
    }

    private static NetworkInterface MutateNic(Estate estate, NetworkInterface nic, Random random)
    {
        if (nic.IpConfigurations.IsEmpty)
        {
            return nic with { EnableIpForwarding = !nic.EnableIpForwarding };
        }

        var configuration = nic.IpConfigurations[0];
        switch (random.Next(5))
        {
            case 0:
            {
                // Another NIC's address, static: allocated twice, or outside this NIC's subnet.
                var other = Pick(estate.NetworkInterfaces.SelectMany(n => n.IpConfigurations).Where(c => c.PrivateIpAddress is not null).DefaultIfEmpty(configuration), random);
                configuration = configuration with { PrivateIpAddress = other.PrivateIpAddress, PrivateIpAllocationMethod = "Static" };
                break;
            }

            case 1 when estate.AllSubnets.Any():
                configuration = configuration with { SubnetId = Pick(estate.AllSubnets, random).Subnet.Id };
                break;
            case 2:
                return nic with { EnableIpForwarding = !nic.EnableIpForwarding };
            case 3 when !estate.ApplicationSecurityGroups.IsEmpty:
                configuration = configuration with { ApplicationSecurityGroupIds = [Pick(estate.ApplicationSecurityGroups, random).Id] };
                break;
            default:
                return nic with { Location = Pick(_regions, random) };
        }

        return nic with { IpConfigurations = nic.IpConfigurations.SetItem(0, configuration) };
    }

    private static NetworkSecurityGroup MutateNsg(NetworkSecurityGroup nsg, Random random)
    {
        var custom = nsg.SecurityRules.Where(r => !r.IsDefault).ToList();
        return random.Next(4) switch
        {
            0 when custom.Count > 0 => nsg with { SecurityRules = nsg.SecurityRules.Remove(custom[random.Next(custom.Count)]) },
            1 when custom.Count > 0 => nsg with
            {
                SecurityRules = nsg.SecurityRules.Add(custom[0] with { Id = nsg.Id.Child("securityRules", "copy-" + random.Next(1_000_000)) }),
            },
            2 when custom.Count > 0 => nsg with
            {
                SecurityRules = nsg.SecurityRules.Replace(custom[0], custom[0] with { SourcePortRanges = ["*", "80-70"], SourceAddressPrefixes = ["10.0.0.0/8", "10.1.0.0/16"] }),
            },
            _ => nsg with { Location = Pick(_regions, random) },
        };
    }

    private static RouteTable MutateRouteTable(RouteTable table, Random random)
    {
        var prefix = IpPrefix.Parse(random.Next(4) == 0 ? "0.0.0.0/0" : $"172.{16 + random.Next(16)}.{random.Next(256)}.0/24");
        switch (random.Next(4))
        {
            case 0:
            {
                var appliance = random.Next(2) == 0;
                var address = IpAddress.Parse($"10.{random.Next(4)}.{random.Next(4)}.4");
                var route = new Route
                {
                    Id = table.Id.Child("routes", "added-" + random.Next(1_000_000)),
                    AddressPrefix = prefix.ToString(),
                    Prefix = prefix,
                    NextHopType = appliance ? RouteNextHopType.VirtualAppliance : RouteNextHopType.VirtualNetworkGateway,
                    NextHopIpAddress = appliance ? address : null,
                    NextHopIpAddressText = appliance ? address.ToString() : null,
                };
                return table with { Routes = table.Routes.Add(route) };
            }

            case 1 when !table.Routes.IsEmpty:
                return table with { Routes = table.Routes.RemoveAt(random.Next(table.Routes.Length)) };
            case 2:
                return table with { DisableBgpRoutePropagation = !table.DisableBgpRoutePropagation };
            default:
                return table with { Location = Pick(_regions, random) };
        }
    }

    private static T Pick<T>(IEnumerable<T> items, Random random)
    {
        var list = items.ToList();
        return list[random.Next(list.Count)];
    }
}
