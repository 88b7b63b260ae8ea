using System.Collections.Immutable;
using VNetLab.Diagnostics;
using VNetLab.Model;
using VNetLab.Validation.Facts;

namespace VNetLab.Validation.Rules.Addressing;

/// <summary>
/// A subnet cannot hold more IPv4 configurations than it has usable addresses: its size minus the five
/// Azure keeps (constraints.md 2.7, 2.23).
/// </summary>
internal sealed class SubnetIsFullRule : ScopedValidationRule<VirtualNetwork>
{
    public override ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = [DiagnosticCatalog.Descriptors.SubnetIsFull];

    public override ValidationReads Reads { get; } = ValidationReads.Around<VirtualNetwork>(0, typeof(NetworkInterface));

    protected override IEnumerable<Diagnostic> Validate(Estate estate, VirtualNetwork vnet)
    {
        List<Diagnostic>? findings = null;
        foreach (var subnet in vnet.Subnets)
        {
            var anyV4 = false;
            var usable = UInt128.Zero;
            foreach (var p in subnet.AddressPrefixes)
            {
                if (p.Prefix.IsV4)
                {
                    anyV4 = true;
                    usable += p.Prefix.Size > AddressFacts.ReservedAddressesPerSubnet ? p.Prefix.Size - AddressFacts.ReservedAddressesPerSubnet : UInt128.Zero;
                }
            }

            if (!anyV4)
            {
                continue;
            }

            var count = 0;
            foreach (var c in estate.IpConfigurationsIn(subnet.Id))
            {
                if (c.PrivateIpAddress is not { IsV4: false })
                {
                    count++;
                }
            }

            if ((UInt128)count > usable)
            {
                Findings.Add(ref findings, DiagnosticCatalog.SubnetIsFull(subnet, usable, count));
            }
        }

        return Findings.OrNone(findings);
    }
}
