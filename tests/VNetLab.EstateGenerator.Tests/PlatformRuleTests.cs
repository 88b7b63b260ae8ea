using VNetLab.Addressing;
using VNetLab.Model;

namespace VNetLab.EstateGenerator.Tests;

/// <summary>
/// The estate breaks exactly the platform rules the manifest lists, once each, and keeps the others the
/// generator is careful about: a benchmark estate must not be full of accidental errors.
/// </summary>
[Collection(TinyEstateFixture.Collection)]
public sealed class PlatformRuleTests
{
    private readonly TinyEstateFixture _fixture;

    public PlatformRuleTests(TinyEstateFixture fixture) => _fixture = fixture;

    private Estate Estate => _fixture.Estate;

    [Fact]
    public void The_manifest_lists_one_violation_of_each_planted_rule_on_distinct_spokes()
    {
        Assert.Equal(["1.1", "2.3", "6.1", "7.2"], _fixture.Manifest.Violations.Select(v => v.Constraint));
        Assert.Equal(4, _fixture.Manifest.Violations.Select(v => ResourceId.Parse(v.ResourceId).ResourceGroup).Distinct().Count());
        Assert.All(_fixture.Manifest.Violations, v => Assert.True(Estate.Contains(ResourceId.Parse(v.ResourceId)), v.ResourceId));
    }

    [Fact]
    [Trait("fact", "constraints.md 1.1")]
    public void Exactly_the_listed_vnet_uses_remote_gateways_on_two_peerings()
    {
        var offenders = Estate.VirtualNetworks.Where(v => v.Peerings.Count(p => p.UseRemoteGateways) > 1).ToList();
        var violation = Violation("1.1");
        var offender = Assert.Single(offenders);
        Assert.Equal(ResourceId.Parse(violation.ResourceId).Parent, offender.Id);
        Assert.Equal(
            $"Peering {offender.Name}/{ResourceId.Parse(violation.ResourceId).Name} cannot have UseRemoteGateways flag set to true, because another peering {violation.RelatedResourceIds[0]} already has UseRemoteGateways flag set to true.",
            violation.Message);
    }

    [Fact]
    [Trait("fact", "constraints.md 2.3")]
    public void Exactly_the_listed_subnet_lies_outside_its_vnet()
    {
        var outside = Estate.AllSubnets
            .Where(p => p.Subnet.AddressPrefixes.Any(s => !p.VirtualNetwork.AddressSpace.Any(a => a.Prefix.Contains(s.Prefix))))
            .Select(p => p.Subnet.Id).ToList();
        Assert.Equal([ResourceId.Parse(Violation("2.3").ResourceId)], outside);
        Assert.Equal("NetcfgSubnetRangeOutsideVnet", Violation("2.3").AzureCode);
    }

    [Fact]
    [Trait("fact", "constraints.md 6.1")]
    public void Exactly_the_listed_route_table_has_two_routes_for_one_prefix()
    {
        var conflicts = Estate.RouteTables
            .SelectMany(t => t.Routes.GroupBy(r => r.AddressPrefix).Where(g => g.Count() > 1).Select(g => g.Last().Id))
            .ToList();
        Assert.Equal([ResourceId.Parse(Violation("6.1").ResourceId)], conflicts);
        Assert.Equal("RouteConflict", Violation("6.1").AzureCode);
    }

    [Fact]
    [Trait("fact", "constraints.md 7.2")]
    public void Exactly_the_listed_nsg_has_two_rules_with_one_priority_and_direction()
    {
        var conflicts = Estate.NetworkSecurityGroups
            .SelectMany(n => n.SecurityRules.GroupBy(r => (r.Priority, r.Direction)).Where(g => g.Count() > 1).Select(g => g.Last().Id))
            .ToList();
        Assert.Equal([ResourceId.Parse(Violation("7.2").ResourceId)], conflicts);
    }

    [Fact]
    [Trait("fact", "constraints.md 1.2")]
    [Trait("fact", "constraints.md 1.4")]
    public void Every_peering_that_uses_remote_gateways_reaches_a_hub_that_offers_them()
    {
        foreach (var peering in Estate.VirtualNetworks.SelectMany(v => v.Peerings).Where(p => p.UseRemoteGateways))
        {
            Assert.NotEmpty(Estate.GatewaysOf(peering.RemoteVirtualNetworkId));
            Assert.True(Estate.RemotePeeringOf(peering)?.AllowGatewayTransit, $"{peering.Id} has no transit-allowing peering back");
        }
    }

