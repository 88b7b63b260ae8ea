using VNetLab.Model;

namespace VNetLab.Analysis.Tracing;

/// <summary>The packet stops here, for the reason given (a None route, a loop, a refusing peering, or what the twin cannot model).</summary>
public sealed record DropStep(string Reason, ResourceId? Cause) : Step
{
    public override string Kind => "Drop";

    public override ResourceId? DecidedBy => Cause;

    public override string Describe() => "dropped: " + Reason;
}
