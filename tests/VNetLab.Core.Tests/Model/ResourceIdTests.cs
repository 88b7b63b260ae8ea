using VNetLab.Model;

namespace VNetLab.Core.Tests.Model;

[Trait("fact", "CONTRACT.md: resource IDs compare case-insensitively")]
public sealed class ResourceIdTests
{
    private const string Subnet = "/subscriptions/6f1e3b2a-8d47-4c1e-9a35-2b7d0c4e81f6/resourceGroups/rg-hub/providers/Microsoft.Network/virtualNetworks/hub-vnet001/subnets/GatewaySubnet";

    [Fact]
    public void Parse_SplitsSegments()
    {
        var id = ResourceId.Parse(Subnet);
        Assert.Equal("6f1e3b2a-8d47-4c1e-9a35-2b7d0c4e81f6", id.Subscription);
        Assert.Equal("rg-hub", id.ResourceGroup);
        Assert.Equal("Microsoft.Network", id.ProviderNamespace);
        Assert.Equal(["virtualNetworks", "subnets"], id.Types.ToArray());
        Assert.Equal("GatewaySubnet", id.Name);
        Assert.Equal("Microsoft.Network/virtualNetworks/subnets", id.ResourceType);
        Assert.True(id.IsChild);
        Assert.Equal(Subnet, id.ToString());
    }

    [Fact]
    public void Equality_IgnoresCase_ButKeepsTheTextAsGiven()
    {
        var a = ResourceId.Parse(Subnet);
        var b = ResourceId.Parse(Subnet.ToUpperInvariant());
        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Equal(Subnet.ToUpperInvariant(), b.Value);
    }

    [Fact]
    public void ParentAndChild_RoundTrip()
    {
        var subnet = ResourceId.Parse(Subnet);
        var vnet = subnet.Parent;
        Assert.NotNull(vnet);
        Assert.Equal("hub-vnet001", vnet.Name);
        Assert.False(vnet.IsChild);
        Assert.Null(vnet.Parent);
        Assert.Equal(subnet, vnet.Child("subnets", "GatewaySubnet"));
        Assert.Equal(vnet, subnet.Root);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-an-id")]
    [InlineData("/subscriptions/x/resourceGroups/rg")]
    [InlineData("/subscriptions/x/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks")]
    [InlineData("/subs/x/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v")]
    public void TryParse_RejectsWhatIsNotAnId(string text) => Assert.False(ResourceId.TryParse(text, out _));

    [Fact]
    public void TryCreate_BuildsChildIdsFromSlashedNames()
    {
        Assert.True(ResourceId.TryCreate("sub", "rg", "Microsoft.Network/virtualNetworks/subnets", "vnet1/web", out var id));
        Assert.Equal("/subscriptions/sub/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet1/subnets/web", id.Value);
        Assert.False(ResourceId.TryCreate("sub", "rg", "Microsoft.Network/virtualNetworks/subnets", "web", out _));
    }
}
