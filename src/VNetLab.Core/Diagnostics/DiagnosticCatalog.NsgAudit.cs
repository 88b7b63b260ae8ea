using VNetLab.Model;

namespace VNetLab.Diagnostics;

// VNL61xx: NSG audit findings. Not Azure errors (Azure accepts all of these); they are what `vnetlab nsg-audit`
// reports about rules that do nothing, rules that expose management ports, and traffic nothing filters.
// Every finding names the rule(s) and one example packet, so it can be checked with `vnetlab flow`.
public static partial class DiagnosticCatalog
{
    public static partial class Descriptors
    {
        public static readonly DiagnosticDescriptor ShadowedSecurityRule = new(
            "VNL6100", DiagnosticSeverity.Warning, null, "Security rule never matches",
            "Security rule {rule} ({direction}, priority {priority}, {access}) can never match: every packet it covers is decided first by {coveringRules}. Example: {packet} is decided by {exampleRule}.",
            "Delete {rule}, or give it a priority number below {coveringRules} if it was meant to decide those packets.",
            "semantics.md 4.1 (priority order, first match wins)");

        public static readonly DiagnosticDescriptor RedundantSecurityRule = new(
            "VNL6101", DiagnosticSeverity.Info, null, "Security rule changes nothing",
            "Removing security rule {rule} ({direction}, priority {priority}, {access}) would change no verdict: the packets it decides get the same answer from {laterRules}. Example: {packet}.",
            "Delete {rule} to keep the NSG short, or keep it on purpose if it documents intent.",
            "semantics.md 4.1 (priority order, first match wins)");

        public static readonly DiagnosticDescriptor ManagementPortOpenToInternet = new(
            "VNL6102", DiagnosticSeverity.Error, null, "Management port open to the Internet",
            "Security rule {rule} allows {ports} from the whole Internet (source written as {sourceSpelling}). Example: {packet}.",
            "Restrict the source to the administrators' own prefixes, or remove the rule and use Azure Bastion or just-in-time VM access; a deny for these ports from Internet above {rule} also closes them.",
            "issue #5: management ports 22, 3389, 5985, 5986 on TCP and UDP; semantics.md 4.5 (Internet tag)");

        public static readonly DiagnosticDescriptor ManagementPortOpenToPublicAddresses = new(
            "VNL6103", DiagnosticSeverity.Warning, null, "Management port open to public addresses",
            "Security rule {rule} allows {ports} from public addresses {publicSources}. Example: {packet}.",
            "Check that {publicSources} are your own administration addresses; prefer Azure Bastion or just-in-time VM access to public management ports.",
            "issue #5: management ports 22, 3389, 5985, 5986 on TCP and UDP");

        public static readonly DiagnosticDescriptor NetworkSecurityGroupNotAssociated = new(
            "VNL6104", DiagnosticSeverity.Info, null, "NSG associated with nothing",
            "Network security group {nsgName} is associated with no subnet and no network interface; its rules filter nothing.",
            "Associate {nsgName} with the subnets or network interfaces it was written for, or delete it.",
            "semantics.md 4.3 (NSGs act only where associated)");

        public static readonly DiagnosticDescriptor ApplicationSecurityGroupWithoutMembers = new(
            "VNL6105", DiagnosticSeverity.Info, null, "Application security group without members",
            "Application security group {asgName} holds no network interface IP configuration; {usage}.",
            "Add the intended network interfaces' IP configurations to {asgName}, or delete it and the rules that name it.",
            "semantics.md 4.6 (ASG rules apply only to member NICs)");

        public static readonly DiagnosticDescriptor SubnetWithoutNetworkSecurityGroup = new(
            "VNL6106", DiagnosticSeverity.Warning, null, "Subnet without an NSG",
            "Subnet {subnetName} of {vnetName} has no network security group{nicPart}; nothing filters traffic to or from it.",
            "Associate a network security group with {subnetName} (or with each of its network interfaces).",
            "semantics.md 4.3 (a level without an NSG is transparent)");

