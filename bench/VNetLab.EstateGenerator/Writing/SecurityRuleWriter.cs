using VNetLab.EstateGenerator.Planning;

namespace VNetLab.EstateGenerator.Writing;

/// <summary>NSGs and their custom rules. The six default rules are left to the reader to fill in, as the example estates do.</summary>
internal static class SecurityRuleWriter
{
    public static void WriteNetworkSecurityGroup(ArmJsonWriter writer, string id, string name, string location, string resourceGroup,
        IEnumerable<SecurityRulePlan> rules)
    {
        writer.BeginResource(id, name, ArmIds.NetworkSecurityGroups, location, resourceGroup);
        writer.Json.WriteStartArray("securityRules");
        foreach (var rule in rules)
        {
            WriteRule(writer, id, rule);
        }

        writer.Json.WriteEndArray();
        writer.End();
        writer.Tally.NetworkSecurityGroups++;
    }

    private static void WriteRule(ArmJsonWriter writer, string nsgId, SecurityRulePlan rule)
    {
        var json = writer.Json;
        writer.BeginChild(ArmIds.Child(nsgId, "securityRules", rule.Name), rule.Name, ArmIds.SecurityRules);
        if (rule.Description.Length > 0)
        {
            json.WriteString("description", rule.Description);
        }

        json.WriteString("protocol", rule.Protocol);
        json.WriteString("sourcePortRange", "*");
        writer.SingularOrPlural("destinationPortRange", "destinationPortRanges", rule.DestinationPorts);
        writer.SingularOrPlural("sourceAddressPrefix", "sourceAddressPrefixes", rule.SourcePrefixes);
        if (!rule.SourceApplicationSecurityGroups.IsEmpty)
        {
            writer.References("sourceApplicationSecurityGroups", rule.SourceApplicationSecurityGroups);
        }

        writer.SingularOrPlural("destinationAddressPrefix", "destinationAddressPrefixes", rule.DestinationPrefixes);
        if (!rule.DestinationApplicationSecurityGroups.IsEmpty)
        {
            writer.References("destinationApplicationSecurityGroups", rule.DestinationApplicationSecurityGroups);
        }

        json.WriteString("access", rule.Allow ? "Allow" : "Deny");
        json.WriteNumber("priority", rule.Priority);
        json.WriteString("direction", rule.Inbound ? "Inbound" : "Outbound");
        writer.End();
        writer.Tally.SecurityRules++;
    }
}
