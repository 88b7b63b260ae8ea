using VNetLab.Model;

namespace VNetLab.Security;

/// <summary>
/// The answer of IP flow verify for one packet at one NIC: <c>access</c> and the <c>ruleName</c> that decided
/// (semantics.md §1.4), plus what kind of decision it was and which NSG held the rule.
/// </summary>
/// <param name="Access">Allow or Deny.</param>
/// <param name="Decision">Whether a rule, the absence of NSGs, the platform exemption or statefulness decided.</param>
/// <param name="Rule">The deciding rule; null unless a rule decided (for return traffic, the rule that allowed the original flow).</param>
/// <param name="NetworkSecurityGroup">The NSG that holds <paramref name="Rule"/>.</param>
public readonly record struct FlowVerdict(
    SecurityRuleAccess Access,
    FlowDecision Decision,
    CompiledSecurityRule? Rule,
    CompiledNetworkSecurityGroup? NetworkSecurityGroup)
{
    public bool IsAllowed => Access == SecurityRuleAccess.Allow;

    /// <summary>IP flow verify's <c>ruleName</c>: <c>securityRules/NAME</c>, <c>defaultSecurityRules/NAME</c>, or null when no rule matched.</summary>
    public string? RuleName => Rule?.Name;

    public override string ToString() => RuleName is { } name ? $"{Access} ({name})" : $"{Access} ({Decision})";
}
