using VNetLab.Model;
using VNetLab.Validation;

namespace VNetLab.Core.Tests.Validation.Walks;

/// <summary>
/// A validator pass finds the subnet of a VNet's configuration among the VNet's subnets: the answer must be the
/// estate index's, for every configuration and VNet, including VNets whose subnets the index does not find as themselves.
/// </summary>
public sealed class ValidationPassSubnetTests
{
    [Fact]
    public void SubnetOf_AnswersAsTheEstatesIndex_ForEveryConfigurationAndVnet()
    {
        var a = EstateBuilder.VnetId("vnet-a");
        var b = EstateBuilder.VnetId("vnet-b");
        var c = EstateBuilder.VnetId("vnet-c");
        var web = EstateBuilder.SubnetId("vnet-a", "web");

        // vnet-b lists a subnet whose id names vnet-a (so the index finds vnet-b's object for it, not vnet-a's), and
        // vnet-c lists one id twice (the index finds the first).
        var vnets = new[]
        {
            new VirtualNetwork { Id = b, Subnets = [new Subnet { Id = web }, new Subnet { Id = b.Child("subnets", "app") }] },
            new VirtualNetwork { Id = a, Subnets = [new Subnet { Id = web }, new Subnet { Id = a.Child("subnets", "app") }] },
            new VirtualNetwork { Id = c, Subnets = [new Subnet { Id = c.Child("subnets", "x") }, new Subnet { Id = c.Child("subnets", "x") }] },
        };
        var subnetIds = new ResourceId?[]
        {
            null, web, EstateBuilder.SubnetId("VNET-A", "WEB"), a.Child("subnets", "app"), a.Child("subnets", "gone"), b.Child("subnets", "app"),
            c.Child("subnets", "x"), EstateBuilder.SubnetId("elsewhere", "default"),
        };
        var nicId = EstateBuilder.Id("networkInterfaces", "nic");
        var nic = new NetworkInterface
        {
            Id = nicId,
            IpConfigurations = [.. subnetIds.Select((s, i) => new NetworkInterfaceIpConfiguration { Id = nicId.Child("ipConfigurations", $"c{i}"), SubnetId = s })],
        };
        var estate = Estate.Create([.. vnets, nic]);

        var pass = new ValidationPass(estate);
        var answers = 0;
        foreach (var vnet in estate.VirtualNetworks.Concat(estate.VirtualNetworks.Reverse()))
        {
            foreach (var configuration in nic.IpConfigurations)
            {
                var expected = estate.SubnetOf(configuration);
                Assert.Same(expected, pass.SubnetOf(configuration, vnet));
                answers += expected is null ? 0 : 1;
            }
        }

        Assert.Equal(30, answers);
    }

    [Fact]
    public void AnEstate_VouchesForItsSubnets_OnlyWhenTheIndexFindsEachAsItself()
    {
        var a = EstateBuilder.VnetId("vnet-a");
        var b = EstateBuilder.VnetId("vnet-b");
        VirtualNetwork Vnet(ResourceId id, params ResourceId[] subnets) => new() { Id = id, Subnets = [.. subnets.Select(s => new Subnet { Id = s })] };
        var own = Vnet(a, a.Child("subnets", "web"), a.Child("subnets", "app"));
        var nicId = EstateBuilder.Id("networkInterfaces", "nic");
        var nic = new NetworkInterface
        {
            Id = nicId,
            IpConfigurations = [.. new[] { a.Child("subnets", "web"), a.Child("subnets", "app"), b.Child("subnets", "web") }
                .Select((s, i) => new NetworkInterfaceIpConfiguration { Id = nicId.Child("ipConfigurations", $"c{i}"), SubnetId = s })],
        };

        var clean = Estate.Create([own, Vnet(b, b.Child("subnets", "web")), nic]);
        var listedTwice = Estate.Create([Vnet(a, a.Child("subnets", "web"), a.Child("subnets", "web")), nic]);
        var shadowed = Estate.Create([Vnet(b, a.Child("subnets", "web")), own, nic]);
        var twoVnetsOneId = Estate.Create([own, Vnet(a, a.Child("subnets", "web")), nic]);

        Assert.True(clean.SubnetsAreIndexedAsThemselves);
        Assert.False(listedTwice.SubnetsAreIndexedAsThemselves);
        Assert.False(shadowed.SubnetsAreIndexedAsThemselves);
        Assert.True(Estate.Empty.SubnetsAreIndexedAsThemselves);

        // The second VNet with the first's id is not one of the estate's, so only the estate's own VNets count.
        foreach (var estate in new[] { clean, listedTwice, shadowed, twoVnetsOneId })
        {
            Assert.Equal(estate.VirtualNetworks.All(v => v.Subnets.All(s => ReferenceEquals(estate.Find<Subnet>(s.Id), s))), estate.SubnetsAreIndexedAsThemselves);
        }

        // Either way the pass answers as the index, for the estate's VNets and for a copy of one that is not the estate's.
        foreach (var estate in new[] { clean, listedTwice, shadowed, twoVnetsOneId })
        {
            var pass = new ValidationPass(estate);
            foreach (var vnet in estate.VirtualNetworks.Append(estate.VirtualNetworks[0] with { Subnets = [new Subnet { Id = a.Child("subnets", "web") }] }))
            {
                Assert.All(nic.IpConfigurations, c => Assert.Same(estate.SubnetOf(c), pass.SubnetOf(c, vnet)));
            }
        }
    }
}
