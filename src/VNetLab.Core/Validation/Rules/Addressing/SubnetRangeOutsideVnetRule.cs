using System.Collections.Immutable;
using VNetLab.Diagnostics;
using VNetLab.Model;

namespace VNetLab.Validation.Rules.Addressing;

/// <summary>Every subnet prefix lies inside one of its VNet's address prefixes (constraints.md 2.3).</summary>
internal sealed class SubnetRangeOutsideVnetRule : ScopedValidationRule<VirtualNetwork>
{
    public override ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = [DiagnosticCatalog.Descriptors.SubnetRangeOutsideVnet];

    public override ValidationReads Reads { get; } = ValidationReads.Around<VirtualNetwork>(0);

    protected override IEnumerable<Diagnostic> Validate(Estate estate, VirtualNetwork vnet)
    {
        foreach (var subnet in vnet.Subnets)
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
