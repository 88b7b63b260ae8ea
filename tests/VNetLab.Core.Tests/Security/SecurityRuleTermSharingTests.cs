using VNetLab.Model;
using VNetLab.Security;
using static VNetLab.Core.Tests.Security.SecurityEstate;

namespace VNetLab.Core.Tests.Security;

/// <summary>
/// Rule values that mean the same in every subnet are resolved once and shared by reference between rules and NSGs;
/// the <c>VirtualNetwork</c> tag is shared within one expansion only, and values that leave a note stay per rule.
/// </summary>
public class SecurityRuleTermSharingTests
{
    private static readonly CompiledSecurity Security = SecurityCompiler.Compile(Estate.Create(
    [
        Asg("asg-web"),
        Nsg("nsg1",
            Inbound("nsg1", "a", 100, SecurityRuleAccess.Allow, "Tcp", source: "10.9.0.0/16 Internet", destination: "VirtualNetwork",
                destinationPorts: "443"),
            Inbound("nsg1", "b", 110, SecurityRuleAccess.Allow, "Tcp", source: "10.9.0.0/16", destinationPorts: "443", destinationAsgs: [AsgId("asg-web")]),
            Inbound("nsg1", "bad", 120, SecurityRuleAccess.Deny, "Tcp", source: "10.9.0.0/33", destinationPorts: "70000")),
        Nsg("nsg2",
            Inbound("nsg2", "a", 100, SecurityRuleAccess.Allow, "Tcp", source: "Internet 10.9.0.0/16", destination: "VirtualNetwork",
                destinationPorts: "443", destinationAsgs: null),
            Inbound("nsg2", "b", 110, SecurityRuleAccess.Allow, "Tcp", source: "10.9.0.0/16", destinationPorts: "443", destinationAsgs: [AsgId("asg-web")]),
            Inbound("nsg2", "bad", 120, SecurityRuleAccess.Deny, "Tcp", source: "10.9.0.0/33", destinationPorts: "70000")),
        Vnet("vnet1", "10.1.0.0/16", Subnet("vnet1", "s1", "10.1.1.0/24", "nsg1"), Subnet("vnet1", "s2", "10.1.2.0/24", "nsg2")),
        Vnet("vnet2", "10.2.0.0/16", Subnet("vnet2", "s1", "10.2.1.0/24", "nsg1")),
        Nic("web", SubnetId("vnet1", "s1"), "10.1.1.4", null, AsgId("asg-web")),
    ]));

    private static CompiledSecurityRule RuleOf(string vnet, string subnet, string name) =>
        Security.SubnetNetworkSecurityGroup(Security.Estate.Find<Subnet>(SubnetId(vnet, subnet)) ?? throw new InvalidOperationException(subnet))
            ?.Inbound.Single(r => r.Rule.Name == name) ?? throw new InvalidOperationException(name);

    private static RuleAddress Term(IEnumerable<RuleAddress> terms, string text) => terms.Single(t => t.Text == text);

    [Fact]
    public void Prefixes_service_tags_ASGs_and_ports_are_one_instance_across_rules_and_NSGs()
    {
        var first = RuleOf("vnet1", "s1", "a");
        var sameNsg = RuleOf("vnet1", "s1", "b");
        var otherNsg = RuleOf("vnet1", "s2", "a");
        var otherVnet = RuleOf("vnet2", "s1", "b");

        Assert.Same(Term(first.SourceTerms, "10.9.0.0/16"), Term(sameNsg.SourceTerms, "10.9.0.0/16"));
        Assert.Same(Term(first.SourceTerms, "10.9.0.0/16"), Term(otherNsg.SourceTerms, "10.9.0.0/16"));
        Assert.Same(Term(first.SourceTerms, "Internet"), Term(otherNsg.SourceTerms, "Internet"));
        Assert.Same(sameNsg.DestinationTerms.Single(), otherVnet.DestinationTerms.Single());
        Assert.Equal(AsgId("asg-web"), sameNsg.DestinationTerms.Single().ApplicationSecurityGroupId);
        Assert.True(first.DestinationPorts.Equals(otherVnet.DestinationPorts));
    }

    [Fact]
    public void The_VirtualNetwork_tag_is_one_instance_per_expansion_and_differs_between_VNets()
    {
        var s1 = RuleOf("vnet1", "s1", "a");
        var s2 = RuleOf("vnet1", "s2", "a");
        var otherVnet = RuleOf("vnet2", "s1", "a");

        Assert.Same(s1.DestinationTerms.Single(), s2.DestinationTerms.Single());
        Assert.NotSame(s1.DestinationTerms.Single(), otherVnet.DestinationTerms.Single());
        Assert.True(otherVnet.Destinations.Contains(VNetLab.Addressing.IpAddress.Parse("10.2.1.4")));
        Assert.False(s1.Destinations.Contains(VNetLab.Addressing.IpAddress.Parse("10.2.1.4")));
    }

    [Fact]
    public void Values_that_leave_a_note_are_resolved_per_rule_and_each_note_names_its_own_rule()
    {
        var nsg1 = RuleOf("vnet1", "s1", "bad");
        var nsg2 = RuleOf("vnet1", "s2", "bad");

        Assert.NotSame(nsg1.SourceTerms.Single(), nsg2.SourceTerms.Single());
        Assert.Equal(RuleAddressKind.Unresolved, nsg1.SourceTerms.Single().Kind);
        Assert.All(nsg1.Notes, n => Assert.Equal(nsg1.Rule.Id, n.ResourceId));
        Assert.All(nsg2.Notes, n => Assert.Equal(nsg2.Rule.Id, n.ResourceId));
        Assert.Equal(2, nsg2.Notes.Length);
    }
}
