using VNetLab.Addressing;
using VNetLab.Model;
using VNetLab.Testing.Reference;

namespace VNetLab.EstateGenerator.Tests;

/// <summary>
/// The generated estate behaves as its design says, checked with the reference engine: spokes reach
/// on-premises through the hub gateways or the hub firewall, and their NSGs let management in and keep the
/// Internet out.
/// </summary>
[Collection(TinyEstateFixture.Collection)]
public sealed class GeneratedBehaviourTests
{
    private readonly TinyEstateFixture _fixture;
    private readonly ReferenceRouting _routing;

    public GeneratedBehaviourTests(TinyEstateFixture fixture)
    {
        _fixture = fixture;
        _routing = new ReferenceRouting(fixture.Estate);
    }

    private Estate Estate => _fixture.Estate;

    private IpAddress OnPremises => Estate.ExternalSites.Single(s => s.Name == "onprem-corporate").AdvertisedPrefixes[0].Network;

    [Fact]
    [Trait("fact", "semantics.md 3.8")]
    public void An_ordinary_spoke_reaches_on_premises_through_its_hubs_gateways()
    {
        var subnet = SubnetOf("spoke using its hub's gateways, no route table");

        Assert.Equal("VirtualNetworkGateway", _routing.NextHop(subnet, OnPremises).NextHopType);
        Assert.Equal("Internet", _routing.NextHop(subnet, IpAddress.Parse("93.184.216.34")).NextHopType);
    }

    [Fact]
    [Trait("fact", "semantics.md 3.1")]
    [Trait("fact", "semantics.md 3.7")]
    public void A_default_route_to_the_firewall_loses_to_more_specific_bgp_routes_unless_propagation_is_disabled()
    {
        var firewalls = Estate.AzureFirewalls.Select(f => f.PrivateIpAddress).ToList();
        var onPremises = Estate.ExternalSites.Single(s => s.Name == "onprem-corporate").AdvertisedPrefixes;

        // Propagation on: on-premises prefixes without a UDR of their own go straight to the gateway (longest prefix wins).
        var withPropagation = SubnetOf("spoke with a route table to the hub firewall");
        var udrs = Estate.Find<RouteTable>(withPropagation.RouteTableId)!.Routes.Select(r => r.Prefix).OfType<IpPrefix>().ToList();
        var uncovered = onPremises.First(p => !udrs.Any(u => u.Length > 0 && u.Overlaps(p)));
        Assert.Equal("VirtualNetworkGateway", _routing.NextHop(withPropagation, uncovered.Network).NextHopType);
        var internet = _routing.NextHop(withPropagation, IpAddress.Parse("93.184.216.34"));
        Assert.Equal("VirtualAppliance", internet.NextHopType);
        Assert.Contains(internet.NextHopIpAddress, firewalls);

        // Propagation off: no gateway routes at all, so everything off the VNet and its peers goes to the firewall.
        var isolated = SubnetOf("spoke with gateway route propagation disabled");
        Assert.DoesNotContain(_routing.EffectiveRoutes(isolated), r => r.Source == "VirtualNetworkGateway");
        var hop = _routing.NextHop(isolated, uncovered.Network);
        Assert.Equal("VirtualAppliance", hop.NextHopType);
        Assert.Contains(hop.NextHopIpAddress, firewalls);
    }

    [Fact]
    [Trait("fact", "semantics.md 3.8")]
    [Trait("fact", "constraints.md 1.16")]
    public void Traffic_arriving_at_a_hub_gateway_for_a_spoke_is_sent_through_the_hub_firewall()
    {
        foreach (var (hub, gatewaySubnet) in Estate.AllSubnets.Where(p => p.Subnet.IsGatewaySubnet))
        {
            var firewall = Estate.AzureFirewalls.Single(f => f.IpConfigurations.Any(c => c.SubnetId?.Parent == hub.Id)).PrivateIpAddress;
            // The spokes attached to this hub (a spoke's first peering is to its own hub).
            var spokes = Estate.VirtualNetworks
                .Where(v => v.Name.StartsWith("vnet-spoke-", StringComparison.Ordinal) && v.Peerings[0].RemoteVirtualNetworkId == hub.Id)
                .ToList();
            Assert.NotEmpty(spokes);
            foreach (var spoke in spokes)
            {
                var hop = _routing.NextHop(gatewaySubnet, spoke.Subnets[0].AddressPrefixes[0].Prefix.Network);
                Assert.Equal(("VirtualAppliance", firewall), (hop.NextHopType, hop.NextHopIpAddress));
            }
        }
    }

    [Fact]
    [Trait("fact", "semantics.md 4.3")]
    [Trait("fact", "semantics.md 4.5")]
    public void Spoke_nsgs_let_management_in_and_keep_the_internet_out()
    {
        var sample = _fixture.Manifest.SampleNetworkInterfaces.First(s => s.Label.StartsWith("spoke using its hub", StringComparison.Ordinal));
        var nic = Estate.Find<NetworkInterface>(ResourceId.Parse(sample.Id));
        Assert.NotNull(nic);
        var local = IpAddress.Parse(sample.PrivateIpAddress);
        var security = new ReferenceSecurity(_routing).Prepare(nic);
        var nsg = Estate.Find<NetworkSecurityGroup>(Estate.SubnetOf(nic)?.NetworkSecurityGroupId);
        var management = IpPrefix.Parse(nsg!.SecurityRules.Single(r => r.Name == "Allow-Mgmt-From-OnPrem").SourceAddressPrefixes[0]).Network;

        Assert.Equal("securityRules/Allow-Mgmt-From-OnPrem",
            security.Verify(SecurityRuleDirection.Inbound, "Tcp", local, 22, management, 50000).RuleName);
        var fromInternet = security.Verify(SecurityRuleDirection.Inbound, "Tcp", local, 443, IpAddress.Parse("203.0.113.50"), 50000);
        Assert.Equal((SecurityRuleAccess.Deny, "securityRules/Deny-All-Inbound"), (fromInternet.Access, fromInternet.RuleName));
        var toInternet = security.Verify(SecurityRuleDirection.Outbound, "Tcp", local, 50000, IpAddress.Parse("93.184.216.34"), 443);
        Assert.Equal((SecurityRuleAccess.Deny, "securityRules/Deny-Internet-Outbound"), (toInternet.Access, toInternet.RuleName));
    }

    private Subnet SubnetOf(string label)
    {
        var sample = _fixture.Manifest.SampleNetworkInterfaces.Single(s => s.Label == label);
        var nic = Estate.Find<NetworkInterface>(ResourceId.Parse(sample.Id));
        return Estate.SubnetOf(nic!) ?? throw new InvalidOperationException(label);
    }
}
