using VNetLab.Addressing;
using VNetLab.Arm.Contracts;
using VNetLab.Model;
using VNetLab.Security;

namespace VNetLab.Arm.Tests.Contracts;

public sealed class SecurityContractsTests
{
    private const string Sub = "/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg/providers/Microsoft.Network";

    private static NetworkInterfaceSecurity Nic(params SecurityRule[] rules)
    {
        var nsgId = ResourceId.Parse($"{Sub}/networkSecurityGroups/nsg");
        var subnetId = ResourceId.Parse($"{Sub}/virtualNetworks/vnet/subnets/s");
        var estate = Estate.Create(
        [
            new VirtualNetwork
            {
                Id = subnetId.Parent ?? subnetId,
                AddressSpace = [AddressPrefix.Of(IpPrefix.Parse("10.0.0.0/16"))],
                Subnets = [new Subnet { Id = subnetId, AddressPrefixes = [AddressPrefix.Of(IpPrefix.Parse("10.0.0.0/24"))], NetworkSecurityGroupId = nsgId }],
            },
            new NetworkSecurityGroup { Id = nsgId, SecurityRules = [.. rules.Select(r => r with { Id = nsgId.Child("securityRules", r.Name) })] },
            new NetworkInterface
            {
                Id = ResourceId.Parse($"{Sub}/networkInterfaces/nic"),
                IpConfigurations = [new NetworkInterfaceIpConfiguration
                {
                    Id = ResourceId.Parse($"{Sub}/networkInterfaces/nic/ipConfigurations/ipconfig1"),
                    PrivateIpAddress = IpAddress.Parse("10.0.0.4"),
                    SubnetId = subnetId,
                }],
            },
        ]);
        return SecurityCompiler.Compile(estate).For(estate.NetworkInterfaces[0]);
    }

    private static SecurityRule Rule(string name, string protocol, string[] sources, string[] destinationPorts) => new()
    {
        Id = ResourceId.Parse($"{Sub}/networkSecurityGroups/nsg/securityRules/{name}"),
        Protocol = protocol,
        SourceAddressPrefixes = [.. sources],
        DestinationAddressPrefixes = ["*"],
        SourcePortRanges = ["*"],
        DestinationPortRanges = [.. destinationPorts],
        Access = SecurityRuleAccess.Allow,
        Priority = 100,
        Direction = SecurityRuleDirection.Inbound,
    };

    [Fact]
    [Trait("fact", "semantics.md 1.5")]
    public void Effective_rules_serialise_with_Azure_field_names_and_normalised_values()
    {
        var json = ContractJson.Serialize(EffectiveNetworkSecurityGroupListResult.From(Nic(Rule("rdp", "TCP", ["Internet"], ["3389"]))));

        Assert.Contains("\"name\": \"securityRules/rdp\"", json, StringComparison.Ordinal);
        Assert.Contains("\"protocol\": \"Tcp\"", json, StringComparison.Ordinal);
        Assert.Contains("\"sourcePortRange\": \"0-65535\"", json, StringComparison.Ordinal);
        Assert.Contains("\"destinationPortRange\": \"3389-3389\"", json, StringComparison.Ordinal);
        Assert.Contains("\"sourceAddressPrefix\": \"Internet\"", json, StringComparison.Ordinal);
        Assert.Contains("\"destinationAddressPrefix\": \"0.0.0.0/0\"", json, StringComparison.Ordinal);
        Assert.Contains("\"expandedSourceAddressPrefix\": [\n", json.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("\"name\": \"defaultSecurityRules/DenyAllInBound\"", json, StringComparison.Ordinal);
        Assert.Contains("\"protocol\": \"All\"", json, StringComparison.Ordinal);
        Assert.Contains("\"networkInterface\": null", json, StringComparison.Ordinal);
        Assert.Matches("\"subnet\": \\{\\s*\"id\": \"[^\"]*/subnets/s\"", json);
    }

    [Fact]
    [Trait("fact", "semantics.md 1.5")]
    public void Several_prefixes_go_to_the_plural_fields()
    {
        var rule = EffectiveNetworkSecurityRule.From(Nic(Rule("partners", "Udp", ["198.51.100.0/24", "203.0.113.7"], ["500", "4500"]))
            .Associations[0].NetworkSecurityGroup.Inbound[0]);

        Assert.Null(rule.SourceAddressPrefix);
        Assert.Equal(["198.51.100.0/24", "203.0.113.7"], rule.SourceAddressPrefixes.ToArray());
        Assert.Null(rule.DestinationPortRange);
        Assert.Equal(["500-500", "4500-4500"], rule.DestinationPortRanges.ToArray());
        Assert.Empty(rule.ExpandedSourceAddressPrefix);
    }

    [Fact]
    [Trait("fact", "semantics.md 1.4")]
    public void IP_flow_verify_leaves_out_ruleName_when_no_rule_decided()
    {
        var withRule = ContractJson.Serialize(VerificationIpFlowResult.From(
            Nic().Evaluate(SecurityRuleDirection.Outbound, Packet.Create(SecurityProtocol.Tcp, IpAddress.Parse("10.0.0.4"), 1, IpAddress.Parse("13.107.21.200"), 443))));
        var platform = ContractJson.Serialize(new VerificationIpFlowResult("Allow", null));

        Assert.Equal("{\n  \"access\": \"Allow\",\n  \"ruleName\": \"defaultSecurityRules/AllowInternetOutBound\"\n}", withRule.ReplaceLineEndings("\n"));
        Assert.Equal("{\n  \"access\": \"Allow\"\n}", platform.ReplaceLineEndings("\n"));
    }
}
