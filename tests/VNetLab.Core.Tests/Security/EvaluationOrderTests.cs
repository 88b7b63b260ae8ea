using VNetLab.Addressing;
using VNetLab.Model;
using VNetLab.Security;
using static VNetLab.Core.Tests.Security.SecurityEstate;

namespace VNetLab.Core.Tests.Security;

/// <summary>
/// A compiled NSG lists each direction's rules in evaluation order, and its first match follows that order; the
/// order is priority, custom before default, then name, and rules equal in all three keep their place in the NSG.
/// </summary>
public class EvaluationOrderTests
{
    [Fact]
    [Trait("fact", "semantics.md 4.3")]
    public void Rules_are_sorted_by_priority_then_custom_before_default_then_name_and_ties_keep_their_place()
    {
        // Two rules with one priority and one name (a conflict validation reports; Azure would refuse it) and a custom
        // rule with the priority of a default one.
        var nsg = Nsg("nsg",
            Inbound("nsg", "b", 200, SecurityRuleAccess.Allow, source: "10.0.0.2"),
            Inbound("nsg", "A", 200, SecurityRuleAccess.Deny, source: "10.0.0.1"),
            Inbound("nsg", "dup", 100, SecurityRuleAccess.Allow, source: "10.0.0.3"),
            Inbound("nsg", "dup", 100, SecurityRuleAccess.Deny, source: "10.0.0.4"),
            Inbound("nsg", "x", 65000, SecurityRuleAccess.Deny, protocol: "Icmp", source: "10.0.0.5"),
            Outbound("nsg", "out", 300, SecurityRuleAccess.Deny));

        var compiled = SecurityCompiler.Compile(Estate.Create([nsg])).CompileForAssociations(nsg).Single();

        Assert.Equal(
            ["securityRules/dup", "securityRules/dup", "securityRules/A", "securityRules/b", "securityRules/x",
                "defaultSecurityRules/AllowVnetInBound", "defaultSecurityRules/AllowAzureLoadBalancerInBound", "defaultSecurityRules/DenyAllInBound"],
            compiled.Inbound.Select(r => r.Name));
        Assert.Equal(["10.0.0.3", "10.0.0.4"], compiled.Inbound.Take(2).Select(r => r.Rule.SourceAddressPrefixes.Single()));
        Assert.Equal(["securityRules/out", "defaultSecurityRules/AllowVnetOutBound", "defaultSecurityRules/AllowInternetOutBound",
            "defaultSecurityRules/DenyAllOutBound"], compiled.Outbound.Select(r => r.Name));
        Assert.Equal(1, compiled.IndexOfFirstMatch(SecurityRuleDirection.Inbound, Tcp("10.0.0.4", "10.0.0.9")));
        Assert.Equal(2, compiled.IndexOfFirstMatch(SecurityRuleDirection.Inbound, Tcp("10.0.0.1", "10.0.0.9")));
        Assert.Equal(4, compiled.IndexOfFirstMatch(SecurityRuleDirection.Inbound,
            Packet.Create(SecurityProtocol.Icmp, IpAddress.Parse("10.0.0.5"), 0, IpAddress.Parse("10.0.0.9"), 0)));
        Assert.Equal(7, compiled.IndexOfFirstMatch(SecurityRuleDirection.Inbound, Tcp("10.0.0.5", "10.0.0.9")));
        Assert.Equal(0, compiled.IndexOfFirstMatch(SecurityRuleDirection.Outbound, Tcp("10.0.0.5", "10.0.0.9")));
        Assert.Equal(-1, compiled.IndexOfFirstPlatformMatch(SecurityRuleDirection.Inbound, Tcp("10.0.0.5", "10.0.0.9")));
    }

    private static Packet Tcp(string source, string destination) =>
        Packet.Create(SecurityProtocol.Tcp, IpAddress.Parse(source), 50_000, IpAddress.Parse(destination), 443);
}
