using VNetLab.Model;
using VNetLab.Security;
using static VNetLab.Core.Tests.Security.SecurityEstate;

namespace VNetLab.Core.Tests.Security;

/// <summary>
/// A port field of several values is read once per list of values and shared by every rule that writes the same list,
/// in the same order; a list with a value that leaves a note stays per rule. An ASG's listed prefixes are made on
/// first read, once, and are its members' prefixes.
/// </summary>
public class PortListSharingTests
{
    private static readonly CompiledSecurity Security = SecurityCompiler.Compile(Estate.Create(
    [
        Asg("asg-web"),
        Nsg("nsg1",
            Inbound("nsg1", "a", 100, SecurityRuleAccess.Allow, "Tcp", destinationPorts: "22 3389"),
            Inbound("nsg1", "b", 110, SecurityRuleAccess.Allow, "Tcp", destinationPorts: "3389 22"),
            Inbound("nsg1", "c", 120, SecurityRuleAccess.Allow, "Tcp", destinationPorts: "22 70000"),
            Inbound("nsg1", "web", 130, SecurityRuleAccess.Allow, "Tcp", destinationAsgs: [AsgId("asg-web")])),
        Nsg("nsg2",
            Inbound("nsg2", "a", 100, SecurityRuleAccess.Allow, "Tcp", sourcePorts: "22 3389"),
            Inbound("nsg2", "c", 120, SecurityRuleAccess.Allow, "Tcp", destinationPorts: "22 70000")),
        Vnet("vnet1", "10.1.0.0/16", Subnet("vnet1", "s1", "10.1.1.0/24", "nsg1"), Subnet("vnet1", "s2", "10.1.2.0/24", "nsg2")),
        Nic("web-1", SubnetId("vnet1", "s1"), "10.1.1.4", null, AsgId("asg-web")),
        Nic("web-2", SubnetId("vnet1", "s1"), "10.1.1.5", null, AsgId("asg-web")),
        Nic("web-3", SubnetId("vnet1", "s2"), "10.1.2.9", null, AsgId("asg-web")),
    ]));

    private static CompiledSecurityRule RuleOf(string subnet, string name) =>
        Security.SubnetNetworkSecurityGroup(Security.Estate.Find<Subnet>(SubnetId("vnet1", subnet)) ?? throw new InvalidOperationException(subnet))
            ?.Inbound.Single(r => r.Rule.Name == name) ?? throw new InvalidOperationException(name);

    [Fact]
    public void Rules_writing_the_same_port_list_share_its_set()
    {
        var first = RuleOf("s1", "a");
        var otherNsg = RuleOf("s2", "a");
        var otherOrder = RuleOf("s1", "b");

        Assert.Same(first.DestinationPorts.Ports.Storage, otherNsg.SourcePorts.Ports.Storage);
        Assert.NotSame(first.DestinationPorts.Ports.Storage, otherOrder.DestinationPorts.Ports.Storage);
        Assert.Equal(first.DestinationPorts, otherOrder.DestinationPorts);
        Assert.True(first.DestinationPorts.Contains(22) && first.DestinationPorts.Contains(3389) && !first.DestinationPorts.Contains(23));
    }

    [Fact]
    public void A_port_list_with_a_note_is_read_per_rule_and_its_note_names_its_rule()
    {
        var nsg1 = RuleOf("s1", "c");
        var nsg2 = RuleOf("s2", "c");

        Assert.NotSame(nsg1.DestinationPorts.Ports.Storage, nsg2.DestinationPorts.Ports.Storage);
        Assert.Equal(nsg1.DestinationPorts, nsg2.DestinationPorts);
        Assert.True(nsg1.DestinationPorts.Contains(22) && !nsg1.DestinationPorts.Contains(23));
        Assert.Equal(nsg1.Rule.Id, Assert.Single(nsg1.Notes).ResourceId);
        Assert.Equal(nsg2.Rule.Id, Assert.Single(nsg2.Notes).ResourceId);
    }

    [Fact]
    public void An_asgs_listed_prefixes_are_its_members_made_once()
    {
        var term = RuleOf("s1", "web").DestinationTerms.Single();
        var first = term.ExpandedPrefixes;

        Assert.Equal(Security.ApplicationSecurityGroups.Of(AsgId("asg-web")).ToPrefixes().ToArray(), first.ToArray());
        Assert.Equal(["10.1.1.4/31", "10.1.2.9/32"], first.Select(p => p.ToString()));
        Assert.True(first == term.ExpandedPrefixes);
    }
}
