using VNetLab.Model;

namespace VNetLab.Analysis.Tracing;

/// <summary>The packet crossed a VNet peering (the local side's peering resource) into the remote VNet.</summary>
public sealed record PeeringTransitStep(ResourceId PeeringId, ResourceId RemoteVirtualNetworkId, bool Forwarded) : Step
{
    public override string Kind => "PeeringTransit";

    public override ResourceId? DecidedBy => PeeringId;

    public override string Describe() =>
        $"peering {PeeringId.Name} -> {RemoteVirtualNetworkId.Name}{(Forwarded ? " (forwarded traffic)" : string.Empty)}";
}
