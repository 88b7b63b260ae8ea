using VNetLab.Model;

namespace VNetLab.Diagnostics;

// VNL91xx: what the security engine assumed where Azure's behaviour is not documented (semantics.md §7 and
// the [INFER] facts of §4). Each note says what was assumed and which answer it can change.
public static partial class DiagnosticCatalog
{
    public static partial class Descriptors
    {
        public static readonly DiagnosticDescriptor NoNetworkSecurityGroupAssumedOpen = new(
            "VNL9100", DiagnosticSeverity.Info, null, "Flow with no NSG assumed allowed",
            "Neither network interface {nicName} nor its subnet has a network security group, so the twin allowed the {direction} flow without a rule name. Learn's 2020 text says all traffic is then allowed; its 2025 text says inbound traffic from the Internet to a Standard public IP is blocked; what IP flow verify returns here has not been recorded.",
            "Associate an NSG with the subnet or the network interface to get a verdict that does not depend on this.",
            "semantics.md 4.3, 7.5");

        public static readonly DiagnosticDescriptor InternetTagExpansionAssumed = new(
            "VNL9101", DiagnosticSeverity.Info, null, "Internet tag expansion assumed",
            "The verdict depends on whether {address} is in the Internet service tag, whose exact expansion Azure does not document; the twin used the expansion recorded in 2017 (IPv4 minus 0/8, 10/8, 25/8, 100.64/10, 127/8, 169.254/16, 172.16/12, 192.0.2/24, 192.168/16, 198.18/15, 224/3), which {verdict} it.",
            "If the verdict matters, write the prefix explicitly in a rule instead of relying on the Internet tag.",
            "semantics.md 4.5, 7.7");

        public static readonly DiagnosticDescriptor UnknownServiceTag = new(
            "VNL9102", DiagnosticSeverity.Warning, null, "Service tag not known",
            "Security rule {rule} names the service tag {tag}, which the twin cannot expand ({source} service tags); the rule was treated as matching no address.",
            "Pass Azure's current ServiceTags_Public JSON with --service-tags FILE (download it from the Microsoft Download Center, or `az network list-service-tags`).",
            "semantics.md 4.5 (regional tags expand to published ranges)");

        public static readonly DiagnosticDescriptor PortlessProtocolPortsAssumed = new(
            "VNL9103", DiagnosticSeverity.Info, null, "Ports of a port-less protocol",
            "{protocol} packets have no ports; security rule {rule} has protocol * and ports {ports}, and the twin assumed it does not match {protocol}.",
            "Write a separate rule with protocol Icmp (or *) and ports * to decide {protocol} explicitly.",
            "semantics.md 4.7 (ICMP has no ports; IP flow verify cannot test it)");

        public static readonly DiagnosticDescriptor VirtualNetworkTagWithoutGatewayPrefixes = new(
            "VNL9104", DiagnosticSeverity.Warning, null, "VirtualNetwork tag without gateway prefixes",
            "The VirtualNetwork service tag of subnet {subnetName} was expanded without the prefixes its gateway learns (no routing result was given); Azure also puts the connected on-premises address spaces in it.",
            "Give the security engine the routing result (SecurityRoutingInputs in the analysis layer; the CLI commands do), or write the on-premises prefixes in a rule explicitly.",
            "semantics.md 4.5 (VirtualNetwork includes all connected on-premises address spaces)");

        public static readonly DiagnosticDescriptor ApplicationSecurityGroupRenderingAssumed = new(
            "VNL9105", DiagnosticSeverity.Info, null, "Effective rule shape for application security groups",
            "Security rule {rule} names application security groups; how Azure's effective security rules list such a rule is not recorded, so the twin shows the groups' member addresses in expanded{side}AddressPrefix.",
            "Compare with `az network nic list-effective-nsg` output if an exact shape matters.",
            "semantics.md 1.5, 4.6");

        public static readonly DiagnosticDescriptor RuleValueNotUnderstood = new(
            "VNL9106", DiagnosticSeverity.Warning, null, "Rule value not understood",
            "Security rule {rule} has '{value}' in {field}, which is not a valid {kind}; the twin treats that value as matching nothing (Azure would reject the rule).",
            "Correct the value; `vnetlab validate` reports it with Azure's error code.",
            "constraints.md 7.3, 7.5, 7.11");

        public static readonly DiagnosticDescriptor BothNetworkSecurityGroupsAllowed = new(
            "VNL9107", DiagnosticSeverity.Info, null, "Rule name when two NSGs allow",
            "Both the subnet's and the network interface's NSG allowed the flow; IP flow verify names a single rule, and which one is not documented. The twin names the rule of the NSG evaluated last ({nsgName}).",
            "Use --explain to see both rules.",
            "semantics.md 1.4, 4.3");

