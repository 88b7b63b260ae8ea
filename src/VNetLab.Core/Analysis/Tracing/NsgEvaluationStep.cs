using VNetLab.Model;

namespace VNetLab.Analysis.Tracing;

/// <summary>
/// One NSG's verdict on the packet (shared/azure/semantics.md §4.3): the NSG, where it is associated, the rule
/// that decided as IP flow verify names it, its access and the direction. <see cref="RuleName"/> is null when
/// the NSG let the packet through without a rule deciding (platform traffic, or no NSG at all).
/// </summary>
public sealed record NsgEvaluationStep(
    ResourceId? NetworkSecurityGroupId,
    ResourceId AssociatedTo,
    string? RuleName,
    SecurityRuleAccess Access,
    SecurityRuleDirection Direction,
    string Decision) : Step
{
    public override string Kind => "NsgEvaluation";

    public override ResourceId? DecidedBy => NetworkSecurityGroupId;

    public override string Describe() => NetworkSecurityGroupId is { } nsg
        ? $"{Direction} NSG {nsg.Name} ({AssociatedTo.ResourceType.Split('/')[^1]} {AssociatedTo.Name}): {Access}"
            + (RuleName is null ? $" ({Decision})" : Decision == "rule" ? " by " + RuleName : $" ({Decision}, {RuleName})")
        : $"{Direction}: {Access} ({Decision})";
}
