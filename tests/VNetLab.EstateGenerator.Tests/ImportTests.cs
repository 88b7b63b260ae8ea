using VNetLab.Model;

namespace VNetLab.EstateGenerator.Tests;

/// <summary>The generated estate reads like any export and holds what the options asked for.</summary>
[Collection(TinyEstateFixture.Collection)]
public sealed class ImportTests
{
    private readonly TinyEstateFixture _fixture;

    public ImportTests(TinyEstateFixture fixture) => _fixture = fixture;

    private Estate Estate => _fixture.Estate;

    private static EstateGeneratorOptions Options => GeneratedEstate.Tiny;

    [Fact]
    public void It_imports_without_input_diagnostics()
    {
        Assert.Empty(_fixture.Import.Diagnostics);
        Assert.Empty(Estate.UnresolvedReferences);
    }

    [Fact]
    public void It_has_the_vnets_subnets_and_nics_the_options_ask_for()
    {
        var hubs = Options.Hubs;
        var spokes = Options.Spokes;
        Assert.Equal(hubs + spokes, Estate.VirtualNetworks.Length);

        // Hubs: GatewaySubnet, AzureFirewallSubnet, AzureBastionSubnet, snet-dns, snet-mgmt; two DNS and two jump VMs.
        Assert.Equal((hubs * 5) + (spokes * Options.SubnetsPerSpoke), Estate.AllSubnets.Count());
        Assert.Equal((hubs * 4) + (spokes * Options.SubnetsPerSpoke * Options.NicsPerSubnet), Estate.NetworkInterfaces.Length);
        Assert.Equal(Estate.NetworkInterfaces.Length, Estate.VirtualMachines.Length);
        Assert.All(SpokeVnets(), v => Assert.Equal(Options.SubnetsPerSpoke, v.Subnets.Length));
        Assert.Equal(3 * spokes, Estate.ApplicationSecurityGroups.Length);
    }

