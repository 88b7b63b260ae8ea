using System.Collections.Immutable;
using VNetLab.Diagnostics;
using VNetLab.Model;

namespace VNetLab.Validation.Rules.Addressing;

/// <summary>AzureBastionSubnet is /26 or larger (constraints.md 2.19).</summary>
internal sealed class AzureBastionSubnetSizeRule : IValidationRule
{
    internal const string AzureBastionSubnetName = "AzureBastionSubnet";

    public ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = [DiagnosticCatalog.Descriptors.AzureBastionSubnetTooSmall];

    public ValidationReads Reads { get; } = ValidationReads.EstateWide(typeof(VirtualNetwork));

    public IEnumerable<Diagnostic> Validate(Estate estate)
    {
        foreach (var (_, subnet) in estate.AllSubnets.Where(s => s.Subnet.Name == AzureBastionSubnetName))
        {
            var prefix = subnet.AddressPrefixes.FirstOrDefault(p => p.Prefix.IsV4);
            if (prefix.Text is not null && prefix.Prefix.Length > 26)
            {
                yield return DiagnosticCatalog.AzureBastionSubnetTooSmall(subnet, prefix);
            }
        }
    }
}
