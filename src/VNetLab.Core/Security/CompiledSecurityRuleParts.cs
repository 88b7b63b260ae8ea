using System.Collections.Immutable;
using VNetLab.Diagnostics;
using VNetLab.Model;

namespace VNetLab.Security;

/// <summary>
/// A rule as <see cref="SecurityRuleCompiler"/> reads it, before its NSG places it in evaluation order: the NSG then
/// lays the conditions out side by side and makes the <see cref="CompiledSecurityRule"/> that points at them.
/// </summary>
/// <remarks>
/// The rule object used to keep a 56-byte copy of its conditions next to the NSG's array; a compile of every NIC kept
/// both alive (about 200 bytes per NIC at scale), and the GC traced and promoted them.
/// </remarks>
internal readonly record struct CompiledSecurityRuleParts(
    SecurityRule Rule,
    ImmutableArray<RuleAddress> Sources,
    ImmutableArray<RuleAddress> Destinations,
    SecurityRuleConditions Conditions,
    ImmutableArray<Diagnostic> Notes);
