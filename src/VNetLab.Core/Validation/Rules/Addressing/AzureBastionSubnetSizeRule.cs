using System.Collections.Immutable;
using VNetLab.Diagnostics;
using VNetLab.Model;

namespace VNetLab.Validation.Rules.Addressing;

/// <summary>AzureBastionSubnet is /26 or larger (constraints.md 2.19).</summary>
internal sealed class AzureBastionSubnetSizeRule : ScopedValidationRule<VirtualNetwork>
{
    internal const string AzureBastionSubnetName = "AzureBastionSubnet";

    public override ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = [DiagnosticCatalog.Descriptors.AzureBastionSubnetTooSmall];

    public override ValidationReads Reads { get; } = ValidationReads.Around<VirtualNetwork>(0);

    protected override IEnumerable<Diagnostic> Validate(Estate estate, VirtualNetwork vnet)
    {
        List<Diagnostic>? findings = null;
        foreach (var subnet in vnet.Subnets)
        {
            if (subnet.Name != AzureBastionSubnetName)
            {
                continue;
            }

            var prefix = subnet.AddressPrefixes.FirstOrDefault(p => p.Prefix.IsV4);
            if (prefix.Text is not null && prefix.Prefix.Length > 26)
            {
                Findings.Add(ref findings, DiagnosticCatalog.AzureBastionSubnetTooSmall(subnet, prefix));
            }
        }

        return Findings.OrNone(findings);
    }
}
