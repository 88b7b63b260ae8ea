using VNetLab.Model;

namespace VNetLab.Diagnostics;

// VNL6001–VNL6099: network security groups, security rules and application security groups, as
// Azure validates them. VNL61xx belongs to the NSG audit (shadowed, redundant and exposing rules).
public static partial class DiagnosticCatalog
{
    public static partial class Descriptors
    {
        public static readonly DiagnosticDescriptor SecurityRuleInvalidPriority = new(
            "VNL6001", DiagnosticSeverity.Error, "SecurityRuleInvalidPriority", "Security rule priority out of range",
            "Security rule has invalid Priority. Value provided: {value} Allowed range 100-4096.",
            "Give rule '{ruleName}' a priority from 100 to 4096 (4097–65499 are not available to custom rules; the default rules use 65000–65500).",
            "constraints.md 7.1")
        { IsAzureText = true };

        public static readonly DiagnosticDescriptor SecurityRuleConflict = new(
            "VNL6002", DiagnosticSeverity.Error, "SecurityRuleConflict", "Two rules with the same priority and direction",
            "Security rule {ruleName} conflicts with rule {otherRuleName}. Rules cannot have the same Priority and Direction.",
            "Give '{ruleName}' or '{otherRuleName}' another priority: {direction} priority {priority} is used twice in the NSG.",
            "constraints.md 7.2")
        { IsAzureText = true };

        public static readonly DiagnosticDescriptor SecurityRuleInvalidPortRange = new(
            "VNL6003", DiagnosticSeverity.Error, "SecurityRuleInvalidPortRange", "Invalid port range",
            "Security rule has invalid Port range. Value provided: {value}. Value should be an integer OR integer range with '-' delimiter. Valid range 0-65535.",
            "Write the ports of rule '{ruleName}' as a number (443), a range (1024-65535) or * ; quote * in a shell so it is not expanded to file names.",
            "constraints.md 7.3")
        { IsAzureText = true };

        public static readonly DiagnosticDescriptor SecurityRuleParameterContainsInvalidPortRanges = new(
            "VNL6004", DiagnosticSeverity.Error, "SecurityRuleParameterContainsInvalidPortRanges", "'*' inside a port list",
            "Security rule parameter {parameter} for rule with Id {ruleId} cannot specify a '*'",
            "Use the singular field ({singular}: \"*\") for all ports instead of a list. (Azure's code; the message is the portal's wording of the same error.)",
            "constraints.md 7.4")
        { IsAzureText = true };

        public static readonly DiagnosticDescriptor SecurityRuleInvalidAddressPrefix = new(
            "VNL6005", DiagnosticSeverity.Error, "SecurityRuleInvalidAddressPrefix", "Invalid address prefix in a security rule",
            "Security rule has invalid Address prefix. Value provided: {value}",
            "Write '{value}' in rule '{ruleName}' as *, an IP address, a CIDR with host bits zero{hint}, or a service tag.",
            "constraints.md 7.5")
        { IsAzureText = true };

        public static readonly DiagnosticDescriptor SecurityRuleParameterContainsUnsupportedValue = new(
            "VNL6006", DiagnosticSeverity.Error, "SecurityRuleParameterContainsUnsupportedValue", "Service tag or '*' inside an address list",
            "Security rule parameter {parameter} for rule with Id {ruleId} cannot specify existing VIRTUALNETWORK, INTERNET, AZURELOADBALANCER, '*' or system tags. Unsupported value used: {value}.",
            "Use a service tag or * only in the singular {singular} field, one per rule; split rule '{ruleName}' into one rule per tag.",
            "constraints.md 7.6")
        { IsAzureText = true };

        public static readonly DiagnosticDescriptor AsgsFromSeveralVnetsInRule = new(
            "VNL6007", DiagnosticSeverity.Error, "AllApplicationSecurityGroupsInSecurityRuleMustBeFromSameVnet", "Rule with ASGs from several VNets",
            "Security Rule {nsgId} has Application Security Groups (ASGs) from multiple virtual networks ({vnetIds}).\nAll ASGs on the Security Rule must be from the same virtual network.",
            "Reference in rule '{ruleName}' only ASGs whose members are in one VNet; split the rule per VNet.",
            "constraints.md 7.7")
        { IsAzureText = true };

