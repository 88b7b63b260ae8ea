using System.Collections.Immutable;

namespace VNetLab.Security;

/// <summary>One NSG's part in a flow explanation: the rules it looked at, in order, and the rule that decided.</summary>
/// <param name="Association">The NSG and where it is associated.</param>
/// <param name="Rules">Every rule evaluated, in priority order, up to and including the deciding one.</param>
/// <param name="DecidingRule">The rule that decided; null when no rule applied (platform traffic with no platform rule).</param>
public sealed record NetworkSecurityGroupEvaluation(
    NetworkSecurityGroupAssociation Association,
    ImmutableArray<RuleEvaluation> Rules,
    CompiledSecurityRule? DecidingRule);
