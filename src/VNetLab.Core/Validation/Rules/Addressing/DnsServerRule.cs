using System.Collections.Immutable;
using VNetLab.Addressing;
using VNetLab.Diagnostics;
using VNetLab.Model;

namespace VNetLab.Validation.Rules.Addressing;

/// <summary>A VNet's DNS servers are IP addresses, not names (constraints.md 2.24).</summary>
internal sealed class DnsServerRule : ScopedValidationRule<VirtualNetwork>
{
    public override ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = [DiagnosticCatalog.Descriptors.InvalidDnsServer];

    public override ValidationReads Reads { get; } = ValidationReads.Around<VirtualNetwork>(0);

    protected override IEnumerable<Diagnostic> Validate(Estate estate, VirtualNetwork vnet)
    {
        List<Diagnostic>? findings = null;
        foreach (var server in vnet.DnsServers)
        {
            if (!IpAddress.TryParse(server, out _))
            {
                Findings.Add(ref findings, DiagnosticCatalog.InvalidDnsServer(vnet, server));
            }
        }

        return Findings.OrNone(findings);
    }
}