        public static readonly DiagnosticDescriptor AsgsPerRuleLimit = new(
            "VNL6008", DiagnosticSeverity.Error, "NumberOfApplicationSecurityGroupsReferencedInSecurityRuleLimitReached", "Too many ASGs in a rule",
            "A security rule may have up to {limit} Application Security Group in the source or destination fields. The requested configuration has {count} in the {field} field.",
            "Reference at most {limit} ASGs in {field} of rule '{ruleName}'; split the rule. (Azure's text was captured in 2018 with a limit of 1; the documented limit is now 10.)",
            "constraints.md 7.8")
        { IsAzureText = true };

        public static readonly DiagnosticDescriptor AsgsPerNsgLimit = new(
            "VNL6009", DiagnosticSeverity.Error, null, "Too many ASGs across an NSG",
            "Network security group {nsgId} references {count} application security groups across its rules; Azure allows {limit}.",
            "Merge ASGs or split the NSG." + AzureTextUnknown,
            "constraints.md 7.8");

        public static readonly DiagnosticDescriptor AsgsPerIpConfigurationLimit = new(
            "VNL6010", DiagnosticSeverity.Error, null, "IP configuration in too many ASGs",
            "IP configuration {ipConfigurationId} is a member of {count} application security groups; Azure allows {limit}.",
            "Remove the IP configuration from some ASGs." + AzureTextUnknown,
            "constraints.md 7.8");

        public static readonly DiagnosticDescriptor AsgsPerSubscriptionLimit = new(
            "VNL6011", DiagnosticSeverity.Error, null, "Too many ASGs in a subscription and region",
            "Subscription {subscriptionId} has {count} application security groups in {region}; Azure allows {limit}.",
            "Remove unused ASGs or use another subscription." + AzureTextUnknown,
            "constraints.md 7.8");

        public static readonly DiagnosticDescriptor AsgMembersInSeveralVnets = new(
            "VNL6012", DiagnosticSeverity.Error, null, "ASG with members in several VNets",
            "Application security group {asgId} has members in several virtual networks ({vnetIds}); all network interfaces of an application security group must be in one virtual network.",
            "Create one ASG per VNet and move the members accordingly." + AzureTextUnknown,
            "constraints.md 7.9");

        public static readonly DiagnosticDescriptor AsgRegionMismatch = new(
            "VNL6013", DiagnosticSeverity.Error, null, "ASG in another region than its member",
            "IP configuration {ipConfigurationId} (region {nicRegion}) is a member of application security group {asgId} in region {asgRegion}; an ASG and its members must be in the same region.",
            "Use an ASG in {nicRegion}." + AzureTextUnknown,
            "constraints.md 7.9");

        public static readonly DiagnosticDescriptor InvalidSecurityRuleName = new(
            "VNL6014", DiagnosticSeverity.Error, "InvalidResourceName", "Invalid security rule name",
            "Resource name {name} is invalid. The name can be up to 80 characters long. It must begin with a word character, and it must end with a word character or with '_'. The name may contain word characters or '.', '-', '_'.",
            "Rename the rule. (Azure's generic resource-name message, captured on other Microsoft.Network resources; the same naming rule is documented for security rules.)",
            "constraints.md 7.10")
        { IsAzureText = true };

        public static readonly DiagnosticDescriptor SecurityRuleInvalidProtocol = new(
            "VNL6015", DiagnosticSeverity.Error, null, "Invalid security rule protocol",
            "Security rule {ruleId} has protocol '{protocol}'; a security rule's protocol is Tcp, Udp, Icmp, Esp, Ah or * (Any).",
            "Use one of Tcp, Udp, Icmp, Esp, Ah or *." + AzureTextUnknown,
            "constraints.md 7.11");

        public static readonly DiagnosticDescriptor RulesPerNsgLimit = new(
            "VNL6016", DiagnosticSeverity.Error, null, "Too many rules in an NSG",
            "Network security group {nsgId} has {count} rules; Azure allows {limit}.",
            "Merge rules (several prefixes and ports fit in one rule) or split the NSG." + AzureTextUnknown,
            "constraints.md 7.13");

        public static readonly DiagnosticDescriptor AddressesPerNsgLimit = new(
            "VNL6017", DiagnosticSeverity.Error, null, "Too many addresses across an NSG",
            "Network security group {nsgId} lists {count} {side} addresses and ranges across its rules; Azure allows {limit}.",
            "Summarise prefixes, or use service tags and ASGs instead of address lists." + AzureTextUnknown,
            "constraints.md 7.13");

