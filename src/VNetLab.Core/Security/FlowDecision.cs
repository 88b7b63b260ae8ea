namespace VNetLab.Security;

/// <summary>What decided a flow verdict.</summary>
public enum FlowDecision
{
    /// <summary>A security rule matched (<see cref="FlowVerdict.Rule"/>).</summary>
    Rule,

    /// <summary>Neither the subnet nor the NIC has an NSG; the twin allows (VNL9100).</summary>
    NoNetworkSecurityGroup,

    /// <summary>Traffic to or from 168.63.129.16 or 169.254.169.254, which NSGs do not filter (semantics.md §4.8).</summary>
    PlatformTraffic,

    /// <summary>A reply to a flow allowed in the other direction: NSGs are stateful (semantics.md §4.4).</summary>
    ReturnTraffic,
}
