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
        foreach (var subnet in vnet.Subnets)
        {
            var v4 = subnet.AddressPrefixes.Where(p => p.Prefix.IsV4).ToList();
            if (v4.Count == 0)
            {
                continue;
            }

            var usable = v4.Aggregate(UInt128.Zero, (sum, p) =>
                sum + (p.Prefix.Size > AddressFacts.ReservedAddressesPerSubnet ? p.Prefix.Size - AddressFacts.ReservedAddressesPerSubnet : UInt128.Zero));
            var count = estate.IpConfigurationsIn(subnet.Id).Count(c => c.PrivateIpAddress is not { IsV4: false });
            if ((UInt128)count > usable)
            {
                yield return DiagnosticCatalog.SubnetIsFull(subnet, usable, count);
            }
        }
    }
}
