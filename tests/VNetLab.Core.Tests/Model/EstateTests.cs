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
    public void Find_answers_from_a_types_own_index_exactly_as_from_every_resources()
    {
        // VNets, subnets, NSGs and route tables have their own small indexes (Estate.Find); whatever type is asked,
        // the answer is the one resource with the id when it is of that type, and nothing otherwise.
        var nsgId = ResourceId.Parse("/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/networkSecurityGroups/nsg");
        var tableId = ResourceId.Parse("/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/routeTables/rt");
        var nsg = new NetworkSecurityGroup { Id = nsgId };
        var table = new RouteTable { Id = tableId };

        // The same id twice: the first one read is the estate's, for Find<Resource> and for the type's index alike.
        var laterDuplicate = new NetworkSecurityGroup { Id = nsgId, Location = "westeurope" };
        var estate = Build().With(nsg, table);
        estate = Estate.Create([.. estate.Roots, laterDuplicate]);

        var subnetId = _spoke.Child("subnets", "app");
        Assert.Same(estate.Find<Resource>(_spoke), estate.Find<VirtualNetwork>(_spoke));
        Assert.Same(estate.Find<Resource>(subnetId), estate.Find<Subnet>(subnetId));
        Assert.Same(nsg, estate.Find<NetworkSecurityGroup>(nsgId));
        Assert.Same(nsg, estate.Find<Resource>(nsgId));
        Assert.Same(table, estate.Find<RouteTable>(tableId));
        Assert.Same(estate.Find<VirtualNetwork>(_spoke), estate.Find<TrackedResource>(_spoke));

        // Asked as another type, an id finds nothing, whichever index answers.
        Assert.Null(estate.Find<Subnet>(_spoke));
        Assert.Null(estate.Find<VirtualNetwork>(subnetId));
        Assert.Null(estate.Find<RouteTable>(nsgId));
        Assert.Null(estate.Find<NetworkSecurityGroup>(tableId));
        Assert.Null(estate.Find<VirtualNetwork>(_nic));
        Assert.Null(estate.Find<VirtualNetwork>(null));
        Assert.Null(estate.Find<NetworkSecurityGroup>(_missingNsg));

        // Ids compare as ARM compares them (ignoring case), in the small indexes as in the large one.
        Assert.Same(estate.Find<VirtualNetwork>(_spoke), estate.Find<VirtualNetwork>(ResourceId.Parse(_spoke.Value.ToUpperInvariant())));
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
