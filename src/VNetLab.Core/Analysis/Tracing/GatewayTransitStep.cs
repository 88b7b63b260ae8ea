using VNetLab.Addressing;
using VNetLab.Model;

namespace VNetLab.Analysis.Tracing;

/// <summary>
/// A virtual network gateway forwarded the packet: the learned route it used (prefix and the connection it
/// came over), or, entering Azure, the connection the packet arrived on.
/// </summary>
public sealed record GatewayTransitStep(ResourceId GatewayId, IpPrefix? LearnedPrefix, ResourceId? ConnectionId, string Detail) : Step
{
    public override string Kind => "GatewayTransit";

    public override ResourceId? DecidedBy => ConnectionId;

    public override string Describe() =>
        $"gateway {GatewayId.Name}{(LearnedPrefix is { } p ? $": learned {p}" : string.Empty)}{(ConnectionId is { } c ? $" via connection {c.Name}" : string.Empty)}{(Detail.Length == 0 ? string.Empty : " (" + Detail + ")")}";
}
