using System.Collections.Immutable;
using VNetLab.Diagnostics;
using VNetLab.Model;

namespace VNetLab.Validation.Rules.Addressing;

/// <summary>
/// Prefixes must have their host bits zero; Azure refuses <c>10.216.52.0/21</c> and names the corrected
/// <c>10.216.48.0/21</c> (constraints.md 2.2). The importer keeps the text as written so this can be said
/// on every resource that declares prefixes: VNets, subnets, routes, local network gateways.
/// </summary>
internal sealed class InvalidCidrNotationRule : ScopedValidationRule<VirtualNetwork>
{
    public override ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = [DiagnosticCatalog.Descriptors.InvalidCidrNotation];

    public override ValidationReads Reads { get; } = ValidationReads.Around<VirtualNetwork>(0, typeof(RouteTable), typeof(LocalNetworkGateway));

    protected override IEnumerable<Diagnostic> Validate(Estate estate, VirtualNetwork vnet)
    {
        List<Diagnostic>? findings = null;
        foreach (var prefix in vnet.AddressSpace)
        {
            if (!prefix.IsCanonical)
            {
                Findings.Add(ref findings, DiagnosticCatalog.InvalidCidrNotation(vnet, prefix.Text, prefix.Prefix));
            }
        }

        foreach (var subnet in vnet.Subnets)
        {
            foreach (var prefix in subnet.AddressPrefixes)
            {
                if (!prefix.IsCanonical)
                {
                    Findings.Add(ref findings, DiagnosticCatalog.InvalidCidrNotation(subnet, prefix.Text, prefix.Prefix));
                }
            }
        }

        return Findings.OrNone(findings);
    }

    public override IEnumerable<Diagnostic> ValidateEstateWide(Estate estate)
    {
        foreach (var route in estate.RouteTables.SelectMany(t => t.Routes))
        {
            if (!route.IsPrefixCanonical && route.Prefix is { } corrected)
            {
                yield return DiagnosticCatalog.InvalidCidrNotation(route, route.AddressPrefix, corrected);
            }
        }

        foreach (var lng in estate.LocalNetworkGateways)
        {
            foreach (var prefix in lng.AddressPrefixes.Where(p => !p.IsCanonical))
            {
                yield return DiagnosticCatalog.InvalidCidrNotation(lng, prefix.Text, prefix.Prefix);
            }
        }
    }
}