        public static readonly DiagnosticDescriptor ProtocolAnyAssumedToCoverEspAndAh = new(
            "VNL9108", DiagnosticSeverity.Info, null, "Protocol Any assumed to cover ESP and AH",
            "Security rule {rule} has protocol Any (*), which Learn defines as TCP, UDP and ICMP; the twin assumed it also matches {protocol}.",
            "Write a rule with protocol {protocol} to decide it explicitly.",
            "semantics.md 4.2, 4.7");

        public static readonly DiagnosticDescriptor PeeringWithoutAccessLeftOutOfVirtualNetworkTag = new(
            "VNL9109", DiagnosticSeverity.Info, null, "Peered space left out of the VirtualNetwork tag",
            "Peering {peeringName} does not allow virtual network access (or is not Connected); the twin left the remote address space out of the VirtualNetwork tag of {vnetName}, which Learn implies but does not state.",
            "Allow virtual network access on the peering, or write rules for the remote space explicitly.",
            "semantics.md 4.5, 7.6");
    }

    public static Diagnostic NoNetworkSecurityGroupAssumedOpen(NetworkInterface nic, SecurityRuleDirection direction) =>
        Create(Descriptors.NoNetworkSecurityGroupAssumedOpen, nic, ("nicName", nic.Name), ("direction", direction.ToString().ToLowerInvariant()));

    /// <param name="rule">The rule whose match hinged on the tag.</param>
    /// <param name="address">The address in question.</param>
    /// <param name="inTag">Whether the twin counted it in the tag.</param>
    public static Diagnostic InternetTagExpansionAssumed(SecurityRule rule, string address, bool inTag) =>
        Create(Descriptors.InternetTagExpansionAssumed, rule, ("address", address), ("verdict", inTag ? "includes" : "excludes"));

    public static Diagnostic UnknownServiceTag(SecurityRule rule, string tag, string source) =>
        Create(Descriptors.UnknownServiceTag, rule, ("rule", rule.Name), ("tag", tag), ("source", source));

    public static Diagnostic PortlessProtocolPortsAssumed(SecurityRule rule, string protocol, string ports) =>
        Create(Descriptors.PortlessProtocolPortsAssumed, rule, ("rule", rule.Name), ("protocol", protocol), ("ports", ports));

    public static Diagnostic VirtualNetworkTagWithoutGatewayPrefixes(ResourceId subnetId) =>
        Create(Descriptors.VirtualNetworkTagWithoutGatewayPrefixes, subnetId, null, ("subnetName", subnetId.Name));

    /// <param name="rule">The rule.</param>
    /// <param name="side"><c>Source</c> or <c>Destination</c>.</param>
    public static Diagnostic ApplicationSecurityGroupRenderingAssumed(SecurityRule rule, string side) =>
        Create(Descriptors.ApplicationSecurityGroupRenderingAssumed, rule, ("rule", rule.Name), ("side", side));

    /// <param name="rule">The rule.</param>
    /// <param name="field">The ARM property, e.g. <c>destinationPortRanges</c>.</param>
    /// <param name="value">The text that did not parse.</param>
    /// <param name="kind">What was expected: <c>port or port range</c>, <c>address prefix or service tag</c>, <c>protocol</c>.</param>
    public static Diagnostic RuleValueNotUnderstood(SecurityRule rule, string field, string value, string kind) =>
        Create(Descriptors.RuleValueNotUnderstood, rule, ("rule", rule.Name), ("field", field), ("value", value), ("kind", kind));

    public static Diagnostic BothNetworkSecurityGroupsAllowed(ResourceId lastNsgId) =>
        Create(Descriptors.BothNetworkSecurityGroupsAllowed, lastNsgId, null, ("nsgName", lastNsgId.Name));

    public static Diagnostic ProtocolAnyAssumedToCoverEspAndAh(SecurityRule rule, string protocol) =>
        Create(Descriptors.ProtocolAnyAssumedToCoverEspAndAh, rule, ("rule", rule.Name), ("protocol", protocol));

    public static Diagnostic PeeringWithoutAccessLeftOutOfVirtualNetworkTag(VirtualNetworkPeering peering, string vnetName) =>
        Create(Descriptors.PeeringWithoutAccessLeftOutOfVirtualNetworkTag, peering, ("peeringName", peering.Name), ("vnetName", vnetName));
}
