using VNetLab.Model;

namespace VNetLab.Analysis.Tracing;

/// <summary>
/// One decision in a trace. Each subtype records one kind of decision in Azure's words (route lookup, NSG
/// evaluation, peering transit, gateway transit, tunnel, circuit, firewall, IP forwarding, delivery, exit, drop).
/// </summary>
public abstract record Step
{
    /// <summary>A stable name for the step's kind, used as the JSON discriminator (<c>RouteLookup</c>, <c>NsgEvaluation</c> …).</summary>
    public abstract string Kind { get; }

    /// <summary>The decision in one line of words, for the text rendering.</summary>
    public abstract string Describe();

    /// <summary>The resource whose configuration made the decision (a route table, an NSG, a peering …), when there is one.</summary>
    public virtual ResourceId? DecidedBy => null;
}