        public static readonly DiagnosticDescriptor NetworkInterfaceWithoutNetworkSecurityGroup = new(
            "VNL6107", DiagnosticSeverity.Warning, null, "Network interface without any NSG",
            "Network interface {nicName} has no network security group, and neither has its subnet {subnetName}; nothing filters its traffic.",
            "Associate a network security group with {nicName} or with subnet {subnetName}.",
            "semantics.md 4.3 (no NSG on subnet nor NIC)");
    }

    public static Diagnostic ShadowedSecurityRule(SecurityRule rule, string coveringRules, string packet, string exampleRule) =>
        Create(Descriptors.ShadowedSecurityRule, rule, ("rule", RuleLabel(rule)), ("direction", rule.Direction), ("priority", rule.Priority),
            ("access", rule.Access), ("coveringRules", coveringRules), ("packet", packet), ("exampleRule", exampleRule));

    public static Diagnostic RedundantSecurityRule(SecurityRule rule, string laterRules, string packet) =>
        Create(Descriptors.RedundantSecurityRule, rule, ("rule", RuleLabel(rule)), ("direction", rule.Direction), ("priority", rule.Priority),
            ("access", rule.Access), ("laterRules", laterRules), ("packet", packet));

    public static Diagnostic ManagementPortOpenToInternet(SecurityRule rule, string ports, string sourceSpelling, string packet) =>
        Create(Descriptors.ManagementPortOpenToInternet, rule, ("rule", RuleLabel(rule)), ("ports", ports),
            ("sourceSpelling", sourceSpelling), ("packet", packet));

    public static Diagnostic ManagementPortOpenToPublicAddresses(SecurityRule rule, string ports, string publicSources, string packet) =>
        Create(Descriptors.ManagementPortOpenToPublicAddresses, rule, ("rule", RuleLabel(rule)), ("ports", ports),
            ("publicSources", publicSources), ("packet", packet));

    public static Diagnostic NetworkSecurityGroupNotAssociated(NetworkSecurityGroup nsg) =>
        Create(Descriptors.NetworkSecurityGroupNotAssociated, nsg, ("nsgName", nsg.Name));

    /// <param name="asg">The group.</param>
    /// <param name="rulesNamingIt">The rules that name it as source or destination (they match nothing).</param>
    public static Diagnostic ApplicationSecurityGroupWithoutMembers(ApplicationSecurityGroup asg, IReadOnlyCollection<SecurityRule> rulesNamingIt) =>
        Create(Descriptors.ApplicationSecurityGroupWithoutMembers, asg, ("asgName", asg.Name),
            ("usage", rulesNamingIt.Count == 0
                ? "no security rule names it either"
                : "the security rules that name it (" + string.Join(", ", rulesNamingIt.Select(RuleLabel)) + ") match no packet"));

    /// <param name="subnet">The subnet.</param>
    /// <param name="vnetName">Its VNet's name.</param>
    /// <param name="unprotectedNics">How many NICs in it have no NSG of their own.</param>
    /// <param name="nics">How many NICs it holds (0 for an empty subnet).</param>
    public static Diagnostic SubnetWithoutNetworkSecurityGroup(Subnet subnet, string vnetName, int unprotectedNics, int nics) =>
        Create(Descriptors.SubnetWithoutNetworkSecurityGroup, subnet, ("subnetName", subnet.Name), ("vnetName", vnetName),
            ("nicPart", (nics, unprotectedNics) switch
            {
                (0, _) => " and holds no network interface yet",
                (1, 1) => " and neither has its network interface",
                var (all, none) when all == none => $" and neither have its {all} network interfaces",
                (_, 1) => $" and 1 of its {nics} network interfaces has none either",
                _ => $" and {unprotectedNics} of its {nics} network interfaces have none either",
            }));

    public static Diagnostic NetworkInterfaceWithoutNetworkSecurityGroup(NetworkInterface nic, string subnetName) =>
        Create(Descriptors.NetworkInterfaceWithoutNetworkSecurityGroup, nic, ("nicName", nic.Name), ("subnetName", subnetName));

    /// <summary>How findings name a rule: <c>NSG/securityRules/NAME</c>, which says both where it is and what kind it is.</summary>
    private static string RuleLabel(SecurityRule rule) =>
        $"{rule.NetworkSecurityGroupId.Name}/{(rule.IsDefault ? "defaultSecurityRules" : "securityRules")}/{rule.Name}";
}
