using System.Collections.Immutable;
using VNetLab.Diagnostics;
using VNetLab.Model;

namespace VNetLab.Validation.Rules.Addressing;

/// <summary>IPv4 subnets are /8 to /29; IPv6 subnets are exactly /64 (constraints.md 2.12).</summary>
internal sealed class SubnetSizeRule : ScopedValidationRule<VirtualNetwork>
{
    public override ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = [DiagnosticCatalog.Descriptors.SubnetSizeOutOfRange];

    public override ValidationReads Reads { get; } = ValidationReads.Around<VirtualNetwork>(0);

    protected override IEnumerable<Diagnostic> Validate(Estate estate, VirtualNetwork vnet)
    {
        List<Diagnostic>? findings = null;
        foreach (var subnet in vnet.Subnets)
        {
            foreach (var prefix in subnet.AddressPrefixes)
            {
                var length = prefix.Prefix.Length;
                if (prefix.Prefix.IsV4 ? length is < 8 or > 29 : length != 64)
                {
                    Findings.Add(ref findings, DiagnosticCatalog.SubnetSizeOutOfRange(subnet, prefix));
                }
            }
        }

        return Findings.OrNone(findings);
    }
}
