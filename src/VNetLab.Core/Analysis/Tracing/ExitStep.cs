using VNetLab.Addressing;
using VNetLab.Model;

namespace VNetLab.Analysis.Tracing;

/// <summary>
/// The packet left the estate: to the Internet (<see cref="ExternalSiteId"/> null) or to an external site.
/// <see cref="SnatAddress"/> is the public address an Azure Firewall translated the source to, when one did.
/// </summary>
public sealed record ExitStep(ResourceId? ExternalSiteId, IpAddress? SnatAddress) : Step
{
    public override string Kind => "Exit";

    public override string Describe() =>
        (ExternalSiteId is { } site ? $"exits to external site {site.Name}" : "exits to the Internet")
        + (SnatAddress is { } snat ? $" (SNAT to {snat})" : string.Empty);
}