    [Fact]
    [Trait("fact", "constraints.md 1.5")]
    [Trait("fact", "constraints.md 1.9")]
    public void Every_peering_is_connected_both_ways_between_vnets_that_do_not_overlap()
    {
        foreach (var vnet in Estate.VirtualNetworks)
        {
            foreach (var peering in vnet.Peerings)
            {
                var remote = Estate.Find<VirtualNetwork>(peering.RemoteVirtualNetworkId);
                Assert.NotNull(remote);
                Assert.NotNull(Estate.RemotePeeringOf(peering));
                Assert.Equal(PeeringState.Connected, peering.PeeringState);
                Assert.Equal(remote.AddressSpace.Select(a => a.Prefix), peering.RemoteAddressSpace.Select(a => a.Prefix));
            }
        }

        var spaces = Estate.VirtualNetworks.SelectMany(v => v.AddressSpace.Select(a => a.Prefix)).Order().ToList();
        Assert.All(spaces.Zip(spaces.Skip(1)), pair => Assert.False(pair.First.Overlaps(pair.Second), $"{pair.First} overlaps {pair.Second}"));
    }

    [Fact]
    [Trait("fact", "constraints.md 6.9")]
    [Trait("fact", "constraints.md 6.10")]
    [Trait("fact", "constraints.md 6.2")]
    public void Route_tables_keep_gateway_rules_and_every_appliance_route_names_a_hub_firewall()
    {
        var gatewaySubnetTables = Estate.AllSubnets.Where(p => p.Subnet.IsGatewaySubnet && p.Subnet.RouteTableId is not null)
            .Select(p => Estate.Find<RouteTable>(p.Subnet.RouteTableId)).ToList();
        Assert.Equal(_fixture.Manifest.Options.Hubs, gatewaySubnetTables.Count);
        Assert.All(gatewaySubnetTables, t =>
        {
            Assert.NotNull(t);
            Assert.False(t.DisableBgpRoutePropagation);
            Assert.DoesNotContain(t.Routes, r => r.Prefix?.Length == 0);
        });

        var firewalls = Estate.AzureFirewalls.Select(f => f.PrivateIpAddress).ToHashSet();
        var applianceRoutes = Estate.RouteTables.SelectMany(t => t.Routes).Where(r => r.NextHopType == RouteNextHopType.VirtualAppliance).ToList();
        Assert.NotEmpty(applianceRoutes);
        Assert.All(applianceRoutes, r => Assert.Contains(r.NextHopIpAddress, firewalls));
        Assert.All(Estate.RouteTables.SelectMany(t => t.Routes).Where(r => r.NextHopType != RouteNextHopType.VirtualAppliance),
            r => Assert.Null(r.NextHopIpAddressText));
    }

    [Fact]
    [Trait("fact", "constraints.md 7.1")]
    [Trait("fact", "constraints.md 7.6")]
    [Trait("fact", "constraints.md 7.18")]
    [Trait("fact", "constraints.md 7.19")]
    public void Security_rules_use_valid_priorities_and_never_list_overlapping_prefixes()
    {
        var rules = Estate.NetworkSecurityGroups.SelectMany(n => n.SecurityRules).ToList();
        Assert.All(rules, r =>
        {
            Assert.InRange(r.Priority, 100, 4096);
            Assert.True((r.Description ?? string.Empty).Length <= 140, r.Name);
            foreach (var side in new[] { r.SourceAddressPrefixes, r.DestinationAddressPrefixes })
            {
                if (side.Length > 1)
                {
                    var prefixes = side.Select(IpPrefix.Parse).Order().ToList();
                    Assert.All(prefixes.Zip(prefixes.Skip(1)), pair => Assert.False(pair.First.Overlaps(pair.Second), $"{r.Id}: {pair.First} overlaps {pair.Second}"));
                }
            }
        });
        Assert.Contains(rules, r => !r.DestinationApplicationSecurityGroupIds.IsEmpty);
        Assert.Contains(rules, r => r.DestinationAddressPrefixes.SequenceEqual(["Internet"]) && r.Access == SecurityRuleAccess.Deny);
    }

    [Fact]
    [Trait("fact", "constraints.md 7.7")]
    [Trait("fact", "constraints.md 7.9")]
    public void Application_security_groups_stay_inside_one_vnet()
    {
        foreach (var asg in Estate.ApplicationSecurityGroups)
        {
            var vnets = Estate.AssociationsOf(asg.Id).OfType<NetworkInterfaceIpConfiguration>()
                .Select(c => c.SubnetId?.Parent).Distinct().ToList();
            Assert.Single(vnets);
        }
    }

    private PlatformRuleViolation Violation(string constraint) => _fixture.Manifest.Violations.Single(v => v.Constraint == constraint);
}
