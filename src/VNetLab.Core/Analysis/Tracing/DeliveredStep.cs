using VNetLab.Addressing;
using VNetLab.Model;

namespace VNetLab.Analysis.Tracing;

/// <summary>The packet reached the resource holding its destination address.</summary>
public sealed record DeliveredStep(ResourceId ResourceId, IpAddress Destination) : Step
{
    public override string Kind => "Delivered";

    public override string Describe() => $"delivered to {ResourceId.Name} ({Destination})";
}
