using VNetLab.Model;

namespace VNetLab.Validation.Rules.Nsg;

/// <summary>
/// The address and port fields of a security rule with Azure's parameter names. The model merges each
/// singular field with its plural list (as Azure does), so a list of more than one value must have come
/// from the plural field: that is where Azure's singular-only restrictions can be checked.
/// </summary>
internal static class SecurityRuleFields
{
    public static IEnumerable<(string Parameter, string Singular, IReadOnlyList<string> Values)> Addresses(SecurityRule rule)
    {
        yield return ("SourceAddressPrefixes", "sourceAddressPrefix", rule.SourceAddressPrefixes);
        yield return ("DestinationAddressPrefixes", "destinationAddressPrefix", rule.DestinationAddressPrefixes);
    }

    public static IEnumerable<(string Parameter, string Singular, IReadOnlyList<string> Values)> Ports(SecurityRule rule)
    {
        yield return ("SourcePortRanges", "sourcePortRange", rule.SourcePortRanges);
        yield return ("DestinationPortRanges", "destinationPortRange", rule.DestinationPortRanges);
    }

    /// <summary>An NSG's custom rules (the platform's default rules are not the user's to fix).</summary>
    public static IEnumerable<SecurityRule> CustomRules(NetworkSecurityGroup nsg) => nsg.SecurityRules.Where(r => !r.IsDefault);

    /// <summary>The custom rules of every NSG (the platform's default rules are not the user's to fix).</summary>
    public static IEnumerable<SecurityRule> CustomRules(Estate estate) =>
        estate.NetworkSecurityGroups.SelectMany(n => n.SecurityRules).Where(r => !r.IsDefault);
}
