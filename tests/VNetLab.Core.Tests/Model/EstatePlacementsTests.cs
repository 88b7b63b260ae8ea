using FsCheck;
using FsCheck.Fluent;
using VNetLab.Core.Tests.Addressing;
using VNetLab.Core.Tests.Validation;
using VNetLab.Core.Tests.Validation.Lookups;
using VNetLab.Model;

namespace VNetLab.Core.Tests.Model;

/// <summary>
/// The estate files each IP configuration under the VNet of its subnet, with each subnet's configurations beside them.
/// Asked by subnet or by VNet, it must give what a filter over every configuration in the estate's order gives, whatever
/// the spelling of the ids (ARM compares them ignoring case) and for subnet ids without a parent.
/// </summary>
public sealed class EstatePlacementsTests
{
    private static readonly Gen<ResourceId?> _subnetId = Gen.OneOf(
        Gen.Constant<ResourceId?>(null),
        ResourceIdGenerators.Id.Select(static id => (ResourceId?)id),
        ResourceIdGenerators.Pair.Select(static pair => (ResourceId?)pair.Item1));

    // Up to 6 NICs of up to 3 configurations each.
    private static readonly Gen<Estate> _estates =
        from nics in Gen.Choose(0, 6)
        from subnets in Gen.ArrayOf(Gen.Choose(0, 3).SelectMany(n => Gen.ArrayOf(_subnetId, n)), nics)
        select Estate.Create(subnets.Select((ofNic, i) =>
        {
            var id = EstateBuilder.Id("networkInterfaces", $"nic{i}");
            return new NetworkInterface
            {
                Id = id,
                IpConfigurations = [.. ofNic.Select((s, k) => new NetworkInterfaceIpConfiguration { Id = id.Child("ipConfigurations", $"c{k}"), SubnetId = s })],
            };
        }));

    // Up to 3 VNets listing up to 4 subnets each (names a, A and b, so some listed twice in two spellings), and NICs in
    // those subnets, in subnets the VNets do not list, or elsewhere.
    private static readonly Gen<Estate> _vnetsAndNics =
        from vnetIds in Gen.Choose(0, 3).SelectMany(n => Gen.ArrayOf(ResourceIdGenerators.Id, n))
        from subnetNames in Gen.ArrayOf(Gen.Choose(0, 4).SelectMany(n => Gen.ArrayOf(Gen.Elements("a", "A", "b"), n)), vnetIds.Length)
        from nicSubnets in Gen.Choose(0, 8).SelectMany(n => Gen.ArrayOf(Gen.OneOf(
            _subnetId,
            Gen.Elements(vnetIds.DefaultIfEmpty(EstateBuilder.VnetId("none")).ToArray()).Zip(Gen.Elements("a", "b", "c")).Select(p => (ResourceId?)p.Item1.Child("subnets", p.Item2))), n))
        select Estate.Create(
            vnetIds.Select((id, i) => (Resource)new VirtualNetwork { Id = id, Subnets = [.. subnetNames[i].Select(name => new Subnet { Id = id.Child("subnets", name) })] })
                .Concat(nicSubnets.Select((subnet, i) =>
                {
                    var id = EstateBuilder.Id("networkInterfaces", $"nic{i}");
                    return new NetworkInterface { Id = id, IpConfigurations = [new NetworkInterfaceIpConfiguration { Id = id.Child("ipConfigurations", "c"), SubnetId = subnet }] };
                })));

    [Fact]
    public void Property_ConfigurationsBySubnetAndByVnetAreThoseAFilterFinds() =>
        PropertyCheck.Holds(Gen.Zip(_estates, Gen.ListOf(ResourceIdGenerators.Id)), static input =>
        {
            var (estate, others) = input;
            var every = estate.NetworkInterfaces.SelectMany(n => n.IpConfigurations).ToList();
            var subnets = every.Select(c => c.SubnetId).OfType<ResourceId>().Concat(others).ToList();
            var vnets = subnets.Select(s => s.Parent).OfType<ResourceId>().Concat(others).ToList();
            return subnets.All(s => estate.IpConfigurationsIn(s).SequenceEqual(every.Where(c => s.Equals(c.SubnetId))))
                && vnets.All(v => estate.IpConfigurationsInVirtualNetwork(v).SequenceEqual(every.Where(c => v.Equals(c.SubnetId?.Parent))));
        }, runs: 1000);

    [Fact]
    public void Property_AVnetsCountIsTheSumOverTheSubnetsItLists() =>
        PropertyCheck.Holds(_vnetsAndNics, static estate =>
            estate.VirtualNetworks.Select(v => v.Id).Concat(estate.NetworkInterfaces.SelectMany(n => n.IpConfigurations).Select(c => c.SubnetId?.Parent).OfType<ResourceId>())
                .All(id => estate.IpConfigurationCountOf(id) == (estate.Find<VirtualNetwork>(id) is { } vnet ? vnet.Subnets.Sum(s => estate.IpConfigurationsIn(s.Id).Length) : 0)),
            runs: 1000);

    [Fact]
    public void ConfigurationsOfTwoSubnetsOfOneVnet_AreFoundBySubnetInTheOrderOfTheirNics()
    {
        var vnet = EstateBuilder.VnetId("spoke");
        var (app, data) = (vnet.Child("subnets", "app"), vnet.Child("subnets", "data"));
        var nics = new[] { app, data, ResourceId.Parse(app.Value.ToUpperInvariant()), null }.Select((subnet, i) =>
        {
            var id = EstateBuilder.Id("networkInterfaces", $"nic{i}");
            return new NetworkInterface { Id = id, IpConfigurations = [new NetworkInterfaceIpConfiguration { Id = id.Child("ipConfigurations", "c"), SubnetId = subnet }] };
        }).ToList();
        var estate = Estate.Create(nics);

        Assert.Equal(["nic0", "nic2"], Holders(estate.IpConfigurationsIn(app)));
        Assert.Equal(["nic1"], Holders(estate.IpConfigurationsIn(data)));
        Assert.Equal(["nic0", "nic1", "nic2"], Holders(estate.IpConfigurationsInVirtualNetwork(vnet)));
        Assert.Empty(estate.IpConfigurationsIn(vnet.Child("subnets", "none")));
    }

    private static IEnumerable<string> Holders(IEnumerable<NetworkInterfaceIpConfiguration> ipConfigurations) => ipConfigurations.Select(c => c.NetworkInterfaceId.Name);
}
