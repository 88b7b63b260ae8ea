using System.Collections.Immutable;
using System.Runtime.InteropServices;
using VNetLab.Arm.Import;
using VNetLab.Model;

namespace VNetLab.Arm.Tests.Import;

/// <summary>
/// The importer keeps one copy of each repeated value (a large estate has two million rules made of a few hundred
/// distinct values): equal values must share one instance, and distinct values must stay distinct and unchanged.
/// </summary>
public sealed class ImportPoolTests
{
    private const string Group = "/subscriptions/" + Fixtures.Sub + "/resourceGroups/rg-net/providers/Microsoft.Network";

    [Fact]
    public void EqualStringLists_ShareOneArray_DistinctOnesStayDistinct()
    {
        var pool = new ImportPool();
        var star = pool.Share(["*"]);
        var https = pool.Share(["80", "443"]);

        Assert.Same(Array(star), Array(pool.Share([pool.Intern("*")])));
        Assert.Same(Array(https), Array(pool.Share(["80", "443"])));
        Assert.NotSame(Array(https), Array(pool.Share(["443", "80"])));
        Assert.Equal(new[] { "443", "80" }, pool.Share(["443", "80"]));
        Assert.NotSame(Array(star), Array(pool.Share(["443"])));
        Assert.True(pool.Share(ImmutableArray<string>.Empty).IsEmpty);
    }

    [Fact]
    public void Intern_GivesOneInstancePerText_FromStringsAndFromCharacters()
    {
        var pool = new ImportPool();
        var first = pool.Intern(new string("VirtualNetwork".AsSpan()));

        Assert.Same(first, pool.Intern(new string("VirtualNetwork".AsSpan())));
        Assert.Same(first, pool.Intern("xVirtualNetworkx".AsSpan(1, 14)));
        Assert.NotSame(first, pool.Intern("virtualnetwork"));
        Assert.Equal("virtualnetwork", pool.Intern("virtualnetwork"));
    }

    [Fact]
    public void ReferenceLists_AreSharedOnlyForTheSameIdsInTheSameCasing()
    {
        var pool = new ImportPool();
        var web = pool.Reference(Group + "/applicationSecurityGroups/asg-web");
        var webUpper = pool.Reference(Group + "/applicationSecurityGroups/ASG-WEB");
        Assert.NotNull(web);
        Assert.NotNull(webUpper);

        var list = pool.Share([web]);
        Assert.Same(Array(list), Array(pool.Share([pool.Reference(Group + "/applicationSecurityGroups/asg-web") ?? web])));

        // Equal ids written in another casing keep their own text: the list is not the first one's.
        var upperList = pool.Share([webUpper]);
        Assert.NotSame(Array(list), Array(upperList));
        Assert.Equal(Group + "/applicationSecurityGroups/ASG-WEB", upperList[0].Value);
    }

    [Fact]
    public void DeclaredChildIds_PointAtTheirParentsId_AndEqualTheIdParsedAlone()
    {
        var pool = new ImportPool();
        var nsg = pool.Reference(Fixtures.NsgId);
        Assert.NotNull(nsg);

        var text = Fixtures.NsgId + "/securityRules/Allow-Https";
        var rule = pool.Declared(text);

        Assert.NotNull(rule);
        Assert.Same(nsg, rule.Parent);
        Assert.Equal(text, rule.Value);
        var alone = ResourceId.Parse(text);
        Assert.Equal(alone, rule);
        Assert.Equal(alone.GetHashCode(), rule.GetHashCode());
        Assert.Equal<string>(alone.Names, rule.Names);
        Assert.Equal<string>(alone.Types, rule.Types);
    }

    [Theory]
    [InlineData(" /subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/networkSecurityGroups/n/securityRules/r ")]
    [InlineData("/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/networkSecurityGroups/n//securityRules/r")]
    [InlineData("/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/networkSecurityGroups/N/securityRules/r")]
    [InlineData("/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/networkSecurityGroups/n/securityRules/")]
    [InlineData("/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/networkSecurityGroups/n")]
    [InlineData("/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/networkSecurityGroups/n /securityRules/r")]
    [InlineData("not an id")]
    public void DeclaredIds_ParseAsTheyWouldAlone_WhateverTheirParentsSpelling(string text)
    {
        var pool = new ImportPool();
        Assert.NotNull(pool.Reference("/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/networkSecurityGroups/n"));

        // Parsed trimmed: its name is "n", while inside the rule's id above the name is "n ".
        Assert.NotNull(pool.Reference("/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/networkSecurityGroups/n "));

        var declared = pool.Declared(text);

        Assert.Equal(ResourceId.TryParse(text, out var alone), declared is not null);
        Assert.Equal(alone?.Value, declared?.Value);
    }

    [Fact]
    public void ImportedRules_ShareTheirEqualValues_AcrossNetworkSecurityGroups()
    {
        var json = $$"""
            [ {{Nsg("nsg-a", "10.1.0.0/16")}}, {{Nsg("nsg-b", "10.2.0.0/16")}},
              { "id": "{{Group}}/applicationSecurityGroups/asg-web", "type": "Microsoft.Network/applicationSecurityGroups" } ]
            """;

        var result = EstateReader.ReadText(json);

        Assert.Empty(result.Diagnostics);
        var (a, b) = (result.Estate.NetworkSecurityGroups[0], result.Estate.NetworkSecurityGroups[1]);
        var (ruleA, ruleB) = (a.SecurityRules[0], b.SecurityRules[0]);
        Assert.Same(Array(ruleA.SourcePortRanges), Array(ruleB.SourcePortRanges));
        Assert.Same(Array(ruleA.DestinationPortRanges), Array(ruleB.DestinationPortRanges));
        Assert.Same(Array(ruleA.SourceApplicationSecurityGroupIds), Array(ruleB.SourceApplicationSecurityGroupIds));
        Assert.Same(ruleA.Protocol, ruleB.Protocol);
        Assert.NotSame(Array(ruleA.DestinationAddressPrefixes), Array(ruleB.DestinationAddressPrefixes));
        Assert.Equal(new[] { "10.1.0.0/16" }, ruleA.DestinationAddressPrefixes);
        Assert.Equal(new[] { "10.2.0.0/16" }, ruleB.DestinationAddressPrefixes);
        Assert.Equal(new[] { "80", "443" }, ruleA.DestinationPortRanges);
        Assert.Same(a.Id, ruleA.Id.Parent);
        Assert.Same(b.Id, ruleB.Id.Parent);

        // The location is still the file and the rule's own JSON path.
        Assert.Equal(new SourceLocation("input.json", "$[1].properties.securityRules[0]"), ruleB.Source);
    }

    private static string Nsg(string name, string destination) => $$"""
        {
          "id": "{{Group}}/networkSecurityGroups/{{name}}",
          "type": "Microsoft.Network/networkSecurityGroups",
          "properties": {
            "securityRules": [
              { "id": "{{Group}}/networkSecurityGroups/{{name}}/securityRules/web",
                "name": "web", "properties": { "protocol": "Tcp", "sourcePortRange": "*", "destinationPortRanges": [ "80", "443" ],
                "sourceApplicationSecurityGroups": [ { "id": "{{Group}}/applicationSecurityGroups/asg-web" } ],
                "destinationAddressPrefix": "{{destination}}", "access": "Allow", "priority": 100, "direction": "Inbound" } }
            ]
          }
        }
        """;

    private static object Array<T>(ImmutableArray<T> values) => (object?)ImmutableCollectionsMarshal.AsArray(values) ?? "default";
}
