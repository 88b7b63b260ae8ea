using VNetLab.Model;

namespace VNetLab.Analysis.Tracing;

/// <summary>A virtual appliance's NIC was asked to forward a packet not addressed to it; only IP forwarding lets it.</summary>
public sealed record IpForwardingStep(ResourceId NetworkInterfaceId, bool Enabled) : Step
{
    public override string Kind => "IpForwarding";

    public override ResourceId? DecidedBy => NetworkInterfaceId;

    public override string Describe() => $"IP forwarding on {NetworkInterfaceId.Name}: {(Enabled ? "enabled" : "disabled")}";
}