        public static readonly DiagnosticDescriptor NsgsPerSubscriptionLimit = new(
            "VNL6018", DiagnosticSeverity.Error, null, "Too many NSGs in a subscription and region",
            "Subscription {subscriptionId} has {count} network security groups in {region}; Azure allows {limit}.",
            "Share NSGs between subnets with the same policy, or use another subscription." + AzureTextUnknown,
            "constraints.md 7.13");

        public static readonly DiagnosticDescriptor OverlappingPrefixesInSecurityRule = new(
            "VNL6019", DiagnosticSeverity.Error, "OverlappingSubnetsNotPermittedInSecurityRule", "Overlapping prefixes in one rule parameter",
            "Security rule parameter {parameter} for rule with Id {ruleId} contains overlapping subnets {overlaps}, which is not permitted.",
            "Remove the prefixes of rule '{ruleName}' that another prefix of the same list already covers.",
            "constraints.md 7.18")
        { IsAzureText = true };

        public static readonly DiagnosticDescriptor SecurityRuleDescriptionTooLong = new(
            "VNL6020", DiagnosticSeverity.Error, "SecurityRuleDescriptionTooLong", "Security rule description too long",
            "Security rule description cannot exceed 140 chars.",
            "Shorten the description of rule '{ruleName}' ({length} characters) to 140 characters or fewer.",
            "constraints.md 7.19")
        { IsAzureText = true };

        public static readonly DiagnosticDescriptor NsgNotCompliantForAzureBastionSubnet = new(
            "VNL6021", DiagnosticSeverity.Error, "NetworkSecurityGroupNotCompliantForAzureBastionSubnet", "NSG on AzureBastionSubnet without Bastion's rules",
            "Network security group {nsgName} does not have necessary rules for Azure Bastion Subnet AzureBastionSubnet.",
            "Add Allow rules to '{nsgName}': {missing}.",
            "constraints.md 7.15; learn.microsoft.com/azure/bastion/bastion-nsg (2020-02-03)")
        { IsAzureText = true };
    }

    public static Diagnostic SecurityRuleInvalidPriority(SecurityRule rule) =>
        Create(Descriptors.SecurityRuleInvalidPriority, rule, ("value", rule.Priority), ("ruleName", rule.Name));

    public static Diagnostic SecurityRuleConflict(SecurityRule rule, SecurityRule other) =>
        Create(Descriptors.SecurityRuleConflict, rule, ("ruleName", rule.Name), ("otherRuleName", other.Name), ("direction", rule.Direction),
            ("priority", rule.Priority));

    public static Diagnostic SecurityRuleInvalidPortRange(SecurityRule rule, string value) =>
        Create(Descriptors.SecurityRuleInvalidPortRange, rule, ("value", value), ("ruleName", rule.Name));

    // parameter: Azure's parameter name, SourcePortRanges or DestinationPortRanges.
    // singular: The singular field to use instead, sourcePortRange or destinationPortRange.
    public static Diagnostic SecurityRuleParameterContainsInvalidPortRanges(SecurityRule rule, string parameter, string singular) =>
        Create(Descriptors.SecurityRuleParameterContainsInvalidPortRanges, rule, ("parameter", parameter), ("ruleId", rule.Id), ("singular", singular));

    // hint: A corrected value in a parenthesis (" (e.g. 20.20.0.0/16)"), or empty.
    public static Diagnostic SecurityRuleInvalidAddressPrefix(SecurityRule rule, string value, string hint) =>
        Create(Descriptors.SecurityRuleInvalidAddressPrefix, rule, ("value", value), ("ruleName", rule.Name), ("hint", hint));

    public static Diagnostic SecurityRuleParameterContainsUnsupportedValue(SecurityRule rule, string parameter, string singular, string value) =>
        Create(Descriptors.SecurityRuleParameterContainsUnsupportedValue, rule, ("parameter", parameter), ("ruleId", rule.Id), ("value", value),
            ("singular", singular), ("ruleName", rule.Name));

    public static Diagnostic AsgsFromSeveralVnetsInRule(SecurityRule rule, IEnumerable<ResourceId> vnetIds) =>
        Create(Descriptors.AsgsFromSeveralVnetsInRule, rule, ("nsgId", rule.NetworkSecurityGroupId), ("vnetIds", string.Join(", ", vnetIds)),
            ("ruleName", rule.Name));

