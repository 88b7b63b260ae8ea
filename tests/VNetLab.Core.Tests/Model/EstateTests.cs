using VNetLab.Addressing;
using VNetLab.Model;

namespace VNetLab.Core.Tests.Model;

public sealed class EstateTests
{
    private static readonly ResourceId _hub = ResourceId.Parse("/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/hub");
    private static readonly ResourceId _spoke = ResourceId.Parse("/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/spoke");
    private static readonly ResourceId _gateway = ResourceId.Parse("/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworkGateways/gw");
    private static readonly ResourceId _nic = ResourceId.Parse("/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/networkInterfaces/vm1-nic");
    private static readonly ResourceId _missingNsg = ResourceId.Parse("/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/networkSecurityGroups/gone");

    private static Estate Build()
    {
        var hub = new VirtualNetwork
        {
            Id = _hub,
            AddressSpace = [AddressPrefix.Of(IpPrefix.Parse("10.100.0.0/16"))],
            Subnets = [new Subnet { Id = _hub.Child("subnets", "GatewaySubnet"), AddressPrefixes = [AddressPrefix.Of(IpPrefix.Parse("10.100.0.0/27"))] }],
            Peerings = [new VirtualNetworkPeering { Id = _hub.Child("virtualNetworkPeerings", "to-spoke"), RemoteVirtualNetworkId = _spoke, AllowGatewayTransit = true }],
        };
        var spoke = new VirtualNetwork
        {
            Id = _spoke,
            AddressSpace = [AddressPrefix.Of(IpPrefix.Parse("10.1.0.0/16"))],
            Subnets = [new Subnet { Id = _spoke.Child("subnets", "app"), AddressPrefixes = [AddressPrefix.Of(IpPrefix.Parse("10.1.1.0/24"))], NetworkSecurityGroupId = _missingNsg }],
            Peerings = [new VirtualNetworkPeering { Id = _spoke.Child("virtualNetworkPeerings", "to-hub"), RemoteVirtualNetworkId = _hub, UseRemoteGateways = true }],
        };
        var gateway = new VirtualNetworkGateway
        {
            Id = _gateway,
            GatewayType = VirtualNetworkGatewayType.ExpressRoute,
            IpConfigurations = [new GatewayIpConfiguration { Id = _gateway.Child("ipConfigurations", "default"), SubnetId = _hub.Child("subnets", "GatewaySubnet") }],
        };
        var nic = new NetworkInterface
        {
            Id = _nic,
            IpConfigurations = [new NetworkInterfaceIpConfiguration { Id = _nic.Child("ipConfigurations", "ipconfig1"), SubnetId = _spoke.Child("subnets", "app"), PrivateIpAddress = IpAddress.Parse("10.1.1.4") }],
        };
        return Estate.Create([hub, spoke, gateway, nic]);
    }

    [Fact]
    public void Indexes_LinkSubnetsNicsPeeringsAndGateways()
    {
        var estate = Build();
        var subnet = estate.Find<Subnet>(_spoke.Child("subnets", "APP"));
        Assert.NotNull(subnet);
        Assert.Equal(_spoke, estate.VirtualNetworkOf(subnet.Id)?.Id);
        Assert.Equal(_nic, Assert.Single(estate.NetworkInterfacesIn(subnet.Id)).Id);
        Assert.Equal(subnet.Id, estate.SubnetOf(estate.NetworkInterfaces[0])?.Id);
        Assert.Equal(_gateway, Assert.Single(estate.GatewaysOf(_hub)).Id);
        Assert.Empty(estate.GatewaysOf(_spoke));
        var spokeToHub = Assert.Single(estate.PeeringsOf(_spoke));
        Assert.Equal("to-spoke", estate.RemotePeeringOf(spokeToHub)?.Name);
        Assert.Equal("to-hub", Assert.Single(estate.PeeringsTo(_hub)).Name);
    }

    [Fact]
    public void DanglingReferences_AreRecordedNotThrown()
    {
        var unresolved = Assert.Single(Build().UnresolvedReferences);
        Assert.Equal(_missingNsg, unresolved.Target);
        Assert.Equal("properties.networkSecurityGroup.id", unresolved.Property);
    }

    [Fact]
    public void With_BuildsANewSnapshotAndLeavesTheOldOne()
    {
        var before = Build();
        var spoke = before.Find<VirtualNetwork>(_spoke);
        Assert.NotNull(spoke);
        var after = before.With(spoke with { AddressSpace = [AddressPrefix.Of(IpPrefix.Parse("10.2.0.0/16"))] });
        Assert.Equal("10.1.0.0/16", before.Find<VirtualNetwork>(_spoke)?.AddressSpace[0].Text);
        Assert.Equal("10.2.0.0/16", after.Find<VirtualNetwork>(_spoke)?.AddressSpace[0].Text);
        Assert.Equal(before.Roots.Length, after.Roots.Length);
        Assert.Empty(after.Without(_spoke, _nic).PeeringsOf(_spoke));
    }

    [Fact]
    public void ResourceLookup_ByNameMatchesOnlyTheKindAsked_AndReportsAmbiguity()
    {
        var estate = Build();
        Assert.Equal(_nic, ResourceLookup.NetworkInterface(estate, "vm1-nic").Resource?.Id);
        Assert.False(ResourceLookup.NetworkInterface(estate, "hub").IsFound);
        Assert.Equal("app", ResourceLookup.Subnet(estate, "spoke/app").Resource?.Name);
        Assert.Equal("GatewaySubnet", ResourceLookup.Subnet(estate, _hub.Child("subnets", "GatewaySubnet").Value).Resource?.Name);

        var twoHubs = estate.With(new VirtualNetwork { Id = ResourceId.Parse("/subscriptions/s/resourceGroups/other/providers/Microsoft.Network/virtualNetworks/hub") });
        var ambiguous = ResourceLookup.VirtualNetwork(twoHubs, "hub");
        Assert.True(ambiguous.IsAmbiguous);
        Assert.Equal(2, ambiguous.Candidates.Length);
    }
}
