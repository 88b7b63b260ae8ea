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
        List<Diagnostic>? findings = null;
        foreach (var subnet in vnet.Subnets)
        {
            foreach (var prefix in subnet.AddressPrefixes)
            {
                if (!InAddressSpace(vnet, prefix))
                {
                    Findings.Add(ref findings, DiagnosticCatalog.SubnetRangeOutsideVnet(subnet, vnet, prefix));
                    break;
                }
            }
        }

        return Findings.OrNone(findings);
    }

    private static bool InAddressSpace(VirtualNetwork vnet, AddressPrefix prefix)
    {
        foreach (var space in vnet.AddressSpace)
        {
            if (space.Prefix.Contains(prefix.Prefix))
            {
                return true;
            }
        }

        return false;
    }
}
