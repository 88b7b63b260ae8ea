using VNetLab.Model;
using VNetLab.Security;
using static VNetLab.Core.Tests.Security.SecurityEstate;

namespace VNetLab.Core.Tests.Security;

/// <summary>
/// A rule names the <c>VirtualNetwork</c> tag in any case, with spaces around it or in its classic spelling
/// <c>VIRTUAL_NETWORK</c>; each resolves to the subnet's expansion of the tag, which is never taken from the cache of
/// context-free values. Other words stay what they are.
/// </summary>
public class VirtualNetworkTagSpellingTests
{
    [Theory]
    [Trait("fact", "semantics.md 4.5")]
    [InlineData("VirtualNetwork")]
    [InlineData("virtualnetwork")]
    [InlineData("VIRTUALNETWORK")]
    [InlineData("VIRTUAL_NETWORK")]
    [InlineData("Virtual_Network")]
    public void Each_spelling_of_the_tag_is_the_subnets_VirtualNetwork_term(string spelling)
    {
        var rule = RuleWritten(spelling);

        var term = Assert.Single(rule.SourceTerms);
        Assert.True(term.IsVirtualNetworkTag);
        Assert.Equal(ServiceTagNames.VirtualNetwork, term.Text);
        Assert.Empty(rule.Notes);
        Assert.True(rule.Sources.Contains(Ipv4("10.1.200.1")));
        Assert.False(rule.Sources.Contains(Ipv4("10.2.0.1")));
    }

    [Theory]
    [InlineData("VirtualNetworks")]
    [InlineData("Virtual Network")]
    [InlineData("VirtualNetwork2")]
    public void Words_that_only_look_like_the_tag_are_not_it(string spelling)
    {
        var rule = RuleWritten(spelling);

        Assert.DoesNotContain(rule.SourceTerms, t => t.IsVirtualNetworkTag);
        Assert.True(rule.Sources.IsEmpty);
    }

    private static VNetLab.Addressing.IpAddress Ipv4(string text) => VNetLab.Addressing.IpAddress.Parse(text);

    private static CompiledSecurityRule RuleWritten(string source)
    {
        var rule = Inbound("nsg1", "r", 100, SecurityRuleAccess.Allow, "Tcp", destinationPorts: "443") with
        {
            SourceAddressPrefixes = [source],
        };
        var security = SecurityCompiler.Compile(Estate.Create(
        [
            Nsg("nsg1", rule),
            Vnet("vnet1", "10.1.0.0/16", Subnet("vnet1", "s1", "10.1.1.0/24", "nsg1")),
        ]));
        var nsg = security.SubnetNetworkSecurityGroup(security.Estate.Find<Subnet>(SubnetId("vnet1", "s1")) ?? throw new InvalidOperationException("s1"))
            ?? throw new InvalidOperationException("nsg1");
        return nsg.Inbound.Single(r => r.Rule.Name == "r");
    }
}
