using System.Collections.Immutable;
using VNetLab.Addressing;
using VNetLab.Diagnostics;
using VNetLab.Model;
using VNetLab.Validation.Facts;

namespace VNetLab.Validation.Rules.Addressing;

/// <summary>
/// A VNet address space may not include multicast, broadcast, loopback, link-local or Azure's own
/// 168.63.129.16; public ranges are allowed but not reachable on the Internet (constraints.md 2.6).
/// </summary>
internal sealed class AddressSpaceRangeRule : ScopedValidationRule<VirtualNetwork>
{
    public override ImmutableArray<DiagnosticDescriptor> Descriptors { get; } =
        [DiagnosticCatalog.Descriptors.AddressSpaceInReservedRange, DiagnosticCatalog.Descriptors.AddressSpaceIsPublic];

    public override ValidationReads Reads { get; } = ValidationReads.Around<VirtualNetwork>(0);

    protected override IEnumerable<Diagnostic> Validate(Estate estate, VirtualNetwork vnet)
    {
        List<Diagnostic>? findings = null;
        foreach (var prefix in vnet.AddressSpace)
        {
            var reserved = ReservedOverlapping(prefix.Prefix);
            if (reserved.Use is not null)
            {
                Findings.Add(ref findings, DiagnosticCatalog.AddressSpaceInReservedRange(vnet, prefix, reserved.Prefix, reserved.Use));
            }
            else if (prefix.Prefix.IsV4 && !AddressFacts.IsPrivate(prefix.Prefix))
            {
                Findings.Add(ref findings, DiagnosticCatalog.AddressSpaceIsPublic(vnet, prefix));
            }
        }

        return Findings.OrNone(findings);
    }

    // The first reserved range the prefix overlaps, or none (no use): FirstOrDefault without its closure per prefix.
    private static (IpPrefix Prefix, string Use) ReservedOverlapping(IpPrefix prefix)
    {
        foreach (var reserved in AddressFacts.ReservedForVirtualNetworks)
        {
            if (reserved.Prefix.Overlaps(prefix))
            {
                return reserved;
            }
        }

        return default;
    }
}
