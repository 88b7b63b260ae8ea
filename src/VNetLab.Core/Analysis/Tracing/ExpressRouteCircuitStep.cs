using VNetLab.Model;

namespace VNetLab.Analysis.Tracing;

/// <summary>The packet crossed an ExpressRoute circuit: the connection that links the gateway to it, and the circuit.</summary>
public sealed record ExpressRouteCircuitStep(ResourceId ConnectionId, ResourceId? CircuitId) : Step
{
    public override string Kind => "ExpressRouteCircuit";

    public override ResourceId? DecidedBy => ConnectionId;

    public override string Describe() =>
        $"ExpressRoute circuit {CircuitId?.Name ?? "(unknown)"} via connection {ConnectionId.Name}";
}
