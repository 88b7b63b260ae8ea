namespace VNetLab.Security;

/// <summary>The conditions of a rule a packet fails, for "why did this rule not match" explanations.</summary>
[Flags]
public enum RuleMismatch
{
    None = 0,
    Protocol = 1,
    SourceAddress = 2,
    SourcePort = 4,
    DestinationAddress = 8,
    DestinationPort = 16,

    /// <summary>The packet is ICMP, ESP or AH and the rule names ports, which such packets do not have (VNL9103).</summary>
    PortsOfPortlessProtocol = 32,
}
