using VNetLab.Model;

namespace VNetLab.Core.Tests.Model;

/// <summary>
/// Two ids are spelled alike when every segment, fixed words included, is written the same: the test under which an
/// importer may keep one object for both, which <see cref="ResourceId.Value"/> must not be able to tell apart.
/// </summary>
public sealed class ResourceIdSpellingTests
{
    private const string Vnet = "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/hub";
    private const string Subnet = Vnet + "/subnets/app";

    [Theory]
    [InlineData(Subnet, Subnet, true)]
    [InlineData(Subnet, " " + Subnet + "/", true)]
    [InlineData(Subnet, "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/hub//subnets/app", true)]
    [InlineData(Subnet, "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/hub/subnets/App", false)]
    [InlineData(Subnet, "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/HUB/subnets/app", false)]
    [InlineData(Subnet, "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Network/virtualnetworks/hub/subnets/app", false)]
    [InlineData(Subnet, "/subscriptions/s1/resourceGroups/RG/providers/Microsoft.Network/virtualNetworks/hub/subnets/app", false)]
    [InlineData(Subnet, "/Subscriptions/s1/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/hub/subnets/app", false)]
    [InlineData(Subnet, "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/hub/subnets/other", false)]
    [InlineData(Subnet, Vnet, false)]
    [InlineData(Vnet, "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/hub/subnets/app/x/y", false)]
    public void IsSpelledAs_IsTrueExactlyWhenTheTextsAreTheSame(string left, string right, bool expected)
    {
        var (a, b) = (ResourceId.Parse(left), ResourceId.Parse(right));

        Assert.Equal(expected, a.IsSpelledAs(b));
        Assert.Equal(expected, b.IsSpelledAs(a));
        Assert.Equal(expected, string.Equals(a.Value, b.Value, StringComparison.Ordinal));
    }

    [Fact]
    public void WithParent_SharesTheGivenParent_AndKeepsTheId()
    {
        var parent = ResourceId.Parse(Vnet);
        var child = ResourceId.Parse(Subnet);

        var moved = child.WithParent(parent);

        Assert.Same(parent, moved.Parent);
        Assert.Equal(Subnet, moved.Value);
        Assert.True(moved.IsSpelledAs(child));
        Assert.Equal(child.GetHashCode(), moved.GetHashCode());
        Assert.Same(moved, moved.WithParent(parent));
    }

    [Fact]
    public void WithParent_RefusesAParentSpelledOtherwise()
    {
        var child = ResourceId.Parse(Subnet);

        Assert.Throws<ArgumentException>(() => child.WithParent(ResourceId.Parse(Vnet.ToUpperInvariant())));
        Assert.Throws<ArgumentException>(() => ResourceId.Parse(Vnet).WithParent(ResourceId.Parse(Vnet)));
    }
}
