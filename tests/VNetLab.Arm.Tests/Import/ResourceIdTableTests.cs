using VNetLab.Arm.Import;
using VNetLab.Model;

namespace VNetLab.Arm.Tests.Import;

/// <summary>
/// An import keeps one object per id as written (<see cref="ResourceIdTable"/>): a reference to a resource is that
/// resource's own id, and a child's parent is its parent's own id, so that comparing them costs a reference comparison.
/// Ids written in another casing stay distinct objects with their own text.
/// </summary>
public sealed class ResourceIdTableTests
{
    private const string Group = "/subscriptions/" + Fixtures.Sub + "/resourceGroups/rg-net/providers/Microsoft.Network";
    private const string SubnetId = Fixtures.VnetId + "/subnets/app";
    private const string NicId = Group + "/networkInterfaces/nic-1";

    [Fact]
    public void Canonical_GivesTheFirstObjectPerSpelling_AndCanonicalParents()
    {
        var table = new ResourceIdTable();
        var vnet = table.Canonical(ResourceId.Parse(Fixtures.VnetId));
        var subnet = table.Canonical(ResourceId.Parse(SubnetId));

        Assert.Same(vnet, subnet.Parent);
        Assert.Same(subnet, table.Canonical(ResourceId.Parse(SubnetId)));
        Assert.Same(vnet, table.Canonical(ResourceId.Parse(" " + Fixtures.VnetId + " ")));
        Assert.Equal(SubnetId, subnet.Value);

        var upper = table.Canonical(ResourceId.Parse(SubnetId.ToUpperInvariant()));
        Assert.NotSame(subnet, upper);
        Assert.Equal(subnet, upper);
        Assert.Equal(SubnetId.ToUpperInvariant(), upper.Value);
        Assert.NotSame(vnet, upper.Parent);
    }

    [Fact]
    public void SecurityRulesAndRoutes_AreMadeOnCanonicalParents_ButNotKept()
    {
        // Nothing names a rule or a route, and a large estate holds two million rules: the table keeps them out (its
        // peak memory at import), while their parents are still the NSG's and the route table's own ids.
        var table = new ResourceIdTable();
        var nsg = table.Canonical(ResourceId.Parse(Group + "/networkSecurityGroups/nsg-1"));
        var ruleText = Group + "/networkSecurityGroups/nsg-1/securityRules/allow-web";

        var rule = table.Canonical(ResourceId.Parse(ruleText));
        Assert.Same(nsg, rule.Parent);
        Assert.NotSame(rule, table.Canonical(ResourceId.Parse(ruleText)));
        Assert.Equal(rule, table.Canonical(ResourceId.Parse(ruleText)));

        var child = table.CanonicalChild(nsg.Child("securityRules", "deny-all"), "securityRules");
        Assert.NotSame(child, table.CanonicalChild(nsg.Child("securityRules", "deny-all"), "securityRules"));

        var routeTable = table.Canonical(ResourceId.Parse(Group + "/routeTables/rt-1"));
        var route = table.CanonicalChild(routeTable.Child("routes", "default"), "routes");
        Assert.Same(routeTable, route.Parent);
        Assert.NotSame(route, table.CanonicalChild(routeTable.Child("routes", "default"), "routes"));

        // A subnet, which NICs name, is kept.
        var vnet = table.Canonical(ResourceId.Parse(Fixtures.VnetId));
        var subnet = table.CanonicalChild(vnet.Child("subnets", "app"), "subnets");
        Assert.Same(subnet, table.CanonicalChild(vnet.Child("subnets", "app"), "subnets"));
        Assert.Same(subnet, table.Canonical(ResourceId.Parse(SubnetId)));
    }

    [Fact]
    public void Canonical_OfAChildFirst_MakesItsParentCanonicalToo()
    {
        var table = new ResourceIdTable();
        var subnet = table.Canonical(ResourceId.Parse(SubnetId));

        Assert.Same(subnet.Parent, table.Canonical(ResourceId.Parse(Fixtures.VnetId)));
    }

    [Fact]
    public void Canonical_KeepsEveryIdsText_AndMergesExactlyTheIdsSpelledAlike()
    {
        // Random ids over a few segments in two casings: two ids share an object exactly when written alike, and the
        // object has the text each was parsed from.
        var random = new Random(20261122);
        var table = new ResourceIdTable();
        var texts = new List<string>();
        for (var i = 0; i < 400; i++)
        {
            var text = $"/{Pick("subscriptions", "SUBSCRIPTIONS")}/{Pick("s1", "S1")}/resourceGroups/{Pick("rg", "RG")}/providers/Microsoft.Network/"
                + $"{Pick("virtualNetworks", "virtualnetworks")}/{Pick("v1", "v2", "V1")}";
            if (random.Next(3) > 0)
            {
                text += $"/subnets/{Pick("a", "b", "A")}";
            }

            texts.Add(text);
        }

        var canonical = texts.Select(t => table.Canonical(ResourceId.Parse(t))).ToList();
        for (var i = 0; i < texts.Count; i++)
        {
            Assert.Equal(texts[i], canonical[i].Value);
            Assert.True(canonical[i].Parent is null || ReferenceEquals(canonical[i].Parent, table.Canonical(canonical[i].Parent ?? canonical[i])));
            for (var j = 0; j < i; j++)
            {
                Assert.Equal(string.Equals(texts[i], texts[j], StringComparison.Ordinal), ReferenceEquals(canonical[i], canonical[j]));
            }
        }

        string Pick(params string[] choices) => choices[random.Next(choices.Length)];
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ImportedReferences_AreTheReferencedResourcesOwnIds_WhicheverComesFirst(bool nicFirst)
    {
        var nic = $$"""
            { "id": "{{NicId}}", "type": "Microsoft.Network/networkInterfaces", "location": "westeurope",
              "properties": { "ipConfigurations": [
                { "name": "ipconfig1", "properties": { "privateIPAddress": "10.0.1.4", "subnet": { "id": "{{SubnetId}}" } } },
                { "name": "ipconfig2", "properties": { "privateIPAddress": "10.0.1.5", "subnet": { "id": "{{SubnetId.ToUpperInvariant()}}" } } } ] } }
            """;
        var json = nicFirst ? $"[ {nic}, {Fixtures.Vnet()} ]" : $"[ {Fixtures.Vnet()}, {nic} ]";

        var estate = EstateReader.ReadText(json).Estate;

        var vnet = Assert.Single(estate.VirtualNetworks);
        var subnet = Assert.Single(vnet.Subnets);
        var imported = Assert.Single(estate.NetworkInterfaces);
        var (first, second) = (imported.IpConfigurations[0], imported.IpConfigurations[1]);
        Assert.Same(subnet.Id, first.SubnetId);
        Assert.Same(vnet.Id, subnet.Id.Parent);
        Assert.Same(imported.Id, first.Id.Parent);
        Assert.Same(imported.Id, second.Id.Parent);

        // Another casing names the same subnet (ARM ignores case) but keeps its own text.
        Assert.NotSame(subnet.Id, second.SubnetId);
        Assert.Equal(subnet.Id, second.SubnetId);
        Assert.Equal(SubnetId.ToUpperInvariant(), second.SubnetId?.Value);
        Assert.Same(subnet, estate.SubnetOf(second));
    }
}
