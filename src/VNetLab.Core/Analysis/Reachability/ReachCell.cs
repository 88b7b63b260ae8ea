using VNetLab.Addressing;
using VNetLab.Security;

namespace VNetLab.Analysis.Reachability;

/// <summary>
/// What one source reaches at one destination for one protocol: the destination ports on which at least one packet
/// gets through (empty ports for ICMP, ESP and AH, which have none), whether every packet on those ports gets
/// through (<see cref="Complete"/>), and how the packets end (delivered, the Internet, which site).
/// </summary>
public sealed record ReachCell(SecurityProtocol Protocol, PortSet Ports, bool Complete, string Exits)
{
    /// <summary>The ports as a user writes them: <c>*</c>, or ranges joined by commas (<c>25,80,443</c>).</summary>
    public string PortsText => Ports.IsAll ? "*" : string.Join(",", Ports.ToRanges());

    public override string ToString() =>
        $"{Protocol}{(Protocol.HasPorts() ? " " + PortsText : string.Empty)}{(Complete ? string.Empty : " (partial)")}";
}
