using System.Collections.Immutable;
using VNetLab.Addressing;
using VNetLab.Diagnostics;
using VNetLab.Model;

namespace VNetLab.Validation.Rules.Addressing;

/// <summary>A VNet's DNS servers are IP addresses, not names (constraints.md 2.24).</summary>
internal sealed class DnsServerRule : IValidationRule
{
    public ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = [DiagnosticCatalog.Descriptors.InvalidDnsServer];

    public ValidationReads Reads { get; } = ValidationReads.EstateWide(typeof(VirtualNetwork));

    public IEnumerable<Diagnostic> Validate(Estate estate)
    {
        foreach (var vnet in estate.VirtualNetworks)
        {
            foreach (var server in vnet.DnsServers)
            {
                if (!IpAddress.TryParse(server, out _))
                {
                    yield return DiagnosticCatalog.InvalidDnsServer(vnet, server);
                }
            }
        }
    }
}
