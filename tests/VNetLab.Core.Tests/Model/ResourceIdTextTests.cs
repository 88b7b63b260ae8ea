using VNetLab.Model;

namespace VNetLab.Core.Tests.Model;

/// <summary>
/// The id's text is rebuilt from its segments on demand (an estate holds millions of ids): it must be the text
/// as given, and equality, hashing and ordering must be those of that text compared ignoring case.
/// </summary>
[Trait("fact", "CONTRACT.md: resource IDs compare case-insensitively")]
public sealed class ResourceIdTextTests
{
    [Theory]
    [InlineData("/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/networkSecurityGroups/nsg/securityRules/r1")]
    [InlineData("/SUBSCRIPTIONS/s/ResourceGroups/RG/PROVIDERS/microsoft.network/NetworkSecurityGroups/Nsg")]
    [InlineData("/subscriptions/s/resourcegroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/GatewaySubnet")]
    public void Value_IsTheTextAsGiven(string text) => Assert.Equal(text, ResourceId.Parse(text).Value);

    [Fact]
    public void Value_DropsEmptySegmentsAndSurroundingSpace_AsParsingAlwaysDid()
    {
        var id = ResourceId.Parse("  subscriptions//s/resourceGroups/rg/providers/Microsoft.Network/routeTables/rt/ ");
        Assert.Equal("/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/routeTables/rt", id.Value);
    }

    [Fact]
    public void ParsedAndBuiltIds_AreEqual_WhateverTheCasingOfTheFixedSegments()
    {
        var parsed = ResourceId.Parse("/SUBSCRIPTIONS/S/RESOURCEGROUPS/RG/PROVIDERS/MICROSOFT.NETWORK/VIRTUALNETWORKS/V/SUBNETS/A");
        var built = ResourceId.Create("s", "rg", "Microsoft.Network", ["virtualNetworks", "subnets"], ["v", "a"]);
        Assert.Equal(parsed, built);
        Assert.Equal(parsed.GetHashCode(), built.GetHashCode());
        Assert.Equal(0, parsed.CompareTo(built));
        Assert.Equal("/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/a", built.Value);
    }

    [Fact]
    public void Child_PointsAtItsParentsId_AndHasTheSegmentsOfItsText()
    {
        var nsg = ResourceId.Parse("/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/networkSecurityGroups/nsg");
        var rule = nsg.Child("securityRules", "r1");

        Assert.Same(nsg, rule.Parent);
        Assert.Same(nsg, rule.Root);
        var parsed = ResourceId.Parse(rule.Value);
        Assert.Equal(parsed, rule);
        Assert.Equal(parsed.GetHashCode(), rule.GetHashCode());
        Assert.Equal(nsg, parsed.Parent);
        Assert.Equal<string>(["networkSecurityGroups", "securityRules"], rule.Types);
        Assert.Equal<string>(["nsg", "r1"], rule.Names);
        Assert.Equal("Microsoft.Network/networkSecurityGroups/securityRules", rule.ResourceType);
        Assert.Equal("/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/networkSecurityGroups/nsg/securityRules/r1", rule.Value);
    }

    [Fact]
    public void Ids_WithTheSameTextSplitDifferently_AreNotEqual()
    {
        var vnet = ResourceId.Parse("/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v");
        var other = ResourceId.Parse("/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/w");
        Assert.NotEqual(vnet, other);
        Assert.NotEqual(vnet, vnet.Child("subnets", "a"));
    }

    [Fact]
    public void EqualityHashAndOrder_AreThoseOfTheText_OnRandomIds()
    {
        // Segments from a small alphabet that includes '-', '.', '_' and digits, whose order against '/' is
        // where comparing segment by segment and comparing whole texts could disagree.
        var random = new Random(20261122);
        string Segment() => new([.. Enumerable.Range(0, random.Next(1, 4)).Select(_ => "aAbB-._0Z"[random.Next(9)])]);
        var texts = Enumerable.Range(0, 400).Select(_ =>
        {
            var depth = random.Next(1, 4);
            var tail = string.Concat(Enumerable.Range(0, depth).Select(_ => "/" + Segment() + "/" + Segment()));
            var subscriptions = random.Next(2) == 0 ? "subscriptions" : "Subscriptions";
            return $"/{subscriptions}/{Segment()}/resourceGroups/{Segment()}/providers/{Segment()}{tail}";
        }).ToList();
        var ids = texts.Select(ResourceId.Parse).ToList();

        for (var i = 0; i < ids.Count; i++)
        {
            Assert.Equal(texts[i], ids[i].Value);
            for (var j = 0; j < ids.Count; j++)
            {
                var fresh = ResourceId.Parse(texts[j]);
                var expectedEqual = string.Equals(texts[i], texts[j], StringComparison.OrdinalIgnoreCase);
                Assert.Equal(expectedEqual, ids[i].Equals(fresh));
                if (expectedEqual)
                {
                    Assert.Equal(ids[i].GetHashCode(), fresh.GetHashCode());
                }

                // Compared before either text is built, and again after.
                Assert.Equal(Math.Sign(StringComparer.OrdinalIgnoreCase.Compare(texts[i], texts[j])), Math.Sign(ids[i].CompareTo(fresh)));
            }
        }
    }

    [Fact]
    public void TryParse_PassesNamesThroughThePool()
    {
        var pooled = "GatewaySubnet";
        var text = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/" + string.Concat("Gateway", "Subnet");
        Assert.True(ResourceId.TryParse(text, name => name == pooled ? pooled : name, out var id));
        Assert.Same(pooled, id.Name);
        Assert.Equal(text, id.Value);
    }
}
