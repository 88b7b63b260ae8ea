using System.Collections.Immutable;
using VNetLab.Addressing;
using VNetLab.Diagnostics;
using VNetLab.Model;

namespace VNetLab.Validation.Rules.Addressing;

/// <summary>
/// A static private IP cannot be one another IP configuration of the VNet already holds (constraints.md
/// 2.11). Dynamic configurations are not reported: Azure picks a free address for them.
/// </summary>
internal sealed class PrivateIpAllocatedTwiceRule : ScopedValidationRule<VirtualNetwork>
{
    public override ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = [DiagnosticCatalog.Descriptors.PrivateIpAlreadyAllocated];

    public override ValidationReads Reads { get; } = ValidationReads.Around<VirtualNetwork>(0, typeof(NetworkInterface));

    protected override IEnumerable<Diagnostic> Validate(ValidationPass pass, VirtualNetwork vnet)
    {
        var estate = pass.Estate;
        // One table for every VNet of the pass: a table per VNet was most of this rule's garbage.
        var holders = pass.Scratch(this, static () => new Dictionary<IpAddress, NetworkInterfaceIpConfiguration>());
        holders.Clear();
        List<Diagnostic>? findings = null;

        // The configurations naming a subnet of this VNet, in the estate's order of NICs: the first to hold an
        // address keeps it, as when walking every NIC of the estate.
        foreach (var ipConfiguration in estate.IpConfigurationsInVirtualNetwork(vnet.Id))
        {
            if (ipConfiguration.PrivateIpAddress is not { } ip || pass.SubnetOf(ipConfiguration, vnet) is null)
            {
                continue;
            }

            if (!holders.TryAdd(ip, ipConfiguration) && StaticPrivateIpRule.IsStatic(ipConfiguration))
            {
                Findings.Add(ref findings, DiagnosticCatalog.PrivateIpAlreadyAllocated(ipConfiguration, ip, holders[ip], vnet));
            }
        }

        return Findings.OrNone(findings);
    }
}
