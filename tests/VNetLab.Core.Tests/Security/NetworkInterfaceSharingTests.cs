using VNetLab.Addressing;
using VNetLab.Model;
using VNetLab.Security;
using static VNetLab.Core.Tests.Security.SecurityEstate;

namespace VNetLab.Core.Tests.Security;

/// <summary>
/// NICs of one subnet with the same NIC-level NSG share one compiled context (tag, NSGs, notes, allowed packets),
/// since nothing in it depends on the NIC; what does depend on it (its addresses, its own association) stays per NIC.
/// </summary>
public class NetworkInterfaceSharingTests
{
    private const SecurityRuleDirection In = SecurityRuleDirection.Inbound;

    private static readonly CompiledSecurity Security = SecurityCompiler.Compile(Estate.Create(
    [
        Vnet("vnet1", "10.0.0.0/16", Subnet("vnet1", "web", "10.0.1.0/24", "nsg-web"), Subnet("vnet1", "app", "10.0.2.0/24", "nsg-web")),
        Asg("asg-admin"),
        Nsg("nsg-web",
            Inbound("nsg-web", "allow-admin-ssh", 100, SecurityRuleAccess.Allow, "Tcp", source: "10.9.0.0/16", destinationPorts: "22",
                destinationAsgs: [AsgId("asg-admin")]),
            Inbound("nsg-web", "deny-ssh", 110, SecurityRuleAccess.Deny, "Tcp", destinationPorts: "22")),
        Nsg("nsg-nic", Inbound("nsg-nic", "deny-http", 100, SecurityRuleAccess.Deny, "Tcp", destinationPorts: "80")),
        Nic("web-1", SubnetId("vnet1", "web"), "10.0.1.4"),
        Nic("web-2", SubnetId("vnet1", "web"), "10.0.1.5"),
        Nic("web-admin", SubnetId("vnet1", "web"), "10.0.1.6", null, AsgId("asg-admin")),
        Nic("web-own-nsg", SubnetId("vnet1", "web"), "10.0.1.7", "nsg-nic"),
        Nic("web-own-nsg-2", SubnetId("vnet1", "web"), "10.0.1.8", "nsg-nic"),
        Nic("app-1", SubnetId("vnet1", "app"), "10.0.2.4"),
    ]));

    private static NetworkInterfaceSecurity Compiled(string name) => Security.For(Security.Estate.NetworkInterfaces.Single(n => n.Name == name));

    [Fact]
    public void NICs_of_one_subnet_with_the_same_inputs_share_one_compiled_context()
    {
        var first = Compiled("web-1");
        var second = Compiled("web-2");

        Assert.NotSame(first, second);
        Assert.Same(first.Context, second.Context);
        Assert.Same(first.SubnetAssociation, second.SubnetAssociation);
        Assert.Same(first.AllowedPackets(In), second.AllowedPackets(In));
        Assert.True(first.Notes == second.Notes, "the notes are one shared array");
        Assert.True(first.Associations == second.Associations, "the associations are one shared array");
    }

    [Fact]
    public void Each_NIC_keeps_its_own_addresses_in_a_shared_context()
    {
        Assert.Equal(AddressSet.FromAddress(IpAddress.Parse("10.0.1.4")), Compiled("web-1").Addresses);
        Assert.Equal(AddressSet.FromAddress(IpAddress.Parse("10.0.1.5")), Compiled("web-2").Addresses);
    }

    [Fact]
    public void A_NIC_with_a_different_ASG_shares_the_rules_but_its_verdict_follows_its_membership()
    {
        // Rules naming an ASG are compiled to its members' addresses, the same for every NIC; the membership shows in
        // which packets match.
        var member = Compiled("web-admin");
        var other = Compiled("web-1");

        Assert.Same(member.Context, other.Context);
        Assert.Equal("securityRules/allow-admin-ssh", member.Evaluate(In, Tcp("10.9.1.1", 50000, "10.0.1.6", 22)).RuleName);
        Assert.Equal("securityRules/deny-ssh", other.Evaluate(In, Tcp("10.9.1.1", 50000, "10.0.1.4", 22)).RuleName);
    }

    [Fact]
    public void A_NIC_with_its_own_NSG_does_not_share_with_NICs_without_one()
    {
        var own = Compiled("web-own-nsg");
        var plain = Compiled("web-1");

        Assert.NotSame(own.Context, plain.Context);
        Assert.Equal(plain.SubnetAssociation, own.SubnetAssociation);
        Assert.Equal(2, own.Associations.Length);
        Assert.Equal(own.NetworkInterface.Id, own.NetworkInterfaceAssociation?.AssociatedResourceId);
        Assert.Equal("securityRules/deny-http", own.Evaluate(In, Tcp("10.0.2.4", 50000, "10.0.1.7", 80)).RuleName);
        Assert.Equal("defaultSecurityRules/AllowVnetInBound", plain.Evaluate(In, Tcp("10.0.2.4", 50000, "10.0.1.4", 80)).RuleName);
    }

    [Fact]
    public void NICs_with_the_same_own_NSG_share_the_context_but_not_their_association()
    {
        var first = Compiled("web-own-nsg");
        var second = Compiled("web-own-nsg-2");

        Assert.Same(first.Context, second.Context);
        Assert.NotSame(first.NetworkInterfaceAssociation, second.NetworkInterfaceAssociation);
        Assert.Equal(second.NetworkInterface.Id, second.NetworkInterfaceAssociation?.AssociatedResourceId);
    }

    [Fact]
    public void NICs_of_different_subnets_do_not_share_a_context()
    {
        var web = Compiled("web-1");
        var app = Compiled("app-1");

        Assert.NotSame(web.Context, app.Context);
        Assert.Equal(SubnetId("vnet1", "app"), app.SubnetAssociation?.AssociatedResourceId);
        Assert.Equal(SubnetId("vnet1", "web"), web.SubnetAssociation?.AssociatedResourceId);
    }
}
