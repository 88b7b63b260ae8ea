using VNetLab.Model;
using VNetLab.Validation;

namespace VNetLab.Core.Tests.Validation;

public sealed class AddressingRulesTests
{
    [Fact]
    [Trait("fact", "constraints.md 2.2")]
    public void InvalidCidrNotation_NamesTheCorrectedPrefix_AsInTheTerraformCapture()
    {
        var estate = new EstateBuilder().Vnet("v", "10.216.0.0/16").Subnet("v", "s", "10.216.52.0/21").Build();
        var diagnostic = Assert.Single(Validator.Default.Validate(estate));
        Assert.Equal("InvalidCIDRNotation", diagnostic.AzureCode);
        Assert.Equal($"The address prefix 10.216.52.0/21 in resource {EstateBuilder.SubnetId("v", "s")} has an invalid CIDR notation. "
            + "For the given prefix length, the address prefix should be 10.216.48.0/21.", diagnostic.Message);
    }

    [Fact]
    [Trait("fact", "constraints.md 2.2 (route prefix capture)")]
    public void InvalidCidrNotation_OnARoute()
    {
        var estate = new EstateBuilder().RouteTable("rt").Route("rt", "r", "10.11.12.13/8", RouteNextHopType.Internet).Build();
        var diagnostic = Assert.Single(Validator.Default.Validate(estate), d => d.Code == "VNL1002");
        Assert.EndsWith("the address prefix should be 10.0.0.0/8.", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(EstateBuilder.Id("routeTables", "rt").Child("routes", "r"), diagnostic.ResourceId);
    }

    [Fact]
    [Trait("fact", "constraints.md 2.4")]
    public void OverlappingSubnets_TheLaterSubnetIsReported_NamingTheEarliestItOverlaps()
    {
        var estate = new EstateBuilder().Vnet("v", "10.0.0.0/16")
            .Subnet("v", "wide", "10.0.0.0/22")
            .Subnet("v", "a", "10.0.1.0/24")
            .Subnet("v", "b", "10.0.8.0/24")
            .Subnet("v", "c", "10.0.8.128/25")
            .Build();
        var overlaps = Validator.Default.Validate(estate).Where(d => d.Code == "VNL1003").ToList();
        Assert.Equal(["a", "c"], overlaps.Select(d => d.ResourceId?.Name));
        Assert.Contains("'wide' (10.0.0.0/22)", overlaps[0].Fix, StringComparison.Ordinal);
        Assert.Contains("'b' (10.0.8.0/24)", overlaps[1].Fix, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("fact", "constraints.md 2.7")]
    public void ReservedAddresses_AreTheFirstFourAndTheLast()
    {
        string[] reserved = ["10.1.1.0", "10.1.1.1", "10.1.1.2", "10.1.1.3", "10.1.1.255"];
        string[] usable = ["10.1.1.4", "10.1.1.254"];
        foreach (var ip in reserved.Concat(usable))
        {
            var estate = new EstateBuilder().Vnet("v", "10.1.0.0/16").Subnet("v", "s", "10.1.1.0/24").Nic("n", "v", "s", ip).Build();
            var fired = Validator.Default.Validate(estate).Any(d => d.Code == "VNL1006");
            Assert.Equal(reserved.Contains(ip), fired);
        }
    }

    [Fact]
    [Trait("fact", "constraints.md 2.12")]
    public void SubnetSizes_Slash8ToSlash29ForIpv4_Slash64ForIpv6()
    {
        var estate = new EstateBuilder().Vnet("v", "10.0.0.0/8, fd00::/48")
            .Subnet("v", "largest", "10.0.0.0/8")
            .Subnet("v", "smallest", "10.255.255.0/29")
            .Subnet("v", "v6", "fd00::/64")
            .Subnet("v", "v6-wrong", "fd00:0:0:1::/80")
            .Build();
        var tooSmallOrWrong = Validator.Default.Validate(estate).Where(d => d.Code == "VNL1010").Select(d => d.ResourceId?.Name);
        Assert.Equal(["v6-wrong"], tooSmallOrWrong);
    }
}
