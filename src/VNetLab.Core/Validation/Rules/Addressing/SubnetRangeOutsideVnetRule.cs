using System.Collections.Immutable;
using VNetLab.Diagnostics;
using VNetLab.Model;

namespace VNetLab.Validation.Rules.Addressing;

/// <summary>Every subnet prefix lies inside one of its VNet's address prefixes (constraints.md 2.3).</summary>
internal sealed class SubnetRangeOutsideVnetRule : IValidationRule
{
    public ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = [DiagnosticCatalog.Descriptors.SubnetRangeOutsideVnet];

    public ValidationReads Reads { get; } = ValidationReads.EstateWide(typeof(VirtualNetwork));

    public IEnumerable<Diagnostic> Validate(Estate estate)
    {
        foreach (var (vnet, subnet) in estate.AllSubnets)
        {
            foreach (var prefix in subnet.AddressPrefixes)
            {
                if (!vnet.AddressSpace.Any(space => space.Prefix.Contains(prefix.Prefix)))
                {
                    yield return DiagnosticCatalog.SubnetRangeOutsideVnet(subnet, vnet, prefix);
                    break;
                }
            }
        }
    }
}
