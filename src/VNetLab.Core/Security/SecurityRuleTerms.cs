using System.Collections.Immutable;
using VNetLab.Diagnostics;
using VNetLab.Model;

namespace VNetLab.Security;

/// <summary>What a compiled rule holds besides its conditions: the rule, each side's terms as written and resolved, and its notes.</summary>
internal readonly record struct SecurityRuleTerms(
    SecurityRule Rule,
    ImmutableArray<RuleAddress> Sources,
    ImmutableArray<RuleAddress> Destinations,
    ImmutableArray<Diagnostic> Notes);
