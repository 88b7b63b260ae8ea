using System.Collections.Immutable;
using VNetLab.Diagnostics;
using VNetLab.Model;
using VNetLab.Validation.Facts;

namespace VNetLab.Validation.Rules.Addressing;

/// <summary>
/// A subnet cannot hold more IPv4 configurations than it has usable addresses: its size minus the five
/// Azure keeps (constraints.md 2.7, 2.23).
/// </summary>
internal sealed class SubnetIsFullRule : IValidationRule
{
    public ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = [DiagnosticCatalog.Descriptors.SubnetIsFull];

    public ValidationReads Reads { get; } = ValidationReads.EstateWide(typeof(VirtualNetwork), typeof(NetworkInterface));

    public IEnumerable<Diagnostic> Validate(Estate estate)
    {
        foreach (var (_, subnet) in estate.AllSubnets)
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
