using VNetLab.Core.Tests.Addressing;
using VNetLab.Model;
using VNetLab.Validation;

namespace VNetLab.Core.Tests.Validation.Lookups;

/// <summary>The lookups that compare ids in place give the answers of building the parent id.</summary>
public sealed class EstateLookupsTests
{
    [Fact]
    public void Property_IsChildOfEqualsComparingTheParent() =>
        PropertyCheck.Holds(ResourceIdGenerators.Pair, static pair =>
        {
            var (child, parent) = pair;
            return child.IsChildOf(parent) == (child.Parent == parent);
        }, runs: 2000);

    [Fact]
    public void Property_HasSameParentAsEqualsComparingTheParents() =>
        PropertyCheck.Holds(ResourceIdGenerators.Pair, static pair =>
        {
            var (a, b) = pair;
            return a.HasSameParentAs(b) == (a.IsChild && b.IsChild && a.Parent == b.Parent);
        }, runs: 2000);

    [Fact]
    public void IsChildOf_IgnoresCaseAsArmDoes()
    {
        var vnet = ResourceId.Parse("/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/hub");
        var subnet = ResourceId.Parse("/SUBSCRIPTIONS/S/RESOURCEGROUPS/RG/PROVIDERS/MICROSOFT.NETWORK/VIRTUALNETWORKS/HUB/SUBNETS/web");

        Assert.True(subnet.IsChildOf(vnet));
        Assert.False(vnet.IsChildOf(vnet));
        Assert.False(subnet.IsChildOf(subnet));
        Assert.False(subnet.Child("ipConfigurations", "x").IsChildOf(vnet));
    }

    [Fact]
    public void NetworkInterfaceOf_AnswersAsFindingTheParentDoes()
    {
        var nicId = EstateBuilder.Id("networkInterfaces", "nic");
        var otherId = EstateBuilder.Id("networkInterfaces", "other");
        var own = Configuration(nicId.Child("ipConfigurations", "ipconfig1"));
        var upper = Configuration(ResourceId.Parse(nicId.Child("ipConfigurations", "ipconfig2").Value.ToUpperInvariant()));
        var foreign = Configuration(otherId.Child("ipConfigurations", "ipconfig1"));
        var missing = Configuration(EstateBuilder.Id("networkInterfaces", "gone").Child("ipConfigurations", "ipconfig1"));
        var topLevel = Configuration(EstateBuilder.Id("networkInterfaces", "toplevel"));
        var nic = new NetworkInterface { Id = nicId, IpConfigurations = [own, upper, foreign, missing, topLevel] };
        var other = new NetworkInterface { Id = otherId };
        var estate = Estate.Create([nic, other]);

        foreach (var configuration in nic.IpConfigurations)
        {
            Assert.Same(estate.Find<NetworkInterface>(configuration.NetworkInterfaceId), estate.NetworkInterfaceOf(configuration, nic));
        }

        Assert.Same(nic, estate.NetworkInterfaceOf(upper, nic));
        Assert.Same(other, estate.NetworkInterfaceOf(foreign, nic));
        Assert.Null(estate.NetworkInterfaceOf(missing, nic));
    }

    private static NetworkInterfaceIpConfiguration Configuration(ResourceId id) => new() { Id = id };
}
