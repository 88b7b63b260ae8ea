using VNetLab.Model;

namespace VNetLab.Analysis.Tracing;

/// <summary>
/// An Azure Firewall's verdict from its classic network rule collections, evaluated in priority order: the
/// collection and rule that matched, or none (the firewall then denies by default).
/// </summary>
public sealed record FirewallRuleStep(ResourceId FirewallId, ResourceId? RuleCollectionId, string? RuleName, int? Priority, SecurityRuleAccess Action) : Step
{
    public override string Kind => "FirewallRule";

    public override ResourceId? DecidedBy => RuleCollectionId ?? FirewallId;

    public override string Describe() => RuleCollectionId is { } collection
        ? $"firewall {FirewallId.Name}: {Action} by collection {collection.Name} (priority {Priority}) rule {RuleName}"
        : $"firewall {FirewallId.Name}: {Action} (no network rule matched)";
}