    // field: Azure's field name, SourceApplicationSecurityGroups or DestinationApplicationSecurityGroups.
    public static Diagnostic AsgsPerRuleLimit(SecurityRule rule, string field, int count, int limit) =>
        Create(Descriptors.AsgsPerRuleLimit, rule, ("limit", limit), ("count", count), ("field", field), ("ruleName", rule.Name));

    public static Diagnostic AsgsPerNsgLimit(NetworkSecurityGroup nsg, int count, int limit) =>
        Create(Descriptors.AsgsPerNsgLimit, nsg, ("nsgId", nsg.Id), ("count", count), ("limit", limit));

    public static Diagnostic AsgsPerIpConfigurationLimit(NetworkInterfaceIpConfiguration ipConfiguration, int count, int limit) =>
        Create(Descriptors.AsgsPerIpConfigurationLimit, ipConfiguration, ("ipConfigurationId", ipConfiguration.Id), ("count", count), ("limit", limit));

    public static Diagnostic AsgsPerSubscriptionLimit(ApplicationSecurityGroup asg, string region, int count, int limit) =>
        Create(Descriptors.AsgsPerSubscriptionLimit, asg, ("subscriptionId", asg.Id.Subscription), ("region", region), ("count", count), ("limit", limit));

    public static Diagnostic AsgMembersInSeveralVnets(ApplicationSecurityGroup asg, IEnumerable<ResourceId> vnetIds) =>
        Create(Descriptors.AsgMembersInSeveralVnets, asg, ("asgId", asg.Id), ("vnetIds", string.Join(", ", vnetIds)));

    public static Diagnostic AsgRegionMismatch(NetworkInterfaceIpConfiguration ipConfiguration, string nicRegion, ApplicationSecurityGroup asg, string asgRegion) =>
        Create(Descriptors.AsgRegionMismatch, ipConfiguration, ("ipConfigurationId", ipConfiguration.Id), ("nicRegion", nicRegion), ("asgId", asg.Id),
            ("asgRegion", asgRegion));

    public static Diagnostic InvalidSecurityRuleName(SecurityRule rule) =>
        Create(Descriptors.InvalidSecurityRuleName, rule, ("name", rule.Name));

    public static Diagnostic SecurityRuleInvalidProtocol(SecurityRule rule) =>
        Create(Descriptors.SecurityRuleInvalidProtocol, rule, ("ruleId", rule.Id), ("protocol", rule.Protocol));

    public static Diagnostic RulesPerNsgLimit(NetworkSecurityGroup nsg, int count, int limit) =>
        Create(Descriptors.RulesPerNsgLimit, nsg, ("nsgId", nsg.Id), ("count", count), ("limit", limit));

    // side: "source" or "destination".
    public static Diagnostic AddressesPerNsgLimit(NetworkSecurityGroup nsg, string side, int count, int limit) =>
        Create(Descriptors.AddressesPerNsgLimit, nsg, ("nsgId", nsg.Id), ("side", side), ("count", count), ("limit", limit));

    public static Diagnostic NsgsPerSubscriptionLimit(NetworkSecurityGroup nsg, string region, int count, int limit) =>
        Create(Descriptors.NsgsPerSubscriptionLimit, nsg, ("subscriptionId", nsg.Id.Subscription), ("region", region), ("count", count), ("limit", limit));

    // overlaps: The overlapping pairs as Azure lists them: [a, b],[c, d].
    public static Diagnostic OverlappingPrefixesInSecurityRule(SecurityRule rule, string parameter, string overlaps) =>
        Create(Descriptors.OverlappingPrefixesInSecurityRule, rule, ("parameter", parameter), ("ruleId", rule.Id), ("overlaps", overlaps), ("ruleName", rule.Name));

    public static Diagnostic SecurityRuleDescriptionTooLong(SecurityRule rule, int length) =>
        Create(Descriptors.SecurityRuleDescriptionTooLong, rule, ("ruleName", rule.Name), ("length", length));

    // missing: The rules to add, as a readable list.
    public static Diagnostic NsgNotCompliantForAzureBastionSubnet(Subnet bastionSubnet, ResourceId nsgId, string missing) =>
        Create(Descriptors.NsgNotCompliantForAzureBastionSubnet, bastionSubnet, ("nsgName", nsgId.Name), ("missing", missing));
}
