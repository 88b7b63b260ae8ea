using System.Collections.Immutable;
using VNetLab.Diagnostics;
using VNetLab.Model;

namespace VNetLab.Security;

/// <summary>
/// A verdict with its reasons: the NSGs evaluated in Azure's order (inbound: subnet then NIC; outbound: NIC then
/// subnet), every rule each one looked at and why it did or did not match, and the assumptions made (VNL91xx).
/// </summary>
/// <param name="Packet">The packet, oriented for <paramref name="Direction"/>.</param>
/// <param name="Direction">Inbound or outbound at the NIC.</param>
/// <param name="Verdict">The same verdict <see cref="NetworkInterfaceSecurity.Evaluate"/> returns.</param>
/// <param name="Steps">The NSGs evaluated; an NSG after a deny is not evaluated and not listed.</param>
/// <param name="Notes">Fidelity notes the verdict rests on.</param>
public sealed record FlowExplanation(
    Packet Packet,
    SecurityRuleDirection Direction,
    FlowVerdict Verdict,
    ImmutableArray<NetworkSecurityGroupEvaluation> Steps,
    ImmutableArray<Diagnostic> Notes);
