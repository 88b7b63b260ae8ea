using VNetLab.Model;

namespace VNetLab.Security;

/// <summary>
/// A rule as <see cref="SecurityRuleCompiler"/> reads it, before its NSG places it in evaluation order: the NSG then
/// lays the conditions out side by side, keeps the terms beside them, and makes a <see cref="CompiledSecurityRule"/>
/// pointing at both only when someone asks for the rules.
/// </summary>
/// <remarks>
/// The rule object used to keep a 56-byte copy of its conditions next to the NSG's array, and every rule had its object
/// from the start; a compile of every NIC kept them all alive (about 400 bytes per NIC at scale) and the GC traced and
/// promoted them, where questions about NICs (associations, verdicts) read the conditions and at most one rule.
/// </remarks>
internal readonly record struct CompiledSecurityRuleParts(SecurityRuleTerms Terms, SecurityRuleConditions Conditions)
{
    public SecurityRule Rule => Terms.Rule;
}