    [Fact]
    public void Every_spoke_nsg_has_the_requested_rules_and_every_spoke_route_table_the_requested_routes()
    {
        var spokeNsgs = Estate.NetworkSecurityGroups.Where(n => n.Name.StartsWith("nsg-spoke-", StringComparison.Ordinal)).ToList();
        Assert.Equal(Options.Spokes, spokeNsgs.Count);
        Assert.All(spokeNsgs, n => Assert.Equal(Options.NsgRules, n.SecurityRules.Length));

        var spokeTables = Estate.RouteTables.Where(t => t.Name.StartsWith("rt-spoke-", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(spokeTables);
        Assert.All(spokeTables, t => Assert.Equal(Options.Udrs, t.Routes.Length));
        Assert.Contains(spokeTables, t => t.DisableBgpRoutePropagation);
        Assert.Contains(spokeTables, t => !t.DisableBgpRoutePropagation);
    }

    [Fact]
    public void Each_hub_has_expressroute_and_bgp_vpn_gateways_a_firewall_and_a_branch()
    {
        foreach (var hub in HubVnets())
        {
            var gateways = Estate.GatewaysOf(hub.Id);
            Assert.Contains(gateways, g => g.GatewayType == VirtualNetworkGatewayType.ExpressRoute);
            var vpn = Assert.Single(gateways, g => g.GatewayType == VirtualNetworkGatewayType.Vpn);
            Assert.True(vpn.EnableBgp);
            var ipsec = Assert.Single(Estate.ConnectionsOf(vpn.Id));
            Assert.True(ipsec.EnableBgp);
            Assert.Single(Estate.SitesOf(ipsec));
        }

        Assert.Equal(Options.Hubs, Estate.AzureFirewalls.Length);
        Assert.All(Estate.AzureFirewalls, f => Assert.NotEmpty(f.NetworkRuleCollections));
    }

    [Fact]
    public void The_corporate_site_behind_every_circuit_advertises_the_requested_prefixes_without_overlaps()
    {
        var corporate = Assert.Single(Estate.ExternalSites, s => s.Name == "onprem-corporate");
        Assert.Equal(Options.OnPremisesPrefixes, corporate.AdvertisedPrefixes.Length);
        Assert.Equal(Estate.ExpressRouteCircuits.Length, corporate.AttachedTo.Length);
        var sorted = corporate.AdvertisedPrefixes.OrderBy(p => p).ToList();
        Assert.All(sorted.Zip(sorted.Skip(1)), pair => Assert.False(pair.First.Overlaps(pair.Second), $"{pair.First} overlaps {pair.Second}"));
        foreach (var hub in HubVnets())
        {
            var er = Estate.GatewaysOf(hub.Id).Single(g => g.GatewayType == VirtualNetworkGatewayType.ExpressRoute);
            Assert.Contains(corporate, Estate.SitesOf(Assert.Single(Estate.ConnectionsOf(er.Id))));
        }
    }

    [Fact]
    public void Some_spokes_are_peered_across_regions_and_some_are_sandboxes()
    {
        var global = Estate.VirtualNetworks.SelectMany(v => v.Peerings.Select(p => (Local: v, Remote: Estate.Find<VirtualNetwork>(p.RemoteVirtualNetworkId))))
            .Where(pair => pair.Local.Location != pair.Remote?.Location);
        Assert.NotEmpty(global);
        Assert.Contains(SpokeVnets(), v => v.Peerings.All(p => !p.UseRemoteGateways));
    }

    [Fact]
    public void The_manifest_counts_what_was_imported()
    {
        var counts = _fixture.Generated.Manifest.Counts;
        Assert.Equal(Estate.VirtualNetworks.Length, counts.VirtualNetworks);
        Assert.Equal(Estate.AllSubnets.Count(), counts.Subnets);
        Assert.Equal(Estate.VirtualNetworks.Sum(v => v.Peerings.Length), counts.VirtualNetworkPeerings);
        Assert.Equal(Estate.NetworkSecurityGroups.Length, counts.NetworkSecurityGroups);
        Assert.Equal(Estate.NetworkSecurityGroups.Sum(n => n.SecurityRules.Length), counts.SecurityRules);
        Assert.Equal(Estate.RouteTables.Length, counts.RouteTables);
        Assert.Equal(Estate.RouteTables.Sum(t => t.Routes.Length), counts.Routes);
        Assert.Equal(Estate.NetworkInterfaces.Length, counts.NetworkInterfaces);
        Assert.Equal(Estate.PublicIpAddresses.Length, counts.PublicIpAddresses);
        Assert.Equal(Estate.VirtualNetworkGateways.Length, counts.VirtualNetworkGateways);
        Assert.Equal(Estate.Connections.Length, counts.Connections);
        Assert.Equal(Estate.LocalNetworkGateways.Length, counts.LocalNetworkGateways);
        Assert.Equal(Estate.ExpressRouteCircuits.Length, counts.ExpressRouteCircuits);
        Assert.Equal(Estate.ExternalSites.Length, counts.ExternalSites);
        Assert.Equal(_fixture.Import.Files.Length, counts.ResourceGroups);
    }

    [Fact]
    public void The_manifest_names_nics_that_exist()
    {
        Assert.NotEmpty(_fixture.Generated.Manifest.SampleNetworkInterfaces);
        foreach (var sample in _fixture.Generated.Manifest.SampleNetworkInterfaces)
        {
            var nic = Estate.Find<NetworkInterface>(ResourceId.Parse(sample.Id));
            Assert.NotNull(nic);
            Assert.Equal(sample.PrivateIpAddress, nic.PrimaryIpConfiguration?.PrivateIpAddress?.ToString());
        }
    }

    private IEnumerable<VirtualNetwork> HubVnets() => Estate.VirtualNetworks.Where(v => v.Name.StartsWith("vnet-hub-", StringComparison.Ordinal));

    private IEnumerable<VirtualNetwork> SpokeVnets() => Estate.VirtualNetworks.Where(v => v.Name.StartsWith("vnet-spoke-", StringComparison.Ordinal));
}
