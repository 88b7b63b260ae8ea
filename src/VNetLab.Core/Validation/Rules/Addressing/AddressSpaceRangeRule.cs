using System.Collections.Immutable;
using VNetLab.Diagnostics;
using VNetLab.Model;
using VNetLab.Validation.Facts;

namespace VNetLab.Validation.Rules.Addressing;

/// <summary>
/// A VNet address space may not include multicast, broadcast, loopback, link-local or Azure's own
/// 168.63.129.16; public ranges are allowed but not reachable on the Internet (constraints.md 2.6).
/// </summary>
internal sealed class AddressSpaceRangeRule : IValidationRule
{
    public ImmutableArray<DiagnosticDescriptor> Descriptors { get; } =
        [DiagnosticCatalog.Descriptors.AddressSpaceInReservedRange, DiagnosticCatalog.Descriptors.AddressSpaceIsPublic];

    public ValidationReads Reads { get; } = ValidationReads.EstateWide(typeof(VirtualNetwork));

    public IEnumerable<Diagnostic> Validate(Estate estate)
    {
        foreach (var vnet in estate.VirtualNetworks)
        {
            foreach (var prefix in vnet.AddressSpace)
            {
                var reserved = AddressFacts.ReservedForVirtualNetworks.FirstOrDefault(r => r.Prefix.Overlaps(prefix.Prefix));
                if (reserved.Use is not null)
                {
                    yield return DiagnosticCatalog.AddressSpaceInReservedRange(vnet, prefix, reserved.Prefix, reserved.Use);
                }
                else if (prefix.Prefix.IsV4 && !AddressFacts.IsPrivate(prefix.Prefix))
                {
                    yield return DiagnosticCatalog.AddressSpaceIsPublic(vnet, prefix);
                }
            }
        }
    }
}
